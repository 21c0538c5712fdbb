import 'mantine-datatable/styles.css';
import { Button, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { DataTable, type DataTableColumn, type DataTableSortStatus } from 'mantine-datatable';
import { useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from './icons.js';
import { Empty } from './States.js';
import { matches, sortBy, type Direction, type SortValue } from './table-query.js';

/**
 * Every list of the secretariat: mantine-datatable's table with a search box, filters and
 * sortable columns above it, one component so that all lists search, filter and sort alike.
 * Everything happens on the records in hand (a list holds an edition's applicants or experts,
 * hundreds at most), so the table needs no paging.
 */

export type ListColumn<T> = DataTableColumn<T> & {
  /** the column sorts by this value; without it the column does not sort */
  sortValue?: (record: T) => SortValue;
};

export interface ListFilter<T> {
  key: string;
  label: string;
  options: { value: string; label: string }[];
  test(record: T, value: string): boolean;
}

export interface ListTableProps<T> {
  records: readonly T[];
  columns: ListColumn<T>[];
  idAccessor: (record: T) => string;
  /** the text a search looks in; without it there is no search box */
  searchText?: (record: T) => string;
  searchPlaceholder?: string;
  filters?: ListFilter<T>[];
  initialSort?: { column: string; direction: Direction };
  /** on the table element, so `tbody tr` are the rows */
  testId: string;
  rowAttributes?: (record: T) => Record<string, string | number | undefined>;
  /** shown greyed, as withdrawn people are: never hidden */
  dimmed?: (record: T) => boolean;
  onRowClick?: (record: T) => void;
  /** beside the search and filters, at the right */
  actions?: ReactNode;
  fz?: 'xs' | 'sm' | 'md';
  /** what an empty list says, and what to do about it */
  empty?: { title: string; description?: string };
}

export function ListTable<T>({
  records,
  columns,
  idAccessor,
  searchText,
  searchPlaceholder,
  filters = [],
  initialSort,
  testId,
  rowAttributes,
  dimmed,
  onRowClick,
  actions,
  fz = 'sm',
  empty,
}: ListTableProps<T>) {
  const { t, i18n } = useTranslation();
  const [query, setQuery] = useState('');
  const [chosen, setChosen] = useState<Record<string, string | null>>({});
  const [sort, setSort] = useState<DataTableSortStatus<T> | undefined>(initialSort ? { columnAccessor: initialSort.column, direction: initialSort.direction } : undefined);

  const shown = useMemo(() => {
    let list = records.filter((r) => (!searchText || matches(searchText(r), query)) && filters.every((f) => !chosen[f.key] || f.test(r, chosen[f.key]!)));
    const column = sort ? columns.find((c) => c.accessor === sort.columnAccessor) : undefined;
    if (sort && column?.sortValue) list = sortBy(list, column.sortValue, sort.direction, i18n.language);
    return list;
  }, [records, searchText, query, filters, chosen, sort, columns, i18n.language]);

  const narrowed = query.trim() !== '' || Object.values(chosen).some(Boolean);
  const clear = () => {
    setQuery('');
    setChosen({});
  };
  const tableColumns = columns.map(({ sortValue, ...c }) => ({ ...c, sortable: sortValue !== undefined }) as DataTableColumn<T>);

  return (
    <Stack gap="xs">
      {searchText || filters.length > 0 || actions ? (
        <Group justify="space-between" align="flex-end" gap="sm" wrap="wrap">
          <Group gap="xs" align="flex-end" wrap="wrap">
            {searchText ? (
              <TextInput
                size="xs"
                w={240}
                leftSection={<Icon name="search" size={14} />}
                placeholder={searchPlaceholder ?? t('table.search')}
                aria-label={searchPlaceholder ?? t('table.search')}
                value={query}
                onChange={(e) => setQuery(e.currentTarget.value)}
                data-testid={`${testId}-search`}
              />
            ) : null}
            {filters.map((f) => (
              <Select
                key={f.key}
                size="xs"
                w={150}
                placeholder={f.label}
                aria-label={f.label}
                data={f.options}
                value={chosen[f.key] ?? null}
                onChange={(v) => setChosen((c) => ({ ...c, [f.key]: v }))}
                clearable
                comboboxProps={{ withinPortal: true }}
                data-testid={`${testId}-filter-${f.key}`}
              />
            ))}
            <Text size="xs" c="dimmed" pb={6} data-testid={`${testId}-count`}>
              {narrowed ? t('table.countFiltered', { shown: shown.length, total: records.length }) : t('table.count', { total: records.length })}
            </Text>
          </Group>
          {actions ? <Group gap="xs">{actions}</Group> : null}
        </Group>
      ) : null}
      {records.length === 0 ? (
        <Empty icon="inbox" title={empty?.title ?? t('table.emptyTitle')} description={empty?.description} />
      ) : shown.length === 0 ? (
        <Empty icon="search" title={t('table.noMatch')} description={t('table.noMatchHelp')}>
          <Button variant="light" size="xs" onClick={clear} data-testid={`${testId}-clear`}>
            {t('table.clear')}
          </Button>
        </Empty>
      ) : (
        <DataTable<T>
          records={shown as T[]}
          columns={tableColumns}
          idAccessor={idAccessor}
          noRecordsText={t('table.noMatch')}
          withTableBorder
          borderRadius="sm"
          striped
          highlightOnHover
          verticalSpacing="xs"
          fz={fz}
          {...(sort ? { sortStatus: sort, onSortStatusChange: setSort } : { sortStatus: { columnAccessor: '', direction: 'asc' as const }, onSortStatusChange: setSort })}
          onRowClick={onRowClick ? ({ record }) => onRowClick(record) : undefined}
          rowStyle={(r) => ({ ...(dimmed?.(r) ? { opacity: 0.55 } : null), ...(onRowClick ? { cursor: 'pointer' } : null) })}
          customRowAttributes={rowAttributes ? (r) => rowAttributes(r) : undefined}
          data-testid={testId}
        />
      )}
    </Stack>
  );
}
