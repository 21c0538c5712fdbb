import { Table } from '@mantine/core';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import type { StoreApi } from 'zustand/vanilla';
import type { CriteriaFramework } from '../../../src-main/criteria/schema.js';
import { bandOf } from '../../../src-main/scoring/sheet.js';
import { useLocalized } from '../../hooks/useLocalized.js';
import type { ScoringState } from '../../stores/scoring.js';
import './marked-rows.css';

type Band = CriteriaFramework['bands'][number];

type RowProps = { store: StoreApi<ScoringState>; bands: readonly Band[]; band: Band; kind: 'process' | 'results' };

/** What a band's row shows, rendered once per kind of item. */
const BandCells = memo(function BandCells({ band, kind }: { band: Band; kind: 'process' | 'results' }) {
  const l = useLocalized();
  return (
    <>
      <Table.Td>
        {band.min}–{band.max}%
      </Table.Td>
      <Table.Td>{l(kind === 'process' ? band.process : band.results)}</Table.Td>
    </>
  );
});

/**
 * One band of the table: it follows whether the item selected falls in it, marked by its
 * attribute (marked-rows.css), and re-renders its row's element, not its cells, when that changes.
 */
const BandRow = memo(function BandRow({ store, bands, band, kind }: RowProps) {
  const active = useStore(store, (s) => s.selected !== null && bandOf(bands, s.items[s.selected]?.percent)?.min === band.min);
  return (
    <Table.Tr className="ps-band-row" data-active={active || undefined}>
      <BandCells band={band} kind={kind} />
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
 * The framework's bands, the one the item's percent falls in marked. The table is rendered
 * once per kind of item; a score typed, or a move, re-renders the rows whose mark changes.
 * Its columns are fixed (the first by its header): a mark changes a row's weight, which in an
 * automatic table lays out every cell's text again to size the columns.
 */
export const BandTable = memo(function BandTable({ store, framework, kind }: { store: StoreApi<ScoringState>; framework: CriteriaFramework; kind: 'process' | 'results' }) {
  return (
    <Table withTableBorder layout="fixed" verticalSpacing={4} fz="sm" data-testid="band-table">
      <BandHead kind={kind} />
      <Table.Tbody>
        {framework.bands.map((b) => (
          <BandRow key={b.min} store={store} bands={framework.bands} band={b} kind={kind} />
        ))}
      </Table.Tbody>
    </Table>
  );
});
