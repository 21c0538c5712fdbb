import { Alert, Anchor, Box, Stack } from '@mantine/core';
import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import type { StoreApi } from 'zustand/vanilla';
import type { Stage } from '../../../src-main/domain/words.js';
import { useApp, useSession } from '../../context/app-context.js';
import { prefetchViewer } from '../../components/pdf/loadViewer.js';
import { ErrorNotice, LoadingState } from '../../components/States.js';
import { useCall } from '../../hooks/useCall.js';
import { useRememberPlace } from '../../hooks/usePlace.js';
import { afterNextPaint } from '../../scoring/after-paint.js';
import { padAction } from '../../scoring/keys.js';
import { markWorkspaceReady } from '../../scoring/marks.js';
import { onBeforeLock } from '../../stores/before-lock.js';
import { navStore } from '../../stores/nav.js';
import { recallItem } from '../../stores/place.js';
import { createScoringStore, saveStatus, type ScoringState } from '../../stores/scoring.js';
import { CriteriaTree } from './CriteriaTree.js';
import { ItemPanel } from './ItemPanel.js';
import { MaterialsPane, useMaterials } from './MaterialsPane.js';
import { SubmitModal } from './SubmitModal.js';
import { WorkspaceBar } from './WorkspaceBar.js';
import { useWorkspacePanes, WorkspacePanes } from './WorkspacePanes.js';

function isTextField(target: EventTarget): boolean {
  return target instanceof HTMLTextAreaElement || target instanceof HTMLInputElement || target instanceof HTMLSelectElement;
}

/** The materials viewer and the pane handles take their own keys (PageDown, arrows…). */
function ownsKeys(target: EventTarget): boolean {
  return target instanceof Element && target.closest('[data-own-keys], [role="separator"]') !== null;
}

/** The height AppShell leaves below its header, so that the panes scroll and the page does not. */
const FILL_HEIGHT = 'calc(100dvh - var(--app-shell-header-offset, 0rem) - 2 * var(--app-shell-padding))';

/** Remembers the item the expert is on; a component of its own, so that moving between items re-renders nothing else. */
function RememberItem({ store, editionId, applicantId, stage }: { store: StoreApi<ScoringState>; editionId: string; applicantId: string; stage: Stage }) {
  const selected = useStore(store, (s) => s.selected);
  useRememberPlace({ screen: 'sheet', editionId, applicantId, stage }, selected, selected !== null);
  return null;
}

/** The screen experts live in: criteria tree, the item being scored, the applicant's materials, filling the window. */
export function ScoringWorkspace({ editionId, applicantId, stage }: { editionId: string; applicantId: string; stage: Stage }) {
  const { t } = useTranslation();
  const { api } = useApp();
  const edition = useCall('editions.get', { editionId });
  const sheet = useCall('sheets.open', { editionId, applicantId, stage });
  const assignments = useCall('assignments.mine', { editionId });
  const materials = useMaterials(editionId, applicantId);
  const store = useMemo(() => createScoringStore({ save: (input) => api.call('sheets.saveItem', input), afterPaint: afterNextPaint }), [api]);
  const loaded = useStore(store, (s) => s.sheet !== null);
  // the workspace itself does not follow the items or the selection: a keystroke re-renders
  // only what shows them (the tree, the item, the totals), not the panes and the materials
  const readOnly = useStore(store, (s) => s.readOnly);
  const [showMaterials, setShowMaterials] = useState(true);
  const panes = useWorkspacePanes();
  const [submitOpen, setSubmitOpen] = useState(false);
  const pad = useRef<HTMLDivElement>(null);
  const box = useRef<HTMLDivElement>(null);

  const framework = edition.data?.framework;
  const storeFingerprint = useSession((s) => s.status?.info?.fingerprint ?? null);
  useEffect(() => {
    if (!sheet.data || !framework) return;
    store.getState().load(sheet.data, framework);
    // back on the item the expert was on before a reload or a lock
    const item = storeFingerprint ? recallItem(storeFingerprint, { screen: 'sheet', editionId, applicantId, stage }) : null;
    if (item) store.getState().select(item);
  }, [sheet.data, framework, store, storeFingerprint, editionId, applicantId, stage]);

  useEffect(prefetchViewer, []);
  useEffect(() => onBeforeLock(() => store.getState().flush()), [store]);
  useEffect(() => {
    // the window closes, reloads or is hidden: what was typed goes now, in requests that outlive the page
    const goNow = () => store.getState().flushNow();
    const onHidden = () => {
      if (document.visibilityState === 'hidden') goNow();
    };
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      goNow();
      // a change the store refused cannot be sent: ask before leaving it behind
      if (saveStatus(store.getState()).kind === 'failed') event.preventDefault();
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    window.addEventListener('pagehide', goNow);
    document.addEventListener('visibilitychange', onHidden);
    return () => {
      window.removeEventListener('beforeunload', onBeforeUnload);
      window.removeEventListener('pagehide', goNow);
      document.removeEventListener('visibilitychange', onHidden);
      void store.getState().flush();
    };
  }, [store]);

  useEffect(() => {
    if (!loaded) return;
    pad.current?.focus();
    markWorkspaceReady();
  }, [loaded]);

  // the selected item's code on the workspace's element, for the end-to-end runs, set without a render
  useEffect(() => {
    if (!loaded) return;
    const show = (code: string | null) => {
      if (code === null) box.current?.removeAttribute('data-selected');
      else box.current?.setAttribute('data-selected', code);
    };
    show(store.getState().selected);
    return store.subscribe((s) => show(s.selected));
  }, [loaded, store]);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    // React bubbles events out of portals (the submit dialog); only keys typed in the page count
    if (!event.currentTarget.contains(event.target as Node) || ownsKeys(event.target)) return;
    if (isTextField(event.target)) {
      if (event.key === 'Escape') {
        event.preventDefault();
        pad.current?.focus();
      }
      return;
    }
    if (event.target instanceof HTMLButtonElement && (event.key === 'Enter' || event.key === ' ')) return;
    const action = padAction(event.key, { ctrl: event.ctrlKey, alt: event.altKey, meta: event.metaKey });
    const s = store.getState();
    switch (action.kind) {
      case 'move':
        s.move(action.delta);
        break;
      case 'step':
        s.step(action.direction);
        break;
      case 'digit':
        s.digit(action.digit);
        break;
      case 'clear':
        s.setPercent(null);
        break;
      case 'backspace':
        s.backspace();
        break;
      case 'commit':
        s.commit();
        break;
      case 'cancel':
        s.cancel();
        break;
      default:
        return;
    }
    event.preventDefault();
    pad.current?.focus();
  };

  const error = edition.error ?? sheet.error;
  if (error) {
    return (
      <Stack maw={800} mx="auto">
        <Anchor component="button" type="button" size="sm" onClick={() => navStore.getState().go({ screen: 'edition', editionId })}>
          ← {t('common.back')}
        </Anchor>
        <ErrorNotice error={error} onRetry={() => void Promise.all([edition.reload(), sheet.reload()])} />
      </Stack>
    );
  }
  if (!framework || !loaded) return <LoadingState label={t('workspace.opening')} />;

  const applicant = assignments.data?.find((a) => a.applicant.id === applicantId)?.applicant;

  return (
    <Box ref={box} onKeyDown={onKeyDown} data-testid="workspace" style={{ display: 'flex', flexDirection: 'column', height: FILL_HEIGHT }}>
      <RememberItem store={store} editionId={editionId} applicantId={applicantId} stage={stage} />
      <WorkspaceBar
        title={applicant ? `${applicant.code} ${applicant.name}` : ''}
        stage={stage}
        readOnly={readOnly}
        framework={framework}
        store={store}
        treeOpen={panes.treeOpen}
        onTree={panes.toggleTree}
        showMaterials={showMaterials}
        onMaterials={setShowMaterials}
        onBack={() => navStore.getState().go({ screen: 'edition', editionId })}
        onSubmit={() => setSubmitOpen(true)}
      />
      {readOnly ? (
        <Alert color="green" variant="light" mb={6} py={6}>
          {t('workspace.submittedNote')}
        </Alert>
      ) : null}
      {!readOnly && sheet.data?.revisedFor ? (
        <Alert color="orange" variant="light" mb={6} py={6} title={t('workspace.returnedTitle', { version: sheet.data.version })} data-testid="revised-for">
          {sheet.data.revisedFor}
        </Alert>
      ) : null}
      <WorkspacePanes
        sizes={panes.sizes}
        onSizes={panes.setSizes}
        tree={panes.treeOpen ? <CriteriaTree framework={framework} store={store} /> : null}
        item={<ItemPanel ref={pad} framework={framework} store={store} />}
        materials={showMaterials ? <MaterialsPane source={materials} onLeave={() => pad.current?.focus()} /> : null}
      />
      <SubmitModal
        opened={submitOpen}
        onClose={() => {
          setSubmitOpen(false);
          pad.current?.focus();
        }}
        store={store}
        framework={framework}
        onSubmitted={() => {
          setSubmitOpen(false);
          void assignments.reload();
        }}
      />
    </Box>
  );
}
