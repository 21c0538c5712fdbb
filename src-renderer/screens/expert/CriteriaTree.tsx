import { Box, Group, ScrollArea, Stack, Text, UnstyledButton } from '@mantine/core';
import { memo, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { StoreApi } from 'zustand/vanilla';
import { useStore } from 'zustand';
import type { CriteriaFramework } from '../../../src-main/criteria/schema.js';
import { useLocalized } from '../../hooks/useLocalized.js';
import { categoryScore, itemScore } from '../../../src-main/scoring/sheet.js';
import type { ScoringState } from '../../stores/scoring.js';

function fmt(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(2).replace(/0$/, '');
}

interface RowProps {
  item: CriteriaFramework['categories'][number]['items'][number];
  percent: number | null;
  active: boolean;
  store: StoreApi<ScoringState>;
}

/** One item of the tree; memoised, so a keystroke re-renders only the rows whose score or selection changed. */
const TreeRow = memo(function TreeRow({ item, percent, active, store }: RowProps) {
  const { t } = useTranslation();
  const l = useLocalized();
  const ref = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (active) ref.current?.scrollIntoView({ block: 'nearest' });
  }, [active]);

  return (
    <UnstyledButton
      ref={ref}
      onClick={() => store.getState().select(item.code)}
      px={6}
      py={5}
      tabIndex={-1}
      data-testid={`tree-item-${item.code}`}
      data-active={active || undefined}
      aria-current={active ? 'true' : undefined}
      bg={active ? 'var(--mantine-primary-color-light)' : undefined}
      style={{ borderRadius: 6 }}
    >
      <Group justify="space-between" wrap="nowrap" gap="xs">
        <Text size="sm" truncate fw={active ? 600 : 400}>
          {item.code} {l(item.name)}
        </Text>
        <Text size="xs" c={percent === null ? 'dimmed' : undefined} style={{ whiteSpace: 'nowrap' }}>
          {percent === null ? t('tree.unscored', { points: item.points }) : t('tree.scored', { percent, score: fmt(itemScore(item.points, percent)), points: item.points })}
        </Text>
      </Group>
    </UnstyledButton>
  );
});

/** Categories and items with points, the expert's percent and score, and running subtotals. */
export function CriteriaTree({ framework, store }: { framework: CriteriaFramework; store: StoreApi<ScoringState> }) {
  const { t } = useTranslation();
  const l = useLocalized();
  const items = useStore(store, (s) => s.items);
  const selected = useStore(store, (s) => s.selected);
  const percents = Object.fromEntries(Object.entries(items).map(([code, d]) => [code, d.percent]));

  return (
    <ScrollArea h="100%" type="auto" offsetScrollbars data-testid="criteria-tree">
      <Stack gap="sm">
        {framework.categories.map((c) => (
          <Box key={c.code}>
            <Group justify="space-between" px={6} py={4} bg="var(--mantine-color-default-hover)" style={{ borderRadius: 6 }}>
              <Text size="sm" fw={600}>
                {c.code} {l(c.name)}
              </Text>
              <Text size="xs" c="dimmed" data-testid={`category-total-${c.code}`}>
                {t('tree.subtotal', { score: fmt(categoryScore(c, percents)), points: c.points })}
              </Text>
            </Group>
            <Stack gap={0} mt={2}>
              {c.items.map((item) => (
                <TreeRow key={item.code} item={item} percent={items[item.code]?.percent ?? null} active={item.code === selected} store={store} />
              ))}
            </Stack>
          </Box>
        ))}
      </Stack>
    </ScrollArea>
  );
}
