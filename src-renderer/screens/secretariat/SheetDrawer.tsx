import { Accordion, Alert, Badge, Button, Drawer, Group, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EditionResults } from '../../../src-main/scoring/results.js';
import type { EditionDetail } from '../../../src-main/profile/edition.js';
import { ReportButton } from '../../components/ReportButton.js';
import { Empty, Loadable } from '../../components/States.js';
import { useCall } from '../../hooks/useCall.js';
import { useLocalized } from '../../hooks/useLocalized.js';
import { itemScore, sheetTotal } from '../../../src-main/scoring/sheet.js';
import type { ScoreSheet } from '../../../src-main/domain/review.js';
import { formatDateTime } from '../../format/datetime.js';
import { editionTimeZone } from '../../../src-main/domain/time.js';
import { ReturnSheetModal } from './ReturnSheetModal.js';

/** Drill-down: every expert's score sheet for one applicant, item by item, with comments. */
export function SheetDrawer({ edition, results, applicantId, onClose }: { edition: EditionDetail; results: EditionResults; applicantId: string | null; onClose(): void }) {
  const { t, i18n } = useTranslation();
  const l = useLocalized();
  const sheets = useCall('sheets.list', applicantId ? { editionId: edition.id, filter: { applicantId } } : null);
  const versions = useCall('sheets.versions', applicantId ? { editionId: edition.id } : null);
  const [returning, setReturning] = useState<ScoreSheet | null>(null);
  const earlier = (s: ScoreSheet) =>
    (versions.data ?? []).filter((v) => v.applicantId === s.applicantId && v.expertId === s.expertId && v.stage === s.stage && v.version < s.version);
  const percentsOf = (items: ScoreSheet['items']) => Object.fromEntries(items.map((i) => [i.itemCode, i.percent]));
  const experts = useCall('experts.list', { editionId: edition.id });
  const applicant = results.ranking.find((r) => r.applicant.id === applicantId)?.applicant;
  const items = edition.framework.categories.flatMap((c) => c.items);
  const expertName = (id: string) => experts.data?.find((e) => e.id === id)?.name ?? '—';

  return (
    <Drawer opened={applicantId !== null} onClose={onClose} position="right" size="xl" title={applicant ? `${applicant.code} ${applicant.name}` : ''}>
      {applicantId ? (
        <Stack gap="md">
          <Group gap="xs" data-testid="drawer-reports">
            <ReportButton request={{ kind: 'feedback', editionId: edition.id, applicantId }}>{t('reports.feedback')}</ReportButton>
            {results.rules.stages.map((s) => (
              <ReportButton key={s.stage} request={{ kind: 'panel-summary', editionId: edition.id, applicantId, stage: s.stage }}>
                {t('reports.panelSummary', { stage: t(`stage.${s.stage}`) })}
              </ReportButton>
            ))}
          </Group>
          <Loadable state={sheets} empty={(list) => (list.length === 0 ? <Empty icon="file" title={t('drawer.noSheets')} description={t('guide.noSheets')} /> : null)}>
            {(list) => (
              <Accordion variant="separated" data-testid="sheet-drawer">
                {list.map((s) => (
                  <Accordion.Item key={s.id} value={s.id}>
                    <Accordion.Control>
                      <Group justify="space-between" pr="md">
                        <Text size="sm" fw={500}>
                          {expertName(s.expertId)} · {t(`stage.${s.stage}`)}
                        </Text>
                        <Group gap="xs">
                          {s.version > 1 ? <Badge variant="outline">{t('sheet.version', { version: s.version })}</Badge> : null}
                          {s.returned ? (
                            <Badge variant="light" color="orange" data-testid="sheet-returned">
                              {t('sheet.returned')}
                            </Badge>
                          ) : (
                            <Badge variant="light" color={s.status === 'submitted' ? 'green' : 'blue'}>
                              {t(`sheet.status.${s.status}`)}
                            </Badge>
                          )}
                          <Text size="sm" fw={700}>
                            {s.total.toFixed(2)}
                          </Text>
                        </Group>
                      </Group>
                    </Accordion.Control>
                    <Accordion.Panel>
                      {s.returned ? (
                        <Alert color="orange" variant="light" mb="xs" title={t('drawer.returnedTitle', { at: formatDateTime(s.returned.at, i18n.language, editionTimeZone(edition.settings)) })}>
                          {s.returned.reason}
                        </Alert>
                      ) : null}
                      <Group gap="xs" mb="xs">
                        <ReportButton request={{ kind: 'score-sheet', editionId: edition.id, applicantId: s.applicantId, stage: s.stage, expertId: s.expertId }}>
                          {t('reports.scoreSheet')}
                        </ReportButton>
                        {s.status === 'submitted' && !s.returned ? (
                          <Button size="xs" variant="light" color="orange" onClick={() => setReturning(s)} data-testid="sheet-return">
                            {t('drawer.return')}
                          </Button>
                        ) : null}
                      </Group>
                      {earlier(s).map((v) => (
                        <Text key={v.id} size="xs" c="dimmed" data-testid="sheet-earlier">
                          {t('drawer.earlierVersion', { version: v.version, at: formatDateTime(v.submittedAt, i18n.language, editionTimeZone(edition.settings)), total: sheetTotal(edition.framework, percentsOf(v.items)).toFixed(2) })}
                        </Text>
                      ))}
                      <Table fz="xs" verticalSpacing={2}>
                        <Table.Thead>
                          <Table.Tr>
                            <Table.Th>{t('drawer.item')}</Table.Th>
                            <Table.Th ta="right">%</Table.Th>
                            <Table.Th ta="right">{t('pad.score')}</Table.Th>
                            <Table.Th>{t('item.strengths')}</Table.Th>
                            <Table.Th>{t('item.opportunities')}</Table.Th>
                          </Table.Tr>
                        </Table.Thead>
                        <Table.Tbody>
                          {items.map((item) => {
                            const score = s.items.find((i) => i.itemCode === item.code);
                            return (
                              <Table.Tr key={item.code}>
                                <Table.Td>
                                  {item.code} {l(item.name)}
                                </Table.Td>
                                <Table.Td ta="right">{score?.percent ?? '—'}</Table.Td>
                                <Table.Td ta="right">{score?.percent === null || score?.percent === undefined ? '—' : itemScore(item.points, score.percent)}</Table.Td>
                                <Table.Td>{score?.strengths || '—'}</Table.Td>
                                <Table.Td>{score?.opportunities || '—'}</Table.Td>
                              </Table.Tr>
                            );
                          })}
                        </Table.Tbody>
                      </Table>
                    </Accordion.Panel>
                  </Accordion.Item>
                ))}
              </Accordion>
            )}
          </Loadable>
          <ReturnSheetModal
            sheet={returning}
            who={returning ? expertName(returning.expertId) : ''}
            onClose={() => setReturning(null)}
            onReturned={() => {
              setReturning(null);
              void Promise.all([sheets.reload(), versions.reload()]);
            }}
          />
        </Stack>
      ) : null}
    </Drawer>
  );
}
