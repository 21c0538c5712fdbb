import { Box, Group, Stack, Text } from '@mantine/core';
import { forwardRef, memo } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import type { StoreApi } from 'zustand/vanilla';
import type { CriteriaFramework, CriteriaItem } from '../../../src-main/criteria/schema.js';
import { itemScore } from '../../../src-main/scoring/sheet.js';
import type { ScoringState } from '../../stores/scoring.js';

/**
 * The score pad: focused, it takes digits, +/−, arrows; the page handles the keys.
 *
 * What a keystroke changes on the pad is text. Each figure is a component of its own that
 * follows the store and renders a string into an element laid out once: a digit
 * typed re-renders a text or two, no Mantine component, and leaves the browser no element to
 * restyle. Whatever the pad says, it keeps its height, so that nothing below it moves.
 */

type Figure = { store: StoreApi<ScoringState> };

const pointsByFramework = new WeakMap<CriteriaFramework, Map<string, number>>();

/** Each item's points, by code, worked out once per framework. */
function itemPoints(framework: CriteriaFramework): Map<string, number> {
  let points = pointsByFramework.get(framework);
  if (!points) {
    points = new Map(framework.categories.flatMap((c) => c.items.map((i) => [i.code, i.points] as const)));
    pointsByFramework.set(framework, points);
  }
  return points;
}

const percentOf = (s: ScoringState) => (s.selected === null ? null : (s.items[s.selected]?.percent ?? null));

function PercentFigure({ store }: Figure) {
  const percent = useStore(store, percentOf);
  return percent === null ? '—' : `${percent}%`;
}

function TypedFigure({ store }: Figure) {
  const buffer = useStore(store, (s) => s.buffer);
  return buffer === '' ? null : `→ ${buffer}`;
}

function RefusedFigure({ store }: Figure) {
  return useStore(store, (s) => (s.refused !== null && s.refused.code === s.selected ? s.refused.typed : null));
}

function ScoreFigure({ store, framework }: Figure & { framework: CriteriaFramework }) {
  const percent = useStore(store, percentOf);
  const points = useStore(store, (s) => (s.selected === null ? 0 : (itemPoints(framework).get(s.selected) ?? 0)));
  return percent === null ? '—' : `${itemScore(points, percent)} / ${points}`;
}

type HintState = 'refused' | 'typing' | 'idle';

function hintState(s: ScoringState): HintState {
  if (s.refused !== null && s.refused.code === s.selected) return 'refused';
  return s.buffer !== '' ? 'typing' : 'idle';
}

function HintText({ store }: Figure) {
  const { t } = useTranslation();
  const state = useStore(store, hintState);
  const readOnly = useStore(store, (s) => s.readOnly);
  const buffer = useStore(store, (s) => s.buffer);
  const refused = useStore(store, (s) => s.refused);
  const percent = useStore(store, percentOf);
  const step = useStore(store, (s) => s.framework?.percentStep ?? 5);
  if (readOnly) return t('pad.readOnly');
  if (state === 'refused' && refused) {
    const kept = percent === null ? t('pad.keptNone') : t('pad.keptValue', { percent });
    return t(refused.reason === 'above' ? 'pad.refusedAbove' : 'pad.refusedOffGrid', { typed: refused.typed, step, kept });
  }
  return state === 'typing' ? t('pad.typed', { typed: buffer }) : t('pad.keys');
}

/** The list of keys, unseen: it gives the line under the pad its height. */
const KeysSizer = memo(function KeysSizer() {
  const { t } = useTranslation();
  return (
    <Text size="xs" aria-hidden style={{ gridArea: '1 / 1', visibility: 'hidden' }}>
      {t('pad.keys')}
    </Text>
  );
});

/**
 * The line under the pad: the keys it takes, what is being typed, or why a number was refused.
 * It keeps the height of the list of keys, the longest of them but a refusal, under whatever
 * it says (an invisible copy in the same grid cell): a digit typed, which shortens the line,
 * would otherwise move everything below the pad and have it all laid out and painted again.
 */
const PadHint = memo(function PadHint({ store }: Figure) {
  const state = useStore(store, hintState);
  return (
    <Box mt={6} style={{ display: 'grid' }}>
      <KeysSizer />
      <Text size="xs" c={state === 'refused' ? 'red' : state === 'typing' ? undefined : 'dimmed'} fw={state === 'refused' ? 600 : undefined} data-testid="pad-hint" data-state={state} aria-live="assertive" style={{ gridArea: '1 / 1' }}>
        <HintText store={store} />
      </Text>
    </Box>
  );
});

/**
 * The pad's layout, rendered once: its figures follow the item selected on their own. The
 * number being typed and the one refused sit on lines no taller than the percent's, so that
 * their coming and going leaves the pad's height as it is; each is empty when there is none.
 */
const PadFigures = memo(function PadFigures({ store, framework }: Figure & { framework: CriteriaFramework }) {
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
              <PercentFigure store={store} />
            </Text>
            <Text fz={24} fw={600} lh={1.1} c="blue" data-testid="pad-typed" aria-hidden>
              <TypedFigure store={store} />
            </Text>
            <Text fz={24} fw={600} lh={1.1} c="red" td="line-through" data-testid="pad-refused" aria-hidden>
              <RefusedFigure store={store} />
            </Text>
          </Group>
        </Stack>
        <Stack gap={0} ta="right">
          <Text size="xs" c="dimmed">
            {t('pad.score')}
          </Text>
          <Text fz={24} fw={600} data-testid="pad-score">
            <ScoreFigure store={store} framework={framework} />
          </Text>
        </Stack>
      </Group>
      <PadHint store={store} />
    </>
  );
});

export const ScorePad = forwardRef<HTMLDivElement, { store: StoreApi<ScoringState>; framework: CriteriaFramework; item: CriteriaItem }>(function ScorePad({ store, framework, item }, ref) {
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
      <PadFigures store={store} framework={framework} />
    </Box>
  );
});
