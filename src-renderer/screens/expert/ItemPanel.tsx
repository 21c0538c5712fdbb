import { Badge, Box, Group, Kbd, Spoiler, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { forwardRef } from 'react';
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

/** The score pad: focused, it takes digits, +/−, arrows; the page handles the keys. */
const ScorePad = forwardRef<HTMLDivElement, { store: StoreApi<ScoringState>; item: CriteriaItem }>(function ScorePad({ store, item }, ref) {
  const { t } = useTranslation();
  const percent = useStore(store, (s) => s.items[item.code]?.percent ?? null);
  const buffer = useStore(store, (s) => s.buffer);
  const refused = useStore(store, (s) => (s.refused?.code === item.code ? s.refused : null));
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
      <Group justify="space-between" align="flex-end">
        <Stack gap={0}>
          <Text size="xs" c="dimmed">
            {t('pad.percent')}
          </Text>
          <Group gap="xs" align="baseline" wrap="nowrap">
            <Text fz={40} fw={700} lh={1.1} data-testid="pad-percent">
              {percent === null ? '—' : `${percent}%`}
            </Text>
            {buffer !== '' ? (
              <Text fz={24} fw={600} c="blue" data-testid="pad-typed" aria-hidden>
                → {buffer}
              </Text>
            ) : refused ? (
              <Text fz={24} fw={600} c="red" td="line-through" data-testid="pad-refused" aria-hidden>
                {refused.typed}
              </Text>
            ) : null}
          </Group>
        </Stack>
        <Stack gap={0} ta="right">
          <Text size="xs" c="dimmed">
            {t('pad.score')}
          </Text>
          <Text fz={24} fw={600} data-testid="pad-score">
            {percent === null ? '—' : `${itemScore(item.points, percent)} / ${item.points}`}
          </Text>
        </Stack>
      </Group>
      <Text size="xs" mt={6} c={refused ? 'red' : buffer !== '' ? undefined : 'dimmed'} fw={refused ? 600 : undefined} data-testid="pad-hint" data-state={refused ? 'refused' : buffer !== '' ? 'typing' : 'idle'} aria-live="assertive">
        {hint}
      </Text>
    </Box>
  );
});

export const ItemPanel = forwardRef<HTMLDivElement, { framework: CriteriaFramework; store: StoreApi<ScoringState> }>(function ItemPanel({ framework, store }, padRef) {
  const { t } = useTranslation();
  const l = useLocalized();
  const code = useStore(store, (s) => s.selected);
  const draft = useStore(store, (s) => (s.selected ? s.items[s.selected] : undefined));
  const readOnly = useStore(store, (s) => s.readOnly);
  const item = findItem(framework, code);
  if (!item || !draft) return null;
  const current = bandOf(framework.bands, draft.percent);
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
        <Spoiler maxHeight={65} showLabel={t('item.more')} hideLabel={t('item.less')} fz="sm" styles={{ control: { fontSize: 'var(--mantine-font-size-xs)' } }}>
          <Text size="sm" c="dimmed">
            {l(item.guidance)}
          </Text>
        </Spoiler>
      </Stack>
      <ScorePad ref={padRef} store={store} item={item} />
      <Textarea
        label={t('item.strengths')}
        value={draft.strengths}
        onChange={(e) => store.getState().editText('strengths', e.currentTarget.value)}
        autosize
        minRows={3}
        maxRows={6}
        readOnly={readOnly}
        data-testid="strengths"
      />
      <Textarea
        label={t('item.opportunities')}
        value={draft.opportunities}
        onChange={(e) => store.getState().editText('opportunities', e.currentTarget.value)}
        autosize
        minRows={3}
        maxRows={6}
        readOnly={readOnly}
        data-testid="opportunities"
      />
      <Text size="xs" c="dimmed">
        <Kbd>Esc</Kbd> {t('item.escBack')}
      </Text>
      <Table withTableBorder verticalSpacing={4} fz="sm" data-testid="band-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={90}>{t('band.range')}</Table.Th>
            <Table.Th>{t(`band.meaning.${kind}`)}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {framework.bands.map((b) => {
            const active = current?.min === b.min;
            return (
              <Table.Tr key={b.min} bg={active ? 'var(--mantine-primary-color-light)' : undefined} data-active={active || undefined}>
                <Table.Td fw={active ? 700 : 400}>
                  {b.min}–{b.max}%
                </Table.Td>
                <Table.Td>{l(kind === 'process' ? b.process : b.results)}</Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Stack>
  );
});
