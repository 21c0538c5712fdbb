import { Badge, Button, Card, Group, Stack, Tabs, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { EditionResults } from '../../../src-main/scoring/results.js';
import type { StageResult } from '../../../src-main/domain/scores.js';
import type { Applicant, Expert } from '../../../src-main/domain/people.js';
import { ListTable } from '../../components/ListTable.js';

const NOTES = ['undersized', 'missing', 'disagreement', 'trimmed'] as const;

function noted(r: StageResult, note: (typeof NOTES)[number]): boolean {
  if (note === 'undersized') return r.undersized;
  if (note === 'missing') return r.missingExpertIds.length > 0;
  if (note === 'disagreement') return r.disagreements.length > 0;
  return r.trimmed;
}

/**
 * Per stage: each applicant's panel score, each expert's total by name (dropped ones in
 * brackets), and what is still missing; a panel short after recusals offers its remedy here.
 */
export function StageTables({
  results,
  applicants,
  experts,
  onOpen,
  onRemedy,
}: {
  results: EditionResults;
  applicants: Applicant[];
  experts: Expert[];
  onOpen(id: string): void;
  onRemedy(applicantId: string, stage: StageResult['stage']): void;
}) {
  const { t } = useTranslation();
  const applicant = (id: string) => applicants.find((x) => x.id === id);
  const name = (id: string) => {
    const a = applicant(id);
    return a ? `${a.code} ${a.name}` : '—';
  };
  const expertName = (id: string) => experts.find((e) => e.id === id)?.name ?? '—';
  const stages = results.rules.stages.map((s) => s.stage);
  return (
    <Card withBorder padding="md">
      <Title order={5} mb="sm">
        {t('results.stagesTitle')}
      </Title>
      <Tabs defaultValue={stages[0]}>
        <Tabs.List>
          {stages.map((s) => (
            <Tabs.Tab key={s} value={s}>
              {t(`stage.${s}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {stages.map((stage) => (
          <Tabs.Panel key={stage} value={stage} pt="sm">
            <ListTable<StageResult>
              testId={`stage-table-${stage}`}
              records={results.stageResults.filter((r) => r.stage === stage)}
              idAccessor={(r) => r.applicantId}
              onRowClick={(r) => onOpen(r.applicantId)}
              empty={{ title: t('resultsFix.stageEmpty'), description: t('resultsFix.stageEmptyHelp') }}
              searchText={(r) => `${name(r.applicantId)} ${r.expertTotals.map((e) => expertName(e.expertId)).join(' ')}`}
              searchPlaceholder={t('table.searchPeople')}
              initialSort={{ column: 'panelScore', direction: 'desc' }}
              filters={[{ key: 'note', label: t('results.notes'), options: NOTES.map((n) => ({ value: n, label: t(`resultsFix.note.${n}`) })), test: (r, v) => noted(r, v as (typeof NOTES)[number]) }]}
              columns={[
                { accessor: 'applicant', title: t('applicant.name'), sortValue: (r) => applicant(r.applicantId)?.code, render: (r) => name(r.applicantId) },
                {
                  accessor: 'panelScore',
                  title: t('results.panelScore'),
                  width: 120,
                  textAlign: 'right',
                  sortValue: (r) => r.panelScore,
                  render: (r) => <Text fw={600} size="sm">{r.panelScore === null ? '—' : r.panelScore.toFixed(2)}</Text>,
                },
                {
                  accessor: 'expertTotals',
                  title: t('results.expertTotals'),
                  render: (r) => (
                    <Text size="xs">
                      {r.expertTotals
                        .map((e) => {
                          const score = t('resultsFix.expertTotal', { name: expertName(e.expertId), total: e.total.toFixed(1) });
                          return r.droppedExpertIds.includes(e.expertId) ? t('resultsFix.dropped', { score }) : score;
                        })
                        .join(t('common.sep')) || '—'}
                    </Text>
                  ),
                },
                {
                  accessor: 'notes',
                  title: t('results.notes'),
                  width: 220,
                  render: (r) => (
                    <Stack gap={2}>
                      {r.trimmed ? <Badge size="xs" variant="light">{t('results.trimmed')}</Badge> : null}
                      {r.undersized ? (
                        <Group gap={4} wrap="nowrap">
                          <Badge size="xs" color="red">
                            {t('results.undersized')}
                          </Badge>
                          <Button
                            size="compact-xs"
                            variant="light"
                            color="red"
                            onClick={(e) => {
                              e.stopPropagation();
                              onRemedy(r.applicantId, r.stage);
                            }}
                            data-testid={`stage-remedy-${applicant(r.applicantId)?.code ?? ''}`}
                          >
                            {t('panelFix.substitute')}
                          </Button>
                        </Group>
                      ) : null}
                      {r.missingExpertIds.length > 0 ? <Badge size="xs" color="orange" variant="light">{t('results.missing', { count: r.missingExpertIds.length })}</Badge> : null}
                      {r.disagreements.length > 0 ? <Badge size="xs" color="grape" variant="light">{t('results.disagreements', { count: r.disagreements.length })}</Badge> : null}
                    </Stack>
                  ),
                },
              ]}
            />
          </Tabs.Panel>
        ))}
      </Tabs>
    </Card>
  );
}
