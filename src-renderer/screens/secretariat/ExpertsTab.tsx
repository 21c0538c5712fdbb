import { Badge, Button, Code, Group, Modal, Stack, Table, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Expert } from '../../../src-main/domain/people.js';
import { useApp } from '../../context/app-context.js';
import { FilePick } from '../../components/FilePick.js';
import { useIndustryLabel } from '../../components/labels.js';
import { Empty, ErrorNotice, Loadable } from '../../components/States.js';
import { useAction } from '../../hooks/useAction.js';
import { useCall } from '../../hooks/useCall.js';
import { AddExpert } from './AddExpert.js';
import { AddedNotice, type Added } from './AddPerson.js';
import { SheetImport } from './SheetImport.js';

function EnrollModal({ expert, onClose, onEnrolled }: { expert: Expert | null; onClose(): void; onEnrolled(e: Expert): void }) {
  const { t } = useTranslation();
  const { api } = useApp();
  const [code, setCode] = useState('');
  const enrolling = useAction(async () => {
    if (!expert) return;
    const enrolled = await api.call('experts.enroll', { expertId: expert.id, enrollmentCode: code.trim() });
    setCode('');
    onEnrolled(enrolled);
  });
  return (
    <Modal opened={expert !== null} onClose={onClose} title={t('experts.enrollTitle', { name: expert?.name ?? '' })} size="lg">
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          {t('experts.enrollHelp')}
        </Text>
        <Textarea label={t('experts.enrollmentCode')} value={code} onChange={(e) => setCode(e.currentTarget.value)} autosize minRows={3} data-testid="enroll-code" />
        <FilePick variant="default" size="xs" accept=".txt,text/plain" onFiles={(files) => void files[0]!.text().then((text) => setCode(text.trim()))}>
          {t('experts.enrollFromFile')}
        </FilePick>
        {enrolling.error ? <ErrorNotice error={enrolling.error} /> : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button onClick={() => void enrolling.run()} disabled={code.trim() === ''} loading={enrolling.busy} data-testid="enroll-submit">
            {t('experts.enroll')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

export function ExpertsTab({ editionId }: { editionId: string }) {
  const { t } = useTranslation();
  const industry = useIndustryLabel();
  const experts = useCall('experts.list', { editionId });
  const [enrolling, setEnrolling] = useState<Expert | null>(null);
  const [added, setAdded] = useState<Added | null>(null);
  return (
    <Stack gap="md">
      <SheetImport editionId={editionId} kind="experts" onImported={() => void experts.reload()}>
        <AddExpert
          editionId={editionId}
          onAdded={(e) => {
            setAdded(e);
            void experts.reload();
          }}
        />
      </SheetImport>
      <AddedNotice kind="expert" added={added} onClose={() => setAdded(null)} />
      <Loadable
        state={experts}
        empty={(list) => (list.length === 0 ? <Empty icon="users" title={t('experts.emptyTitle')} description={t('experts.emptyHelp')} /> : null)}
      >
        {(list) => (
          <Table striped verticalSpacing="xs" data-testid="experts-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('expert.code')}</Table.Th>
                <Table.Th>{t('expert.name')}</Table.Th>
                <Table.Th>{t('expert.organisation')}</Table.Th>
                <Table.Th>{t('applicant.industry')}</Table.Th>
                <Table.Th>{t('experts.enrolment')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.map((e) => (
                <Table.Tr key={e.id} data-testid={`expert-row-${e.code}`}>
                  <Table.Td>{e.code}</Table.Td>
                  <Table.Td>{e.name}</Table.Td>
                  <Table.Td>{[e.organisation, e.title].filter(Boolean).join(' · ') || '—'}</Table.Td>
                  <Table.Td>{industry(e.industry)}</Table.Td>
                  <Table.Td>
                    {e.enrolled ? (
                      <Group gap={6}>
                        <Badge color="teal" variant="light">
                          {t('experts.enrolled')}
                        </Badge>
                        <Code>{e.fingerprint}</Code>
                      </Group>
                    ) : (
                      <Badge color="gray" variant="light">
                        {t('experts.notEnrolled')}
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td ta="right">
                    {!e.enrolled ? (
                      <Button size="xs" variant="light" onClick={() => setEnrolling(e)} data-testid={`enroll-${e.code}`}>
                        {t('experts.enroll')}
                      </Button>
                    ) : null}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Loadable>
      <EnrollModal
        expert={enrolling}
        onClose={() => setEnrolling(null)}
        onEnrolled={() => {
          setEnrolling(null);
          void experts.reload();
        }}
      />
    </Stack>
  );
}
