import { Alert, Anchor, Badge, Button, Card, Group, Progress, Stack, Table, Text, Title, Tooltip } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { STAGES } from '../../../src-main/domain/words.js';
import type { AssignmentView } from '../../../src-main/domain/review.js';
import { useApp } from '../../context/app-context.js';
import { Icon } from '../../components/icons.js';
import { ReportButton } from '../../components/ReportButton.js';
import { DeclarationBadge, SheetBadge, useIndustryLabel } from '../../components/labels.js';
import { Empty, ErrorNotice, Loadable } from '../../components/States.js';
import { useAction } from '../../hooks/useAction.js';
import { useCall } from '../../hooks/useCall.js';
import { useLocalized } from '../../hooks/useLocalized.js';
import { useRememberPlace } from '../../hooks/usePlace.js';
import { navStore } from '../../stores/nav.js';
import { saveDownload } from '../../transport/files.js';
import { LeaderEntry } from '../consensus/LeaderEntry.js';
import { ReturnNoticeImport } from '../consensus/ReturnNoticeImport.js';
import { DeclareModal } from './DeclareModal.js';
import { DeclareNoneModal } from './DeclareNoneModal.js';
import { PackageChanges } from './PackageChanges.js';

function AssignmentRow({ a, editionId, onDeclare }: { a: AssignmentView; editionId: string; onDeclare(): void }) {
  const { t } = useTranslation();
  const industry = useIndustryLabel();
  const recused = a.declaration?.conflict === true;
  return (
    <Table.Tr data-testid={`assignment-${a.applicant.code}-${a.stage}`} opacity={recused ? 0.6 : 1}>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>
        <Text fw={500}>{a.applicant.code}</Text>
      </Table.Td>
      <Table.Td>{a.applicant.name}</Table.Td>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>{industry(a.applicant.industry)}</Table.Td>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>
        <Badge variant="outline">{t(`stage.${a.stage}`)}</Badge>
      </Table.Td>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>
        <DeclarationBadge declaration={a.declaration} />
      </Table.Td>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>
        <Group gap="xs" wrap="nowrap">
          {a.returnReason ? (
            <Tooltip label={a.returnReason} multiline maw={360}>
              <Badge color="orange" variant="light" data-testid={`returned-${a.applicant.code}-${a.stage}`}>
                {t('sheet.returned')}
              </Badge>
            </Tooltip>
          ) : (
            <SheetBadge status={a.sheetStatus} />
          )}
          <Progress value={a.totalItems ? (a.scoredItems / a.totalItems) * 100 : 0} w={80} size="sm" />
          <Text size="xs" c="dimmed">
            {a.scoredItems}/{a.totalItems}
          </Text>
        </Group>
      </Table.Td>
      <Table.Td ta="right">
        {recused ? (
          <Text size="sm" c="dimmed">
            {t('declaration.cannotOpen')}
          </Text>
        ) : !a.declaration ? (
          <Button size="xs" onClick={onDeclare} data-testid={`declare-${a.applicant.code}`}>
            {t('expert.edition.declare')}
          </Button>
        ) : (
          <Group gap="xs" justify="flex-end" wrap="nowrap">
            {a.sheetStatus === 'submitted' ? (
              <ReportButton compact request={{ kind: 'score-sheet', editionId, applicantId: a.applicant.id, stage: a.stage }}>
                {t('reports.scoreSheet')}
              </ReportButton>
            ) : null}
            <Button
              size="xs"
              variant={a.sheetStatus === 'submitted' ? 'light' : 'filled'}
              onClick={() => navStore.getState().go({ screen: 'sheet', editionId, applicantId: a.applicant.id, stage: a.stage })}
              data-testid={`open-${a.applicant.code}-${a.stage}`}
            >
              {a.sheetStatus === 'submitted' ? t('expert.edition.view') : t('expert.edition.score')}
            </Button>
          </Group>
        )}
      </Table.Td>
    </Table.Tr>
  );
}

export function EditionOverview({ editionId }: { editionId: string }) {
  const { t } = useTranslation();
  const l = useLocalized();
  const { api, mode } = useApp();
  const edition = useCall('editions.get', { editionId });
  const assignments = useCall('assignments.mine', { editionId });
  const me = useCall('experts.me', { editionId });
  useRememberPlace({ screen: 'edition', editionId });
  const [declaring, setDeclaring] = useState<AssignmentView['applicant'] | null>(null);
  const [declaringNone, setDeclaringNone] = useState(false);
  const [declaredNone, setDeclaredNone] = useState<number | null>(null);
  const [exported, setExported] = useState<{ fileName: string; sheets: number } | null>(null);
  const exporting = useAction(async () => {
    const bundle = await api.call('bundles.export', { editionId });
    if (await saveDownload(api, mode, bundle)) setExported({ fileName: bundle.fileName, sheets: bundle.sheets });
  });

  const list = assignments.data ?? [];
  const submitted = list.filter((a) => a.sheetStatus === 'submitted').length;
  const open = list.filter((a) => a.declaration?.conflict !== true).length;
  // declarations are per applicant, assignments per applicant and stage
  const undeclared = useMemo(() => {
    const seen = new Map<string, AssignmentView['applicant']>();
    for (const a of assignments.data ?? []) if (!a.declaration && !seen.has(a.applicant.id)) seen.set(a.applicant.id, a.applicant);
    return [...seen.values()].sort((x, y) => x.code.localeCompare(y.code));
  }, [assignments.data]);

  return (
    <Stack gap="lg" maw={1200} mx="auto">
      <Anchor component="button" type="button" size="sm" onClick={() => navStore.getState().reset()} w="fit-content">
        ← {t('common.back')}
      </Anchor>
      <Loadable state={edition}>
        {(e) => (
          <Group justify="space-between" align="flex-end">
            <Stack gap={2}>
              <Title order={2}>{e.name}</Title>
              <Text c="dimmed" size="sm">
                {t('expert.edition.subtitle', { year: e.year, city: l(e.profile.city), framework: e.framework.standard })}
              </Text>
              {me.data ? (
                <Text size="sm" data-testid="expert-self">
                  {t('expert.edition.me', { name: me.data.name, code: me.data.code })}
                </Text>
              ) : null}
            </Stack>
            <Group>
              <Text size="sm" c="dimmed" data-testid="submitted-count">
                {t('expert.edition.submittedCount', { submitted, total: open })}
              </Text>
              <Button leftSection={<Icon name="download" size={16} />} onClick={() => void exporting.run()} loading={exporting.busy} disabled={submitted === 0} data-testid="export-bundle">
                {t('expert.edition.exportBundle')}
              </Button>
            </Group>
          </Group>
        )}
      </Loadable>
      <PackageChanges editionId={editionId} />
      <LeaderEntry editionId={editionId} />
      <ReturnNoticeImport onImported={() => void assignments.reload()} />
      {exporting.error ? <ErrorNotice error={exporting.error} title={t('expert.edition.exportFailed')} /> : null}
      {exported ? (
        <Alert color="green" icon={<Icon name="check" />} data-testid="bundle-exported" withCloseButton onClose={() => setExported(null)}>
          {t('expert.edition.exported', { file: exported.fileName, sheets: exported.sheets })}
        </Alert>
      ) : null}
      {!exported && open > 0 && submitted === open ? (
        <Alert color="teal" variant="light" icon={<Icon name="check" />} data-testid="next-step-export">
          {t('expert.edition.allSubmitted', { count: submitted })}
        </Alert>
      ) : null}
      {declaredNone !== null ? (
        <Alert color="teal" icon={<Icon name="check" />} withCloseButton onClose={() => setDeclaredNone(null)} data-testid="declared-none">
          {t('declareNone.done', { count: declaredNone })}
        </Alert>
      ) : null}
      {undeclared.length > 0 ? (
        <Alert color="blue" variant="light" data-testid="declarations-pending">
          <Group justify="space-between" wrap="nowrap">
            <Text size="sm">{t('declareNone.pending', { count: undeclared.length })}</Text>
            {undeclared.length > 1 ? (
              <Button size="xs" variant="light" onClick={() => setDeclaringNone(true)} data-testid="declare-none-open" style={{ flexShrink: 0 }}>
                {t('declareNone.open')}
              </Button>
            ) : null}
          </Group>
        </Alert>
      ) : null}
      <Card withBorder padding="md">
        <Loadable
          state={assignments}
          empty={(rows) =>
            rows.length === 0 ? (
              <Empty title={t('expert.edition.noAssignments')} description={t('expert.edition.noAssignmentsHelp')}>
                <Button variant="light" onClick={() => navStore.getState().reset()}>
                  {t('expert.edition.toHome')}
                </Button>
              </Empty>
            ) : null
          }
        >
          {(rows) => (
            <Table verticalSpacing="sm" data-testid="assignments">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('applicant.code')}</Table.Th>
                  <Table.Th>{t('applicant.name')}</Table.Th>
                  <Table.Th>{t('applicant.industry')}</Table.Th>
                  <Table.Th>{t('common.stage')}</Table.Th>
                  <Table.Th>{t('declaration.title')}</Table.Th>
                  <Table.Th>{t('sheet.progress')}</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {[...rows].sort((x, y) => x.applicant.code.localeCompare(y.applicant.code) || STAGES.indexOf(x.stage) - STAGES.indexOf(y.stage)).map((a) => (
                  <AssignmentRow key={`${a.applicant.id}-${a.stage}`} a={a} editionId={editionId} onDeclare={() => setDeclaring(a.applicant)} />
                ))}
              </Table.Tbody>
            </Table>
          )}
        </Loadable>
      </Card>
      <DeclareNoneModal
        editionId={editionId}
        applicants={undeclared}
        opened={declaringNone}
        onClose={() => setDeclaringNone(false)}
        onDeclared={(count) => {
          setDeclaringNone(false);
          setDeclaredNone(count);
          void assignments.reload();
        }}
      />
      <DeclareModal
        editionId={editionId}
        applicant={declaring}
        onClose={() => setDeclaring(null)}
        onDeclared={() => {
          setDeclaring(null);
          void assignments.reload();
        }}
      />
    </Stack>
  );
}
