import { Box, Group, ScrollArea, Stack, Text, UnstyledButton } from '@mantine/core';
import { memo, useDeferredValue, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { StoreApi } from 'zustand/vanilla';
import { useStore } from 'zustand';
import type { CriteriaFramework } from '../../../src-main/criteria/schema.js';
import { useLocalized } from '../../hooks/useLocalized.js';
import { categoryScore, itemScore } from '../../../src-main/scoring/sheet.js';
import { percentsOf } from '../../scoring/totals.js';
import type { ScoringState } from '../../stores/scoring.js';
import './marked-rows.css';

function fmt(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(2).replace(/0$/, '');
}

type Category = CriteriaFramework['categories'][number];

interface RowProps {
  item: Category['items'][number];
  store: StoreApi<ScoringState>;
}

/** An item's score in the tree, as text, dimmed while it has none; a frame after the pad (see Subtotal). */
function RowScore({ item, store }: RowProps) {
  const { t } = useTranslation();
  const percent = useDeferredValue(useStore(store, (s) => s.items[item.code]?.percent ?? null));
  return (
    <Text size="xs" c={percent === null ? 'dimmed' : undefined} style={{ whiteSpace: 'nowrap' }}>
      {percent === null ? t('tree.unscored', { points: item.points }) : t('tree.scored', { percent, score: fmt(itemScore(item.points, percent)), points: item.points })}
    </Text>
  );
}

/** What a row shows, rendered once: its score follows the store on its own. */
const RowLabel = memo(function RowLabel({ item, store }: RowProps) {
  const l = useLocalized();
  return (
    <Group justify="space-between" wrap="nowrap" gap="xs">
      <Text size="sm" truncate className="ps-tree-name">
        {item.code} {l(item.name)}
      </Text>
      <RowScore item={item} store={store} />
    </Group>
  );
});

/**
 * One item of the tree. It follows whether it is selected, marked by its attribute
 * (marked-rows.css), so that a move re-renders the two rows' buttons and nothing in them.
 */
const TreeRow = memo(function TreeRow({ item, store }: RowProps) {
  const ref = useRef<HTMLButtonElement>(null);
  const active = useStore(store, (s) => s.selected === item.code);

  useEffect(() => {
    if (!active) return;
    // at the start of the frame that paints the move, where the page is laid out once anyway:
    // from the keystroke's handler it is laid out for the scroll, then again for the frame
    const frame = requestAnimationFrame(() => ref.current?.scrollIntoView({ block: 'nearest' }));
    return () => cancelAnimationFrame(frame);
  }, [active]);

  return (
    <UnstyledButton
      ref={ref}
      onClick={() => store.getState().select(item.code)}
      px={6}
      py={5}
      tabIndex={-1}
      className="ps-tree-row"
      data-testid={`tree-item-${item.code}`}
      data-active={active || undefined}
      aria-current={active ? 'true' : undefined}
      style={{ borderRadius: 6 }}
    >
      <RowLabel item={item} store={store} />
    </UnstyledButton>
  );
});

/**
 * The running subtotal, as text: all a score typed changes in its category's heading. Deferred, as
 * the row's percent is: the keystroke's frame paints the pad, the tree follows in the next.
 */
function Subtotal({ category, store }: { category: Category; store: StoreApi<ScoringState> }) {
  const { t } = useTranslation();
  const subtotal = useDeferredValue(useStore(store, (s) => categoryScore(category, percentsOf(s.items))));
  return t('tree.subtotal', { score: fmt(subtotal), points: category.points });
}

/** A category's heading and its items, rendered once: its subtotal and its rows follow the store on their own. */
const CategoryBlock = memo(function CategoryBlock({ category, store }: { category: Category; store: StoreApi<ScoringState> }) {
  const l = useLocalized();
  return (
    <Box>
      <Group justify="space-between" px={6} py={4} bg="var(--mantine-color-default-hover)" style={{ borderRadius: 6 }}>
        <Text size="sm" fw={600}>
          {category.code} {l(category.name)}
        </Text>
        <Text size="xs" c="dimmed" data-testid={`category-total-${category.code}`}>
          <Subtotal category={category} store={store} />
        </Text>
      </Group>
      <Stack gap={0} mt={2}>
        {category.items.map((item) => (
          <TreeRow key={item.code} item={item} store={store} />
        ))}
      </Stack>
    </Box>
  );
});

/** Categories and items with points, the expert's percent and score, and running subtotals. */
export function CriteriaTree({ framework, store }: { framework: CriteriaFramework; store: StoreApi<ScoringState> }) {
  return (
    <ScrollArea h="100%" type="auto" offsetScrollbars data-testid="criteria-tree">
      <Stack gap="sm">
        {framework.categories.map((c) => (
          <CategoryBlock key={c.code} category={c} store={store} />
        ))}
      </Stack>
    </ScrollArea>
  );
}
