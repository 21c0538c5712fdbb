import { Badge, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApplicantKind } from '../../../src-main/domain/words.js';
import { useIndustryLabel } from '../../components/labels.js';
import { Empty, Loadable } from '../../components/States.js';
import { useCall } from '../../hooks/useCall.js';
import { AddApplicant } from './AddApplicant.js';
import { AddedNotice, type Added } from './AddPerson.js';
import { SheetImport } from './SheetImport.js';

export function ApplicantsTab({ editionId, kinds }: { editionId: string; kinds: ApplicantKind[] }) {
  const { t } = useTranslation();
  const industry = useIndustryLabel();
  const applicants = useCall('applicants.list', { editionId });
  const [added, setAdded] = useState<Added | null>(null);
  return (
    <Stack gap="md">
      <SheetImport editionId={editionId} kind="applicants" onImported={() => void applicants.reload()}>
        <AddApplicant
          editionId={editionId}
          kinds={kinds}
          onAdded={(a) => {
            setAdded(a);
            void applicants.reload();
          }}
        />
      </SheetImport>
      <AddedNotice kind="applicant" added={added} onClose={() => setAdded(null)} />
      <Loadable
        state={applicants}
        empty={(list) => (list.length === 0 ? <Empty icon="users" title={t('applicants.emptyTitle')} description={t('applicants.emptyHelp')} /> : null)}
      >
        {(list) => (
          <Table striped verticalSpacing="xs" data-testid="applicants-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('applicant.code')}</Table.Th>
                <Table.Th>{t('applicant.name')}</Table.Th>
                <Table.Th>{t('applicant.kind')}</Table.Th>
                <Table.Th>{t('applicant.industry')}</Table.Th>
                <Table.Th>{t('applicant.contact')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.map((a) => (
                <Table.Tr key={a.id}>
                  <Table.Td>{a.code}</Table.Td>
                  <Table.Td>{a.name}</Table.Td>
                  <Table.Td>
                    <Badge variant="light" color={a.kind === 'unit' ? 'indigo' : 'grape'}>
                      {t(`applicant.kinds.${a.kind}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td>{industry(a.industry)}</Table.Td>
                  <Table.Td>
                    <Text size="sm">{[a.contactName, a.contactPhone, a.contactEmail].filter(Boolean).join(' · ') || '—'}</Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Loadable>
    </Stack>
  );
}
