import { Alert, Badge, Card, Group, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CandidateStatus } from '../../../src-main/domain/scores.js';
import type { EditionResults } from '../../../src-main/scoring/results.js';
import type { EditionDetail } from '../../../src-main/profile/edition.js';
import { Empty, Loadable } from '../../components/States.js';
import { useCall } from '../../hooks/useCall.js';
import { useLocalized } from '../../hooks/useLocalized.js';
import { ReportButtons } from './ReportButtons.js';
import { ResultsXlsxButton } from './ResultsXlsxButton.js';
import { SheetDrawer } from './SheetDrawer.js';
import { StageTables } from './StageTables.js';

const CANDIDATE_COLOR: Record<CandidateStatus, string> = {
  award: 'yellow',
  nomination: 'blue',
  'tie-at-cap': 'orange',
  'below-floor': 'gray',
  'not-placed': 'gray',
};

function fmt(n: number | null | undefined): string {
  return n === null || n === undefined ? '—' : n.toFixed(2);
}

function Ranking({ results, onOpen }: { results: EditionResults; onOpen(applicantId: string): void }) {
  const { t } = useTranslation();
  const status = new Map(results.candidates.entries.map((c) => [c.applicantId, c.status]));
  const stages = results.rules.stages;
  return (
    <Table highlightOnHover verticalSpacing="xs" data-testid="ranking-table">
      <Table.Thead>
        <Table.Tr>
          <Table.Th w={60}>{t('results.rank')}</Table.Th>
          <Table.Th>{t('applicant.name')}</Table.Th>
          {stages.map((s) => (
            <Table.Th key={s.stage} ta="right">
              {t('results.stageWeight', { stage: t(`stage.${s.stage}`), weight: s.weight })}
            </Table.Th>
          ))}
          <Table.Th ta="right">{t('results.weighted')}</Table.Th>
          {results.shortlist ? <Table.Th>{t('results.shortlist')}</Table.Th> : null}
          <Table.Th>{t('results.candidate')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {results.ranking.map((r) => {
          const c = status.get(r.applicant.id);
          return (
            <Table.Tr key={r.applicant.id} style={{ cursor: 'pointer' }} onClick={() => onOpen(r.applicant.id)} data-testid={`rank-${r.applicant.code}`}>
              <Table.Td fw={700}>
                {r.rank ?? '—'}
                {r.tied ? <Badge ml={4} size="xs" color="orange">{t('results.tied')}</Badge> : null}
              </Table.Td>
              <Table.Td>
                <Text size="sm" fw={500}>
                  {r.applicant.code} {r.applicant.name}
                </Text>
              </Table.Td>
              {stages.map((s) => (
                <Table.Td key={s.stage} ta="right">
                  {fmt(r.stageScores[s.stage])}
                </Table.Td>
              ))}
              <Table.Td ta="right" fw={700}>
                {fmt(r.weightedTotal)}
              </Table.Td>
              {results.shortlist ? (
                <Table.Td>{r.shortlisted ? <Badge color="teal" variant="light">{t('results.shortlisted')}</Badge> : null}</Table.Td>
              ) : null}
              <Table.Td>{c ? <Badge color={CANDIDATE_COLOR[c]} variant={c === 'award' ? 'filled' : 'light'}>{t(`results.status.${c}`)}</Badge> : null}</Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}

export function ResultsTab({ edition }: { edition: EditionDetail }) {
  const { t } = useTranslation();
  const l = useLocalized();
  const results = useCall('results.get', { editionId: edition.id });
  const applicants = useCall('applicants.list', { editionId: edition.id });
  const experts = useCall('experts.list', { editionId: edition.id });
  const [open, setOpen] = useState<string | null>(null);

  return (
    <Loadable
      state={results}
      empty={(r) => (r.ranking.length === 0 ? <Empty icon="chart" title={t('results.emptyTitle')} description={t('results.emptyHelp')} /> : null)}
    >
      {(r) => (
        <Stack gap="lg">
          <ReportButtons edition={edition} />
          {r.flags.length > 0 ? (
            <Alert color="orange" variant="light" title={t('results.flagsTitle', { count: r.flags.length })} data-testid="flags">
              <Stack gap={2}>
                {r.flags.map((f, i) => (
                  <Text key={i} size="sm">
                    <Badge size="xs" variant="outline" mr={6}>
                      {t(`results.flag.${f.code}`)}
                    </Badge>
                    {l(f.detail)}
                  </Text>
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
          <StageTables results={r} applicants={applicants.data ?? []} experts={experts.data ?? []} onOpen={setOpen} />
          <SheetDrawer edition={edition} results={r} applicantId={open} onClose={() => setOpen(null)} />
        </Stack>
      )}
    </Loadable>
  );
}
