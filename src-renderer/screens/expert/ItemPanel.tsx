import { Badge, Box, Group, Kbd, rem, Spoiler, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { forwardRef, memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { StoreApi } from 'zustand/vanilla';
import { useStore } from 'zustand';
import type { CriteriaFramework, CriteriaItem } from '../../../src-main/criteria/schema.js';
import { useLocalized } from '../../hooks/useLocalized.js';
import { bandOf, itemScore } from '../../../src-main/scoring/sheet.js';
import type { ScoringState } from '../../stores/scoring.js';

function findItem(framework: CriteriaFramework, code: string | null): CriteriaItem | null {
  for (const c of framework.categories) for (const i of c.items) if (i.code === code) return i;
  return null;
}

/**
 * The percent on the pad, and beside it the number being typed or the one refused, on lines no
 * taller than the percent's so that their coming and going leaves the pad's height as it is.
 */
const PadPercent = memo(function PadPercent({ store, code }: { store: StoreApi<ScoringState>; code: string }) {
  const percent = useStore(store, (s) => s.items[code]?.percent ?? null);
  const buffer = useStore(store, (s) => s.buffer);
  const refused = useStore(store, (s) => (s.refused?.code === code ? s.refused.typed : null));
  return (
    <Group gap="xs" align="baseline" wrap="nowrap">
      <Text fz={40} fw={700} lh={1.1} data-testid="pad-percent">
        {percent === null ? '—' : `${percent}%`}
      </Text>
      {buffer !== '' ? (
        <Text fz={24} fw={600} lh={1.1} c="blue" data-testid="pad-typed" aria-hidden>
          → {buffer}
        </Text>
      ) : refused !== null ? (
        <Text fz={24} fw={600} lh={1.1} c="red" td="line-through" data-testid="pad-refused" aria-hidden>
          {refused}
        </Text>
      ) : null}
    </Group>
  );
});

const PadScore = memo(function PadScore({ store, item }: { store: StoreApi<ScoringState>; item: CriteriaItem }) {
  const percent = useStore(store, (s) => s.items[item.code]?.percent ?? null);
  return (
    <Text fz={24} fw={600} data-testid="pad-score">
      {percent === null ? '—' : `${itemScore(item.points, percent)} / ${item.points}`}
    </Text>
  );
});

/**
 * The line under the pad: the keys it takes, what is being typed, or why a number was refused.
 * It keeps the height of the list of keys, the longest of them but a refusal, under whatever
 * it says (an invisible copy in the same grid cell): a digit typed, which shortens the line,
 * would otherwise move everything below the pad and have it all laid out and painted again.
 */
const PadHint = memo(function PadHint({ store, code }: { store: StoreApi<ScoringState>; code: string }) {
  const { t } = useTranslation();
  const percent = useStore(store, (s) => s.items[code]?.percent ?? null);
  const buffer = useStore(store, (s) => s.buffer);
  const refused = useStore(store, (s) => (s.refused?.code === code ? s.refused : null));
  const step = useStore(store, (s) => s.framework?.percentStep ?? 5);
  const readOnly = useStore(store, (s) => s.readOnly);
  const kept = percent === null ? t('pad.keptNone') : t('pad.keptValue', { percent });
  const hint = readOnly
    ? t('pad.readOnly')
    : refused
      ? t(refused.reason === 'above' ? 'pad.refusedAbove' : 'pad.refusedOffGrid', { typed: refused.typed, step, kept })
      : buffer !== ''
        ? t('pad.typed', { typed: buffer })
        : t('pad.keys');
  return (
    <Box mt={6} style={{ display: 'grid' }}>
      <Text size="xs" aria-hidden style={{ gridArea: '1 / 1', visibility: 'hidden' }}>
        {t('pad.keys')}
      </Text>
      <Text size="xs" c={refused ? 'red' : buffer !== '' ? undefined : 'dimmed'} fw={refused ? 600 : undefined} data-testid="pad-hint" data-state={refused ? 'refused' : buffer !== '' ? 'typing' : 'idle'} aria-live="assertive" style={{ gridArea: '1 / 1' }}>
        {hint}
      </Text>
    </Box>
  );
});

/** What the pad shows, laid out once per item: each figure in it follows the store on its own. */
const PadFigures = memo(function PadFigures({ store, item }: { store: StoreApi<ScoringState>; item: CriteriaItem }) {
  const { t } = useTranslation();
  return (
    <>
      <Group justify="space-between" align="flex-end">
        <Stack gap={0}>
          <Text size="xs" c="dimmed">
            {t('pad.percent')}
          </Text>
          <PadPercent store={store} code={item.code} />
        </Stack>
        <Stack gap={0} ta="right">
          <Text size="xs" c="dimmed">
            {t('pad.score')}
          </Text>
          <PadScore store={store} item={item} />
        </Stack>
      </Group>
      <PadHint store={store} code={item.code} />
    </>
  );
});

/**
 * The score pad: focused, it takes digits, +/−, arrows; the page handles the keys. A keystroke
 * re-renders the figures it changes (helpers above), not the pad: a digit typed, the typed
 * number and the hint; a step, the percent and the score too.
 */
const ScorePad = forwardRef<HTMLDivElement, { store: StoreApi<ScoringState>; item: CriteriaItem }>(function ScorePad({ store, item }, ref) {
  const { t } = useTranslation();
  const percent = useStore(store, (s) => s.items[item.code]?.percent ?? null);
  const refused = useStore(store, (s) => s.refused?.code === item.code);
  return (
    <Box
      ref={ref}
      tabIndex={0}
      role="spinbutton"
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={percent ?? undefined}
      aria-label={t('pad.label', { code: item.code })}
      data-testid="score-pad"
      p="md"
      data-refused={refused ? 'true' : undefined}
      style={{ borderRadius: 10, border: `2px solid ${refused ? 'var(--mantine-color-red-6)' : 'var(--mantine-color-default-border)'}`, outlineOffset: 2 }}
    >
      <PadFigures store={store} item={item} />
    </Box>
  );
});

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

/** The two comment fields of one item: re-rendered by their own text, not by the score typed on the pad. */
const ItemComments = memo(function ItemComments({ store, code }: { store: StoreApi<ScoringState>; code: string }) {
  const { t } = useTranslation();
  const strengths = useStore(store, (s) => s.items[code]?.strengths ?? '');
  const opportunities = useStore(store, (s) => s.items[code]?.opportunities ?? '');
  const readOnly = useStore(store, (s) => s.readOnly);
  return (
    <>
      <Textarea
        label={t('item.strengths')}
        value={strengths}
        onChange={(e) => store.getState().editText('strengths', e.currentTarget.value)}
        rows={3}
        styles={COMMENT_FIELD}
        readOnly={readOnly}
        data-testid="strengths"
      />
      <Textarea
        label={t('item.opportunities')}
        value={opportunities}
        onChange={(e) => store.getState().editText('opportunities', e.currentTarget.value)}
        rows={3}
        styles={COMMENT_FIELD}
        readOnly={readOnly}
        data-testid="opportunities"
      />
    </>
  );
});

type Band = CriteriaFramework['bands'][number];

/** One band of the table: re-rendered only when it becomes or stops being the item's. */
const BandRow = memo(function BandRow({ band, kind, active }: { band: Band; kind: 'process' | 'results'; active: boolean }) {
  const l = useLocalized();
  return (
    <Table.Tr bg={active ? 'var(--mantine-primary-color-light)' : undefined} data-active={active || undefined}>
      <Table.Td fw={active ? 700 : 400}>
        {band.min}–{band.max}%
      </Table.Td>
      <Table.Td>{l(kind === 'process' ? band.process : band.results)}</Table.Td>
    </Table.Tr>
  );
});

const BandHead = memo(function BandHead({ kind }: { kind: 'process' | 'results' }) {
  const { t } = useTranslation();
  return (
    <Table.Thead>
      <Table.Tr>
        <Table.Th w={90}>{t('band.range')}</Table.Th>
        <Table.Th>{t(`band.meaning.${kind}`)}</Table.Th>
      </Table.Tr>
    </Table.Thead>
  );
});

/**
 * The framework's bands, the one the item's percent falls in marked. A score typed, or a move
 * to the next item, re-renders the two rows whose mark changes, not the table.
 */
const BandTable = memo(function BandTable({ store, framework, code, kind }: { store: StoreApi<ScoringState>; framework: CriteriaFramework; code: string; kind: 'process' | 'results' }) {
  const activeMin = useStore(store, (s) => bandOf(framework.bands, s.items[code]?.percent)?.min ?? null);
  return (
    <Table withTableBorder verticalSpacing={4} fz="sm" data-testid="band-table">
      <BandHead kind={kind} />
      <Table.Tbody>
        {framework.bands.map((b) => (
          <BandRow key={b.min} band={b} kind={kind} active={activeMin === b.min} />
        ))}
      </Table.Tbody>
    </Table>
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
          <Group gap={6} style={{ minWidth: 0 }} data-testid="item-badges">
            <Badge variant="light">{t('item.points', { points: item.points })}</Badge>
            <Badge variant="outline" color={kind === 'process' ? 'indigo' : 'grape'} maw="100%">
              {t(`item.kind.${kind}`)}
            </Badge>
          </Group>
        </Group>
        <Spoiler maxHeight={GUIDANCE_HEIGHT} showLabel={t('item.more')} hideLabel={t('item.less')} fz="sm" styles={GUIDANCE}>
          <Text size="sm" c="dimmed">
            {l(item.guidance)}
          </Text>
        </Spoiler>
      </Stack>
      <ScorePad ref={padRef} store={store} item={item} />
      <ItemComments store={store} code={item.code} />
      <Text size="xs" c="dimmed">
        <Kbd>Esc</Kbd> {t('item.escBack')}
      </Text>
      <BandTable store={store} framework={framework} code={item.code} kind={kind} />
    </Stack>
  );
});
