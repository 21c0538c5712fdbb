import { Table } from '@mantine/core';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import type { StoreApi } from 'zustand/vanilla';
import type { CriteriaFramework } from '../../../src-main/criteria/schema.js';
import { bandOf } from '../../../src-main/scoring/sheet.js';
import { useLocalized } from '../../hooks/useLocalized.js';
import type { ScoringState } from '../../stores/scoring.js';

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
export const BandTable = memo(function BandTable({ store, framework, code, kind }: { store: StoreApi<ScoringState>; framework: CriteriaFramework; code: string; kind: 'process' | 'results' }) {
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
