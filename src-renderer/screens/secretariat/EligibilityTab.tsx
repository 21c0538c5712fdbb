import { Alert, Badge, Card, Group, Stack, Text, Title, Tooltip } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EditionDetail } from '../../../src-main/profile/edition.js';
import { outOfReviewReason } from '../../../src-main/rules/objections.js';
import { ListTable } from '../../components/ListTable.js';
import { Loadable } from '../../components/States.js';
import { useCall } from '../../hooks/useCall.js';
import { useLocalized } from '../../hooks/useLocalized.js';
import { EligibilityDrawer, STATE_COLORS, type EligibilityRow } from './EligibilityDrawer.js';


/**
 * The eligibility check: each applicant's standing, why, and its history; a row opens
 * the checklist, the materials request, the not-shortlisted letter and the earlier records.
 */
export function EligibilityTab({ edition }: { edition: EditionDetail }) {
  const { t } = useTranslation();
  const l = useLocalized();
  const view = useCall('eligibility.list', { editionId: edition.id });
  const [open, setOpen] = useState<string | null>(null);
  const row = view.data?.rows.find((r) => r.applicant.id === open) ?? null;

  return (
    <Stack gap="md">
      <Loadable state={view}>
        {(v) => (
          <Stack gap="md">
            {!v.hasConditions ? <Alert color="yellow">{t('eligibility.noConditions')}</Alert> : null}
            <Text size="sm" c="dimmed" data-testid="eligibility-in-use">
              {t(v.inUse ? 'eligibility.inUse' : 'eligibility.notInUse')}
            </Text>
            <Card withBorder padding="md">
              <Title order={5} mb="sm">
                {t('eligibility.title')}
              </Title>
              <ListTable<EligibilityRow>
                testId="eligibility-table"
                records={v.rows}
                idAccessor={(r) => r.applicant.id}
                searchText={(r) => `${r.applicant.code} ${r.applicant.name} ${r.applicant.creditCode ?? ''} ${r.applicant.idNumber ?? ''}`}
                searchPlaceholder={t('table.searchEligibility')}
                initialSort={{ column: 'code', direction: 'asc' }}
                dimmed={(r) => r.applicant.withdrawn || r.objectionUpheld !== null}
                rowAttributes={(r) => ({ 'data-state': r.state, 'data-code': r.applicant.code, 'data-out': r.objectionUpheld ? 'yes' : 'no' })}
                onRowClick={(r) => setOpen(r.applicant.id)}
                filters={[
                  {
                    key: 'state',
                    label: t('eligibility.state'),
                    options: (['received', 'incomplete', 'eligible', 'ineligible'] as const).map((s) => ({ value: s, label: t(`eligibility.states.${s}`) })),
                    test: (r, value) => r.state === value,
                  },
                ]}
                columns={[
                  { accessor: 'code', title: t('applicant.code'), width: 130, sortValue: (r) => r.applicant.code, render: (r) => r.applicant.code },
                  { accessor: 'name', title: t('applicant.name'), sortValue: (r) => r.applicant.name, render: (r) => r.applicant.name },
                  { accessor: 'holder', title: t('eligibility.holder'), width: 190, render: (r) => r.applicant.creditCode ?? r.applicant.idNumber ?? '—' },
                  {
                    accessor: 'state',
                    title: t('eligibility.state'),
                    width: 200,
                    sortValue: (r) => r.state,
                    render: (r) => (
                      <Group gap={4}>
                        <Badge color={STATE_COLORS[r.state]} variant="light" data-testid="eligibility-state">
                          {t(`eligibility.states.${r.state}`)}
                        </Badge>
                        {r.objectionUpheld ? (
                          <Tooltip label={l(outOfReviewReason(r.objectionUpheld))} multiline maw={360} withArrow>
                            <Badge color="red" variant="outline" data-testid="eligibility-out">
                              {t('eligibility.outOfReview')}
                            </Badge>
                          </Tooltip>
                        ) : null}
                      </Group>
                    ),
                  },
                  { accessor: 'level', title: t('eligibility.level'), width: 110, render: (r) => t(`eligibility.levels.${r.level}`) },
                  {
                    accessor: 'reasons',
                    title: t('eligibility.reasons'),
                    render: (r) =>
                      r.state === 'incomplete'
                        ? t('eligibility.missingCount', { count: r.steps.at(-1)?.missing.length ?? 0 })
                        : [...r.reasons.map((x) => l(x)), ...(r.steps.at(-1)?.note ? [r.steps.at(-1)!.note!] : [])].join(t('eligibility.sep')) || '—',
                  },
                  {
                    accessor: 'history',
                    title: t('eligibility.history'),
                    width: 120,
                    render: (r) => (r.elsewhere.length + r.past.length > 0 ? <Badge variant="outline">{t('eligibility.historyCount', { count: r.elsewhere.length + r.past.length })}</Badge> : '—'),
                  },
                ]}
              />
            </Card>
          </Stack>
        )}
      </Loadable>
      <EligibilityDrawer edition={edition} row={row} onClose={() => setOpen(null)} onChanged={() => void view.reload()} />
    </Stack>
  );
}
