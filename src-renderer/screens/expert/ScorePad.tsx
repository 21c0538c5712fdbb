import { Box, Group, Stack, Text } from '@mantine/core';
import { forwardRef, memo } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import type { StoreApi } from 'zustand/vanilla';
import type { CriteriaItem } from '../../../src-main/criteria/schema.js';
import { itemScore } from '../../../src-main/scoring/sheet.js';
import type { ScoringState } from '../../stores/scoring.js';

/**
 * The score pad: focused, it takes digits, +/−, arrows; the page handles the keys.
 *
 * What a keystroke changes on the pad is text. Each figure is a component of its own that
 * follows the store and renders a string into an element laid out once per item: a digit
 * typed re-renders a text or two, no Mantine component, and leaves the browser no element to
 * restyle. Whatever the pad says, it keeps its height, so that nothing below it moves.
 */

type Figure = { store: StoreApi<ScoringState>; code: string };

function PercentFigure({ store, code }: Figure) {
  const percent = useStore(store, (s) => s.items[code]?.percent ?? null);
  return percent === null ? '—' : `${percent}%`;
}

function TypedFigure({ store }: { store: StoreApi<ScoringState> }) {
  const buffer = useStore(store, (s) => s.buffer);
  return buffer === '' ? null : `→ ${buffer}`;
}

function RefusedFigure({ store, code }: Figure) {
  return useStore(store, (s) => (s.refused?.code === code ? s.refused.typed : null));
}

function ScoreFigure({ store, item }: { store: StoreApi<ScoringState>; item: CriteriaItem }) {
  const percent = useStore(store, (s) => s.items[item.code]?.percent ?? null);
  return percent === null ? '—' : `${itemScore(item.points, percent)} / ${item.points}`;
}

type HintState = 'refused' | 'typing' | 'idle';

function hintState(s: ScoringState, code: string): HintState {
  if (s.refused?.code === code) return 'refused';
  return s.buffer !== '' ? 'typing' : 'idle';
}

function HintText({ store, code }: Figure) {
  const { t } = useTranslation();
  const state = useStore(store, (s) => hintState(s, code));
  const readOnly = useStore(store, (s) => s.readOnly);
  const buffer = useStore(store, (s) => s.buffer);
  const refused = useStore(store, (s) => (s.refused?.code === code ? s.refused : null));
  const percent = useStore(store, (s) => s.items[code]?.percent ?? null);
  const step = useStore(store, (s) => s.framework?.percentStep ?? 5);
  if (readOnly) return t('pad.readOnly');
  if (state === 'refused' && refused) {
    const kept = percent === null ? t('pad.keptNone') : t('pad.keptValue', { percent });
    return t(refused.reason === 'above' ? 'pad.refusedAbove' : 'pad.refusedOffGrid', { typed: refused.typed, step, kept });
  }
  return state === 'typing' ? t('pad.typed', { typed: buffer }) : t('pad.keys');
}

/**
 * The line under the pad: the keys it takes, what is being typed, or why a number was refused.
 * It keeps the height of the list of keys, the longest of them but a refusal, under whatever
 * it says (an invisible copy in the same grid cell): a digit typed, which shortens the line,
 * would otherwise move everything below the pad and have it all laid out and painted again.
 */
const PadHint = memo(function PadHint({ store, code }: Figure) {
  const { t } = useTranslation();
  const state = useStore(store, (s) => hintState(s, code));
  return (
    <Box mt={6} style={{ display: 'grid' }}>
      <Text size="xs" aria-hidden style={{ gridArea: '1 / 1', visibility: 'hidden' }}>
        {t('pad.keys')}
      </Text>
      <Text size="xs" c={state === 'refused' ? 'red' : state === 'typing' ? undefined : 'dimmed'} fw={state === 'refused' ? 600 : undefined} data-testid="pad-hint" data-state={state} aria-live="assertive" style={{ gridArea: '1 / 1' }}>
        <HintText store={store} code={code} />
      </Text>
    </Box>
  );
});

/**
 * The pad's layout, rendered once per item. The number being typed and the one refused sit on
 * lines no taller than the percent's, so that their coming and going leaves the pad's height
 * as it is; each is empty when there is none.
 */
const PadFigures = memo(function PadFigures({ store, item }: { store: StoreApi<ScoringState>; item: CriteriaItem }) {
  const { t } = useTranslation();
  return (
    <>
      <Group justify="space-between" align="flex-end">
        <Stack gap={0}>
          <Text size="xs" c="dimmed">
            {t('pad.percent')}
          </Text>
          <Group gap="xs" align="baseline" wrap="nowrap">
            <Text fz={40} fw={700} lh={1.1} data-testid="pad-percent">
              <PercentFigure store={store} code={item.code} />
            </Text>
            <Text fz={24} fw={600} lh={1.1} c="blue" data-testid="pad-typed" aria-hidden>
              <TypedFigure store={store} />
            </Text>
            <Text fz={24} fw={600} lh={1.1} c="red" td="line-through" data-testid="pad-refused" aria-hidden>
              <RefusedFigure store={store} code={item.code} />
            </Text>
          </Group>
        </Stack>
        <Stack gap={0} ta="right">
          <Text size="xs" c="dimmed">
            {t('pad.score')}
          </Text>
          <Text fz={24} fw={600} data-testid="pad-score">
            <ScoreFigure store={store} item={item} />
          </Text>
        </Stack>
      </Group>
      <PadHint store={store} code={item.code} />
    </>
  );
});

export const ScorePad = forwardRef<HTMLDivElement, { store: StoreApi<ScoringState>; item: CriteriaItem }>(function ScorePad({ store, item }, ref) {
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
