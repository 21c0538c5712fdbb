import { Alert, Badge, Button, Card, Group, SimpleGrid, Stack, Text, Title, Tooltip } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CandidateStatus, RankingEntry } from '../../../src-main/domain/scores.js';
import type { Panel } from '../../../src-main/domain/panels.js';
import type { Applicant } from '../../../src-main/domain/people.js';
import type { Stage } from '../../../src-main/domain/words.js';
import type { EditionResults } from '../../../src-main/scoring/results.js';
import type { EditionDetail } from '../../../src-main/profile/edition.js';
import { ListTable } from '../../components/ListTable.js';
import { Empty, Loadable } from '../../components/States.js';
import { useCall } from '../../hooks/useCall.js';
import { useLocalized } from '../../hooks/useLocalized.js';
import { CorrectedNotice } from './CorrectedNotice.js';
import { ReportButtons } from './ReportButtons.js';
import { ResultsXlsxButton } from './ResultsXlsxButton.js';
import { SheetDrawer } from './SheetDrawer.js';
import { StageTables } from './StageTables.js';
import { SubstituteModal } from './SubstituteModal.js';

const CANDIDATE_COLOR: Record<CandidateStatus, string> = {
  award: 'yellow',
  nomination: 'blue',
  'tie-at-cap': 'orange',
  'below-floor': 'gray',
  'not-placed': 'gray',
};

const CANDIDATE_ORDER: CandidateStatus[] = ['award', 'nomination', 'tie-at-cap', 'below-floor', 'not-placed'];

function fmt(n: number | null | undefined): string {
  return n === null || n === undefined ? '—' : n.toFixed(2);
}

function Ranking({ results, onOpen }: { results: EditionResults; onOpen(applicantId: string): void }) {
  const { t } = useTranslation();
  const status = new Map(results.candidates.entries.map((c) => [c.applicantId, c.status]));
  const passedOver = new Map(results.candidates.entries.flatMap((c) => (c.passedOver ? [[c.applicantId, c.passedOver] as const] : [])));
  const stages = results.rules.stages;
  const statuses = [...new Set(results.candidates.entries.map((c) => c.status))];
  return (
    <ListTable<RankingEntry>
      testId="ranking-table"
      records={results.ranking}
      idAccessor={(r) => r.applicant.id}
      onRowClick={(r) => onOpen(r.applicant.id)}
      rowAttributes={(r) => ({ 'data-testid': `rank-${r.applicant.code}` })}
      searchText={(r) => `${r.applicant.code} ${r.applicant.name}`}
      searchPlaceholder={t('table.searchRanking')}
      initialSort={{ column: 'rank', direction: 'asc' }}
      filters={[
        ...(statuses.length > 0
          ? [{ key: 'candidate', label: t('results.candidate'), options: statuses.map((c) => ({ value: c, label: t(`results.status.${c}`) })), test: (r: RankingEntry, v: string) => status.get(r.applicant.id) === v }]
          : []),
        ...(results.shortlist
          ? [
              {
                key: 'shortlist',
                label: t('results.shortlist'),
                options: [
                  { value: 'yes', label: t('results.shortlisted') },
                  { value: 'no', label: t('resultsFix.notShortlisted') },
                ],
                test: (r: RankingEntry, v: string) => r.shortlisted === (v === 'yes'),
              },
            ]
          : []),
      ]}
      columns={[
        {
          accessor: 'rank',
          title: t('results.rank'),
          width: 90,
          sortValue: (r) => r.rank,
          render: (r) => (
            <Text size="sm" fw={700}>
              {r.rank ?? '—'}
              {r.tied ? <Badge ml={4} size="xs" color="orange">{t('results.tied')}</Badge> : null}
            </Text>
          ),
        },
        {
          accessor: 'applicant',
          title: t('applicant.name'),
          sortValue: (r) => r.applicant.code,
          render: (r) => (
            <Text size="sm" fw={500}>
              {r.applicant.code} {r.applicant.name}
            </Text>
          ),
        },
        ...stages.map((s) => ({
          accessor: `stage-${s.stage}`,
          title: t('results.stageWeight', { stage: t(`stage.${s.stage}`), weight: s.weight }),
          textAlign: 'right' as const,
          sortValue: (r: RankingEntry) => r.stageScores[s.stage] ?? null,
          render: (r: RankingEntry) => fmt(r.stageScores[s.stage]),
        })),
        { accessor: 'weighted', title: t('results.weighted'), textAlign: 'right', sortValue: (r) => r.weightedTotal, render: (r) => <Text size="sm" fw={700}>{fmt(r.weightedTotal)}</Text> },
        ...(results.shortlist
          ? [{ accessor: 'shortlisted', title: t('results.shortlist'), render: (r: RankingEntry) => (r.shortlisted ? <Badge color="teal" variant="light">{t('results.shortlisted')}</Badge> : null) }]
          : []),
        {
          accessor: 'candidate',
          title: t('results.candidate'),
          sortValue: (r) => {
            const c = status.get(r.applicant.id);
            return c ? CANDIDATE_ORDER.indexOf(c) : null;
          },
          render: (r) => {
            const c = status.get(r.applicant.id);
            const over = passedOver.get(r.applicant.id);
            return c ? (
              <Group gap={4}>
                <Badge color={CANDIDATE_COLOR[c]} variant={c === 'award' ? 'filled' : 'light'}>
                  {t(`results.status.${c}`)}
                </Badge>
                {over ? (
                  <Tooltip label={t('results.passedOverTip', { levels: over.map((v) => t(`eligibility.levels.${v}`)).join(t('common.sep')) })} multiline maw={320} withArrow>
                    <Badge color="gray" variant="outline" data-testid={`passed-over-${r.applicant.code}`}>
                      {t('results.passedOver')}
                    </Badge>
                  </Tooltip>
                ) : null}
              </Group>
            ) : null;
          },
        },
      ]}
    />
  );
}

export function ResultsTab({ edition }: { edition: EditionDetail }) {
  const { t } = useTranslation();
  const l = useLocalized();
  const results = useCall('results.get', { editionId: edition.id });
  const applicants = useCall('applicants.list', { editionId: edition.id });
  const experts = useCall('experts.list', { editionId: edition.id });
  const panels = useCall('panels.list', { editionId: edition.id });
  const [open, setOpen] = useState<string | null>(null);
  const [fixing, setFixing] = useState<{ panel: Panel; applicant: Applicant } | null>(null);
  const [done, setDone] = useState<string | null>(null);
  // the undersized-panel flag's remedy: an expert added to the applicant's panel of that stage
  const remedy = (applicantId: string, stage: Stage) => {
    const panel = panels.data?.find((p) => p.stage === stage && p.applicantIds.includes(applicantId));
    const applicant = applicants.data?.find((a) => a.id === applicantId);
    if (panel && applicant) setFixing({ panel, applicant });
  };

  return (
    <Loadable
      state={results}
      empty={(r) => (r.ranking.length === 0 ? <Empty icon="chart" title={t('results.emptyTitle')} description={t('results.emptyHelp')} /> : null)}
    >
      {(r) => (
        <Stack gap="lg">
          <ReportButtons edition={edition} />
          <CorrectedNotice message={done} onClose={() => setDone(null)} />
          {r.flags.length > 0 ? (
            <Alert color="orange" variant="light" title={t('results.flagsTitle', { count: r.flags.length })} data-testid="flags">
              <Stack gap={4}>
                {r.flags.map((f, i) => (
                  <Group key={i} gap={6} wrap="nowrap" align="flex-start" data-testid={`flag-${f.code}`}>
                    <Badge size="xs" variant="outline" mt={3} style={{ flexShrink: 0 }}>
                      {t(`results.flag.${f.code}`)}
                    </Badge>
                    <Text size="sm" style={{ flex: 1 }}>
                      {l(f.detail)}
                    </Text>
                    {f.code === 'undersized-panel' && f.applicantId && f.stage ? (
                      <Button size="compact-xs" variant="filled" color="orange" style={{ flexShrink: 0 }} onClick={() => remedy(f.applicantId!, f.stage!)} data-testid="flag-remedy">
                        {t('panelFix.substitute')}
                      </Button>
                    ) : null}
                  </Group>
                ))}
              </Stack>
            </Alert>
          ) : null}
          <Card withBorder padding="md">
            <Group justify="space-between" mb="sm">
              <Title order={5}>{t('results.rankingTitle')}</Title>
              <Group gap="sm">
                <Text size="xs" c="dimmed">
                  {t('results.drillHint')}
                </Text>
                <ResultsXlsxButton editionId={edition.id} />
              </Group>
            </Group>
            <Ranking results={r} onOpen={setOpen} />
          </Card>
          <SimpleGrid cols={2}>
            {(['award', 'nomination'] as const).map((level) => (
              <Card withBorder padding="md" key={level} data-testid={`candidates-${level}`}>
                <Title order={5} mb="xs">
                  {t(`results.${level}List`)}
                </Title>
                <Stack gap={2}>
                  {r.candidates.entries.filter((c) => c.status === level).length === 0 ? (
                    <Text size="sm" c="dimmed">
                      {t('results.noCandidates')}
                    </Text>
                  ) : null}
                  {r.candidates.entries
                    .filter((c) => c.status === level)
                    .map((c) => {
                      const a = r.ranking.find((x) => x.applicant.id === c.applicantId)?.applicant;
                      return (
                        <Text key={c.applicantId} size="sm">
                          {a ? `${a.code} ${a.name}` : '—'}
                        </Text>
                      );
                    })}
                  <Text size="xs" c="dimmed">
                    {edition.profile.applicantKinds.includes('individual')
                      ? t('results.unfilled', { unit: r.candidates.unfilled[level].unit, individual: r.candidates.unfilled[level].individual })
                      : t('results.unfilledUnits', { count: r.candidates.unfilled[level].unit })}
                  </Text>
                </Stack>
              </Card>
            ))}
          </SimpleGrid>
          <StageTables results={r} applicants={applicants.data ?? []} experts={experts.data ?? []} onOpen={setOpen} onRemedy={remedy} />
          <SheetDrawer edition={edition} results={r} applicantId={open} onClose={() => setOpen(null)} />
          <SubstituteModal
            panel={fixing?.panel ?? null}
            applicant={fixing?.applicant ?? null}
            experts={experts.data ?? []}
            onClose={() => setFixing(null)}
            onDone={(message) => {
              setFixing(null);
              setDone(message);
              void Promise.all([results.reload(), panels.reload()]);
            }}
          />
        </Stack>
      )}
    </Loadable>
  );
}
