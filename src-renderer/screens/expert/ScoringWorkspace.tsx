import { Alert, Anchor, Badge, Box, Button, Group, Progress, Stack, Switch, Text, Title } from '@mantine/core';
import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import type { Stage } from '../../../src-main/domain/words.js';
import { useApp } from '../../context/app-context.js';
import { Icon } from '../../components/icons.js';
import { ErrorNotice, LoadingState } from '../../components/States.js';
import { useCall } from '../../hooks/useCall.js';
import { padAction } from '../../scoring/keys.js';
import { sheetTotal } from '../../../src-main/scoring/sheet.js';
import { progress } from '../../scoring/totals.js';
import { onBeforeLock } from '../../stores/before-lock.js';
import { navStore } from '../../stores/nav.js';
import { createScoringStore, saveStatus } from '../../stores/scoring.js';
import { CriteriaTree } from './CriteriaTree.js';
import { ItemPanel } from './ItemPanel.js';
import { MaterialsPane } from './MaterialsPane.js';
import { SaveIndicator } from './SaveIndicator.js';
import { SubmitModal } from './SubmitModal.js';

function isTextField(target: EventTarget): boolean {
  return target instanceof HTMLTextAreaElement || target instanceof HTMLInputElement || target instanceof HTMLSelectElement;
}

/** The screen experts live in: criteria tree, the item being scored, the applicant's materials. */
export function ScoringWorkspace({ editionId, applicantId, stage }: { editionId: string; applicantId: string; stage: Stage }) {
  const { t } = useTranslation();
  const { api } = useApp();
  const edition = useCall('editions.get', { editionId });
  const sheet = useCall('sheets.open', { editionId, applicantId, stage });
  const assignments = useCall('assignments.mine', { editionId });
  const store = useMemo(() => createScoringStore({ save: (input) => api.call('sheets.saveItem', input) }), [api]);
  const loaded = useStore(store, (s) => s.sheet !== null);
  const items = useStore(store, (s) => s.items);
  const readOnly = useStore(store, (s) => s.readOnly);
  const selected = useStore(store, (s) => s.selected);
  const [showMaterials, setShowMaterials] = useState(true);
  const [submitOpen, setSubmitOpen] = useState(false);
  const pad = useRef<HTMLDivElement>(null);

  const framework = edition.data?.framework;
  useEffect(() => {
    if (sheet.data && framework) store.getState().load(sheet.data, framework);
  }, [sheet.data, framework, store]);

  useEffect(() => onBeforeLock(() => store.getState().flush()), [store]);
  useEffect(() => {
    const warn = (event: BeforeUnloadEvent) => {
      if (saveStatus(store.getState()).kind === 'saving' || saveStatus(store.getState()).kind === 'failed') event.preventDefault();
    };
    window.addEventListener('beforeunload', warn);
    return () => {
      window.removeEventListener('beforeunload', warn);
      void store.getState().flush();
    };
  }, [store]);

  useEffect(() => {
    if (loaded) pad.current?.focus();
  }, [loaded]);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    // React bubbles events out of portals (the submit dialog); only keys typed in the page count
    if (!event.currentTarget.contains(event.target as Node)) return;
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
        if (s.buffer !== '') s.clearBuffer();
        break;
      case 'commit':
        s.clearBuffer();
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
  const percents = Object.fromEntries(Object.entries(items).map(([code, d]) => [code, d.percent]));
  const done = progress(framework, percents);
  const total = sheetTotal(framework, percents);

  return (
    <Box onKeyDown={onKeyDown} data-testid="workspace" data-selected={selected ?? undefined}>
      <Group gap="sm" wrap="nowrap" mb={4}>
        <Anchor component="button" type="button" size="sm" style={{ whiteSpace: 'nowrap' }} onClick={() => navStore.getState().go({ screen: 'edition', editionId })}>
          ← {t('common.back')}
        </Anchor>
        <Title order={3} lineClamp={1} style={{ minWidth: 0 }}>
          {applicant ? `${applicant.code} ${applicant.name}` : ''}
        </Title>
        <Badge variant="outline" style={{ flexShrink: 0 }}>
          {t(`stage.${stage}`)}
        </Badge>
        {readOnly ? <Badge color="green" style={{ flexShrink: 0 }}>{t('sheet.status.submitted')}</Badge> : null}
      </Group>
      <Group justify="space-between" mb="sm" wrap="nowrap" py={6} style={{ borderBottom: '1px solid var(--mantine-color-default-border)' }}>
        <Group gap="xl" wrap="nowrap">
          <Stack gap={2} w={200}>
            <Text size="xs" c="dimmed" data-testid="progress-text">
              {t('workspace.progress', { scored: done.scored, total: done.total })}
            </Text>
            <Progress value={(done.scored / Math.max(1, done.total)) * 100} size="sm" />
          </Stack>
          <Text fw={700} style={{ whiteSpace: 'nowrap' }} data-testid="overall-total">
            {t('workspace.total', { total: total.toFixed(2), points: framework.totalPoints })}
          </Text>
          <SaveIndicator store={store} />
        </Group>
        <Group gap="md" wrap="nowrap">
          <Switch label={t('workspace.materials')} checked={showMaterials} onChange={(e) => setShowMaterials(e.currentTarget.checked)} styles={{ label: { whiteSpace: 'nowrap' } }} />
          {!readOnly ? (
            <Button onClick={() => setSubmitOpen(true)} leftSection={<Icon name="check" size={16} />} data-testid="submit-open">
              {t('workspace.submit')}
            </Button>
          ) : null}
        </Group>
      </Group>
      {readOnly ? (
        <Alert color="green" variant="light" mb="sm">
          {t('workspace.submittedNote')}
        </Alert>
      ) : null}
      {!readOnly && sheet.data?.revisedFor ? (
        <Alert color="orange" variant="light" mb="sm" title={t('workspace.returnedTitle', { version: sheet.data.version })} data-testid="revised-for">
          {sheet.data.revisedFor}
        </Alert>
      ) : null}
      <Box style={{ display: 'grid', gridTemplateColumns: showMaterials ? '320px minmax(380px, 1fr) minmax(380px, 1fr)' : '340px 1fr', gap: 16 }}>
        <CriteriaTree framework={framework} store={store} />
        <Box style={{ overflow: 'auto', maxHeight: 'calc(100vh - 215px)' }} pr={4}>
          <ItemPanel ref={pad} framework={framework} store={store} />
        </Box>
        {showMaterials ? <MaterialsPane editionId={editionId} applicantId={applicantId} /> : null}
      </Box>
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
