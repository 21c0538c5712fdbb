import { ActionIcon, Anchor, Badge, Button, Group, Progress, Stack, Switch, Text, Title, Tooltip } from '@mantine/core';
import { useDeferredValue } from 'react';
import { useTranslation } from 'react-i18next';
import type { StoreApi } from 'zustand/vanilla';
import { useStore } from 'zustand';
import type { CriteriaFramework } from '../../../src-main/criteria/schema.js';
import { itemCodes } from '../../../src-main/criteria/items.js';
import { sheetTotal } from '../../../src-main/scoring/sheet.js';
import { percentsOf, progress } from '../../scoring/totals.js';
import type { Stage } from '../../../src-main/domain/words.js';
import { Icon } from '../../components/icons.js';
import type { ScoringState } from '../../stores/scoring.js';
import { SaveIndicator } from './SaveIndicator.js';

interface WorkspaceBarProps {
  title: string;
  stage: Stage;
  readOnly: boolean;
  framework: CriteriaFramework;
  store: StoreApi<ScoringState>;
  treeOpen: boolean;
  onTree: () => void;
  showMaterials: boolean;
  onMaterials: (show: boolean) => void;
  onBack: () => void;
  onSubmit: () => void;
}

type Totals = { framework: CriteriaFramework; store: StoreApi<ScoringState> };

// numbers, not the items, are selected: each re-renders only when its number changes
// and deferred: the keystroke's own frame paints the pad, the bar's figures follow in the next,
// so that the first frame redraws a small part of the window, not the pad and the bar both

function ProgressText({ framework, store }: Totals) {
  const { t } = useTranslation();
  const scored = useDeferredValue(useStore(store, (s) => progress(framework, percentsOf(s.items)).scored));
  return t('workspace.progress', { scored, total: itemCodes(framework).length });
}

function ProgressBar({ framework, store }: Totals) {
  const scored = useDeferredValue(useStore(store, (s) => progress(framework, percentsOf(s.items)).scored));
  // no sliding bar: its width, animated, is laid out and painted again on every frame for the next 100 ms
  return <Progress value={(scored / Math.max(1, itemCodes(framework).length)) * 100} size="sm" transitionDuration={0} />;
}

function TotalText({ framework, store }: Totals) {
  const { t } = useTranslation();
  const total = useDeferredValue(useStore(store, (s) => sheetTotal(framework, percentsOf(s.items))));
  return t('workspace.total', { total: total.toFixed(2), points: framework.totalPoints });
}

/** How far the sheet is and its total: the one part of the bar a keystroke changes, as text and the bar's width. */
function SheetTotals({ framework, store }: Totals) {
  return (
    <>
      <Stack gap={2} w={150}>
        <Text size="xs" c="dimmed" data-testid="progress-text" style={{ whiteSpace: 'nowrap' }}>
          <ProgressText framework={framework} store={store} />
        </Text>
        <ProgressBar framework={framework} store={store} />
      </Stack>
      <Text fw={700} style={{ whiteSpace: 'nowrap' }} data-testid="overall-total">
        <TotalText framework={framework} store={store} />
      </Text>
    </>
  );
}

/** One line above the panes: where the expert is, how far they are, and what they can do. */
export function WorkspaceBar(p: WorkspaceBarProps) {
  const { t } = useTranslation();
  return (
    <Group justify="space-between" wrap="nowrap" gap="sm" pb={6} mb={6} style={{ borderBottom: '1px solid var(--mantine-color-default-border)' }}>
      <Group gap="xs" wrap="nowrap" style={{ minWidth: 0 }}>
        <Anchor component="button" type="button" size="sm" style={{ whiteSpace: 'nowrap' }} onClick={p.onBack} data-testid="workspace-back">
          ← {t('common.back')}
        </Anchor>
        <Tooltip label={p.treeOpen ? t('workspace.hideTree') : t('workspace.showTree')}>
          <ActionIcon variant={p.treeOpen ? 'light' : 'subtle'} onClick={p.onTree} aria-label={p.treeOpen ? t('workspace.hideTree') : t('workspace.showTree')} aria-pressed={p.treeOpen} data-testid="tree-toggle">
            <Icon name="sidebar" size={16} />
          </ActionIcon>
        </Tooltip>
        <Title order={4} lineClamp={1} style={{ minWidth: 0 }}>
          {p.title}
        </Title>
        <Badge variant="outline" style={{ flexShrink: 0 }}>
          {t(`stage.${p.stage}`)}
        </Badge>
        {p.readOnly ? (
          <Badge color="green" style={{ flexShrink: 0 }}>
            {t('sheet.status.submitted')}
          </Badge>
        ) : null}
      </Group>
      <Group gap="md" wrap="nowrap">
        <SheetTotals framework={p.framework} store={p.store} />
        <SaveIndicator store={p.store} />
        <Switch label={t('workspace.materials')} checked={p.showMaterials} onChange={(e) => p.onMaterials(e.currentTarget.checked)} styles={{ label: { whiteSpace: 'nowrap' } }} />
        {!p.readOnly ? (
          <Button onClick={p.onSubmit} leftSection={<Icon name="check" size={16} />} data-testid="submit-open">
            {t('workspace.submit')}
          </Button>
        ) : null}
      </Group>
    </Group>
  );
}
