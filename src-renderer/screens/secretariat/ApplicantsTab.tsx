import { Badge, Button, Group, Menu, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Applicant } from '../../../src-main/domain/people.js';
import type { ApplicantKind } from '../../../src-main/domain/words.js';
import { useApp } from '../../context/app-context.js';
import { useIndustryLabel } from '../../components/labels.js';
import { ListTable } from '../../components/ListTable.js';
import { Empty, Loadable } from '../../components/States.js';
import { useCall } from '../../hooks/useCall.js';
import { AddApplicant, EditApplicant } from './AddApplicant.js';
import { AddedNotice, INDUSTRIES, type Added } from './AddPerson.js';
import { CorrectionModal } from './CorrectionModal.js';
import { CorrectedNotice } from './CorrectedNotice.js';
import { SheetImport } from './SheetImport.js';
import { WithdrawnBadge } from './Withdrawn.js';

type Acting = { kind: 'edit' | 'remove' | 'withdraw'; applicant: Applicant; reason?: string } | null;

export function ApplicantsTab({ editionId, kinds }: { editionId: string; kinds: ApplicantKind[] }) {
  const { t } = useTranslation();
  const { api } = useApp();
  const industry = useIndustryLabel();
  const applicants = useCall('applicants.list', { editionId });
  const [added, setAdded] = useState<Added | null>(null);
  const [acting, setActing] = useState<Acting>(null);
  const [done, setDone] = useState<string | null>(null);
  const finish = (message: string) => {
    setActing(null);
    setDone(message);
    void applicants.reload();
  };
  const who = (a: Applicant) => `${a.code} ${a.name}`;

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
      <CorrectedNotice message={done} onClose={() => setDone(null)} />
      <Loadable
        state={applicants}
        empty={(list) => (list.length === 0 ? <Empty icon="users" title={t('applicants.emptyTitle')} description={t('applicants.emptyHelp')} /> : null)}
      >
        {(list) => (
          <ListTable<Applicant>
            testId="applicants-table"
            records={list}
            idAccessor={(a) => a.id}
            searchText={(a) => [a.code, a.name, a.contactName, a.contactPhone, a.contactEmail].filter(Boolean).join(' ')}
            searchPlaceholder={t('table.searchApplicants')}
            initialSort={{ column: 'code', direction: 'asc' }}
            dimmed={(a) => a.withdrawn !== null}
            rowAttributes={(a) => ({ 'data-testid': `applicant-row-${a.code}`, 'data-withdrawn': a.withdrawn ? 'yes' : 'no' })}
            filters={[
              ...(kinds.length > 1 ? [{ key: 'kind', label: t('applicant.kind'), options: kinds.map((k) => ({ value: k, label: t(`applicant.kinds.${k}`) })), test: (a: Applicant, v: string) => a.kind === v }] : []),
              { key: 'industry', label: t('applicant.industry'), options: INDUSTRIES.map((i) => ({ value: String(i), label: t(`industry.${i}`) })), test: (a, v) => String(a.industry) === v },
              {
                key: 'status',
                label: t('corrections.status'),
                options: [
                  { value: 'active', label: t('corrections.active') },
                  { value: 'withdrawn', label: t('corrections.withdrawnBadge.applicant') },
                ],
                test: (a, v) => (v === 'withdrawn') === (a.withdrawn !== null),
              },
            ]}
            columns={[
              { accessor: 'code', title: t('applicant.code'), width: 130, sortValue: (a) => a.code },
              {
                accessor: 'name',
                title: t('applicant.name'),
                sortValue: (a) => a.name,
                render: (a) => (
                  <Group gap={6} wrap="nowrap">
                    <Text size="sm">{a.name}</Text>
                    <WithdrawnBadge withdrawn={a.withdrawn} kind="applicant" />
                  </Group>
                ),
              },
              {
                accessor: 'kind',
                title: t('applicant.kind'),
                width: 90,
                sortValue: (a) => a.kind,
                render: (a) => (
                  <Badge variant="light" color={a.kind === 'unit' ? 'indigo' : 'grape'}>
                    {t(`applicant.kinds.${a.kind}`)}
                  </Badge>
                ),
              },
              { accessor: 'industry', title: t('applicant.industry'), width: 90, sortValue: (a) => a.industry, render: (a) => industry(a.industry) },
              {
                accessor: 'contact',
                title: t('applicant.contact'),
                render: (a) => <Text size="sm">{[a.contactName, a.contactPhone, a.contactEmail].filter(Boolean).join(' · ') || '—'}</Text>,
              },
              {
                accessor: 'actions',
                title: '',
                width: 150,
                textAlign: 'right',
                render: (a) => (
                  <Group gap={4} justify="flex-end" wrap="nowrap">
                    <Button size="compact-xs" variant="subtle" onClick={() => setActing({ kind: 'edit', applicant: a })} data-testid={`applicant-edit-${a.code}`}>
                      {t('corrections.edit')}
                    </Button>
                    {a.withdrawn ? null : (
                      <Menu position="bottom-end" withinPortal>
                        <Menu.Target>
                          <Button size="compact-xs" variant="subtle" color="gray" data-testid={`applicant-more-${a.code}`}>
                            {t('corrections.more')}
                          </Button>
                        </Menu.Target>
                        <Menu.Dropdown>
                          <Menu.Item onClick={() => setActing({ kind: 'withdraw', applicant: a })} data-testid="applicant-withdraw">
                            {t('corrections.withdraw.applicant')}
                          </Menu.Item>
                          <Menu.Item color="red" onClick={() => setActing({ kind: 'remove', applicant: a })} data-testid="applicant-remove">
                            {t('corrections.remove.applicant')}
                          </Menu.Item>
                        </Menu.Dropdown>
                      </Menu>
                    )}
                  </Group>
                ),
              },
            ]}
          />
        )}
      </Loadable>
      <EditApplicant
        applicant={acting?.kind === 'edit' ? acting.applicant : null}
        kinds={kinds}
        onClose={() => setActing(null)}
        onSaved={(a) => finish(t('corrections.corrected.applicant', { who: who(a) }))}
      />
      <CorrectionModal
        opened={acting?.kind === 'remove'}
        testId="remove-applicant"
        title={t('corrections.remove.applicant')}
        subject={acting ? who(acting.applicant) : ''}
        effect={t('corrections.removeEffect.applicant')}
        confirmLabel={t('corrections.remove.applicant')}
        color="red"
        onClose={() => setActing(null)}
        onConfirm={async (reason) => {
          if (!acting) return;
          await api.call('applicants.remove', { applicantId: acting.applicant.id, reason });
          finish(t('corrections.removed.applicant', { who: who(acting.applicant) }));
        }}
        onRefused={(error, reason) =>
          error.code === 'applicant.has-work' && acting ? (
            <Button variant="light" w="fit-content" onClick={() => setActing({ kind: 'withdraw', applicant: acting.applicant, reason })} data-testid="remove-applicant-withdraw-instead">
              {t('corrections.withdrawInstead.applicant')}
            </Button>
          ) : null
        }
      />
      <CorrectionModal
        opened={acting?.kind === 'withdraw'}
        testId="withdraw-applicant"
        title={t('corrections.withdraw.applicant')}
        subject={acting ? who(acting.applicant) : ''}
        effect={t('corrections.withdrawEffect.applicant')}
        initialReason={acting?.reason}
        confirmLabel={t('corrections.withdraw.applicant')}
        color="orange"
        onClose={() => setActing(null)}
        onConfirm={async (reason) => {
          if (!acting) return;
          await api.call('applicants.withdraw', { applicantId: acting.applicant.id, reason });
          finish(t('corrections.withdrawn.applicant', { who: who(acting.applicant) }));
        }}
      />
    </Stack>
  );
}
