import { Badge, Group, Kbd, rem, Spoiler, Stack, Text, Textarea, Title } from '@mantine/core';
import { forwardRef, memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { StoreApi } from 'zustand/vanilla';
import { useStore } from 'zustand';
import type { CriteriaFramework, CriteriaItem } from '../../../src-main/criteria/schema.js';
import { useLocalized } from '../../hooks/useLocalized.js';
import type { ScoringState } from '../../stores/scoring.js';
import { BandTable } from './BandTable.js';
import { ScorePad } from './ScorePad.js';

function findItem(framework: CriteriaFramework, code: string | null): CriteriaItem | null {
  for (const c of framework.categories) for (const i of c.items) if (i.code === code) return i;
  return null;
}

/**
 * A comment field grows with its text from three lines to six. The browser sizes it (CSS
 * field-sizing), not a script: react-textarea-autosize read the computed style and forced a
 * layout on every render, about 6 ms of each move to the next item.
 */
const COMMENT_FIELD = {
  input: {
    fieldSizing: 'content',
    minHeight: 'calc(3lh + 2 * var(--input-padding-y, 0rem) + 2px)',
    maxHeight: 'calc(6lh + 2 * var(--input-padding-y, 0rem) + 2px)',
  },
} as const;

type CommentFieldName = 'strengths' | 'opportunities';

/**
 * One comment field of the item selected. It follows its own text and no props, so that moving
 * on re-renders it only when the next item's text is another.
 */
const CommentField = memo(function CommentField({ store, field }: { store: StoreApi<ScoringState>; field: CommentFieldName }) {
  const { t } = useTranslation();
  const text = useStore(store, (s) => (s.selected === null ? '' : (s.items[s.selected]?.[field] ?? '')));
  const readOnly = useStore(store, (s) => s.readOnly);
  return <Textarea label={t(`item.${field}`)} value={text} onChange={(e) => store.getState().editText(field, e.currentTarget.value)} rows={3} styles={COMMENT_FIELD} readOnly={readOnly} data-testid={field} />;
});

/** The item's points and kind: the same from one item to the next more often than not. */
const ItemBadges = memo(function ItemBadges({ points, kind }: { points: number; kind: 'process' | 'results' }) {
  const { t } = useTranslation();
  return (
    <Group gap={6} style={{ minWidth: 0 }} data-testid="item-badges">
      <Badge variant="light">{t('item.points', { points })}</Badge>
      <Badge variant="outline" color={kind === 'process' ? 'indigo' : 'grape'} maw="100%">
        {t(`item.kind.${kind}`)}
      </Badge>
    </Group>
  );
});

const EscBack = memo(function EscBack() {
  const { t } = useTranslation();
  return (
    <Text size="xs" c="dimmed">
      <Kbd>Esc</Kbd> {t('item.escBack')}
    </Text>
  );
});

/** px: about three lines of guidance before its "more" link */
const GUIDANCE_HEIGHT = 65;
const MORE_LINK = 'calc(1.5rem * var(--mantine-scale))';

/**
 * The guidance takes the same height on every item, long or short, with room under it for its
 * "more" link whether it has one or not: the pad below stays where it is from item to item, and
 * moving on lays out and paints again the guidance, not the pad, the comments and the bands
 * (the link, known only once the text is measured, would otherwise move them all a frame later).
 */
const GUIDANCE = {
  root: { marginBottom: 0, paddingBottom: MORE_LINK },
  content: { minHeight: rem(GUIDANCE_HEIGHT) },
  control: { top: `calc(100% - ${MORE_LINK})`, fontSize: 'var(--mantine-font-size-xs)' },
} as const;

/**
 * The item being scored. It follows only which item is selected: a keystroke on the pad
 * re-renders the figures on the pad it changes (and the band rows when the band changes), not
 * the guidance and the comments.
 */
export const ItemPanel = forwardRef<HTMLDivElement, { framework: CriteriaFramework; store: StoreApi<ScoringState> }>(function ItemPanel({ framework, store }, padRef) {
  const { t } = useTranslation();
  const l = useLocalized();
  const code = useStore(store, (s) => s.selected);
  const hasDraft = useStore(store, (s) => s.selected !== null && s.items[s.selected] !== undefined);
  const item = findItem(framework, code);
  if (!item || !hasDraft) return null;
  const kind = item.kind === 'process' ? 'process' : 'results';

  return (
    <Stack gap="sm" py={4}>
      <Stack gap={4}>
        {/* the badges go under the title when the pane is too narrow for both on one line */}
        <Group justify="space-between" gap={6} align="flex-start">
          <Title order={4} data-testid="item-title">
            {item.code} {l(item.name)}
          </Title>
          <ItemBadges points={item.points} kind={kind} />
        </Group>
        <Spoiler maxHeight={GUIDANCE_HEIGHT} showLabel={t('item.more')} hideLabel={t('item.less')} fz="sm" styles={GUIDANCE}>
          <Text size="sm" c="dimmed">
            {l(item.guidance)}
          </Text>
        </Spoiler>
      </Stack>
      <ScorePad ref={padRef} store={store} framework={framework} item={item} />
      <CommentField store={store} field="strengths" />
      <CommentField store={store} field="opportunities" />
      <EscBack />
      <BandTable store={store} framework={framework} kind={kind} />
    </Stack>
  );
});
