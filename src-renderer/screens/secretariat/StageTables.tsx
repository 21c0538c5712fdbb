import { Badge, Card, Stack, Table, Tabs, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { EditionResults } from '../../../src-main/scoring/results.js';
import type { Applicant, Expert } from '../../../src-main/domain/people.js';

/**
 * Per stage: each applicant's panel score, how it was formed (each expert's total, marked with
 * the expert's code, so a reader sees whose it is), and what is still missing.
 */
export function StageTables({ results, applicants, experts, onOpen }: { results: EditionResults; applicants: Applicant[]; experts: Expert[]; onOpen(id: string): void }) {
  const { t } = useTranslation();
  const name = (id: string) => {
    const a = applicants.find((x) => x.id === id);
    return a ? `${a.code} ${a.name}` : '—';
  };
  const expertCode = (id: string) => experts.find((x) => x.id === id)?.code ?? '?';
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
            <Table verticalSpacing={4} fz="sm" highlightOnHover data-testid={`stage-table-${stage}`}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('applicant.name')}</Table.Th>
                  <Table.Th ta="right">{t('results.panelScore')}</Table.Th>
                  <Table.Th>{t('results.expertTotals')}</Table.Th>
                  <Table.Th>{t('results.notes')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {results.stageResults
                  .filter((r) => r.stage === stage)
                  .map((r) => (
                    <Table.Tr key={r.applicantId} style={{ cursor: 'pointer' }} onClick={() => onOpen(r.applicantId)}>
                      <Table.Td>{name(r.applicantId)}</Table.Td>
                      <Table.Td ta="right" fw={600}>
                        {r.panelScore === null ? '—' : r.panelScore.toFixed(2)}
                      </Table.Td>
                      <Table.Td>
                        <Text size="xs">
                          {r.expertTotals
                            .map((e) => `${expertCode(e.expertId)} ${r.droppedExpertIds.includes(e.expertId) ? `(${e.total.toFixed(1)})` : e.total.toFixed(1)}`)
                            .join(' · ') || '—'}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Stack gap={2}>
                          {r.trimmed ? <Badge size="xs" variant="light">{t('results.trimmed')}</Badge> : null}
                          {r.undersized ? <Badge size="xs" color="red">{t('results.undersized')}</Badge> : null}
                          {r.missingExpertIds.length > 0 ? <Badge size="xs" color="orange" variant="light">{t('results.missing', { count: r.missingExpertIds.length })}</Badge> : null}
                          {r.disagreements.length > 0 ? <Badge size="xs" color="grape" variant="light">{t('results.disagreements', { count: r.disagreements.length })}</Badge> : null}
                        </Stack>
                      </Table.Td>
                    </Table.Tr>
                  ))}
              </Table.Tbody>
            </Table>
          </Tabs.Panel>
        ))}
      </Tabs>
    </Card>
  );
}
