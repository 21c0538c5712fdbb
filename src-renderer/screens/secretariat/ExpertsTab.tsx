import { Alert, Badge, Button, Code, Group, Menu, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Expert } from '../../../src-main/domain/people.js';
import { useApp } from '../../context/app-context.js';
import { Icon } from '../../components/icons.js';
import { useIndustryLabel } from '../../components/labels.js';
import { ListTable } from '../../components/ListTable.js';
import { Empty, Loadable } from '../../components/States.js';
import { useCall } from '../../hooks/useCall.js';
import { AddExpert, EditExpert } from './AddExpert.js';
import { AddedNotice, INDUSTRIES, type Added } from './AddPerson.js';
import { CorrectedNotice } from './CorrectedNotice.js';
import { CorrectionModal } from './CorrectionModal.js';
import { DrawFromPool } from './DrawFromPool.js';
import { EnrollModal } from './EnrollModal.js';
import { SheetImport } from './SheetImport.js';
import { WithdrawnBadge } from './Withdrawn.js';

type Acting = { kind: 'edit' | 'remove' | 'withdraw'; expert: Expert; reason?: string } | null;

export function ExpertsTab({ editionId }: { editionId: string }) {
  const { t } = useTranslation();
  const { api } = useApp();
  const industry = useIndustryLabel();
  const experts = useCall('experts.list', { editionId });
  const [enrolling, setEnrolling] = useState<Expert | null>(null);
  const [added, setAdded] = useState<Added | null>(null);
  const [acting, setActing] = useState<Acting>(null);
  const [done, setDone] = useState<string | null>(null);
  const [enrolled, setEnrolled] = useState<Expert | null>(null);
  const who = (e: Expert) => `${e.code} ${e.name}`;
  const finish = (message: string) => {
    setActing(null);
    setDone(message);
    void experts.reload();
  };

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
        <DrawFromPool
          editionId={editionId}
          seated={experts.data ?? []}
          onDrawn={(count) => {
            setDone(t('pool.drawn', { count }));
            void experts.reload();
          }}
        />
      </SheetImport>
      <AddedNotice kind="expert" added={added} onClose={() => setAdded(null)} />
      <CorrectedNotice message={done} onClose={() => setDone(null)} />
      {enrolled ? (
        <Alert color="green" icon={<Icon name="check" />} withCloseButton onClose={() => setEnrolled(null)} data-testid="enrolled-notice">
          {t('enrol.done', { who: who(enrolled), fingerprint: enrolled.fingerprint ?? '' })}
        </Alert>
      ) : null}
      <Loadable
        state={experts}
        empty={(list) => (list.length === 0 ? <Empty icon="users" title={t('experts.emptyTitle')} description={t('experts.emptyHelp')} /> : null)}
      >
        {(list) => (
          <ListTable<Expert>
            testId="experts-table"
            records={list}
            idAccessor={(e) => e.id}
            searchText={(e) => [e.code, e.name, e.organisation, e.title, e.phone, e.email, e.fingerprint].filter(Boolean).join(' ')}
            searchPlaceholder={t('table.searchExperts')}
            initialSort={{ column: 'code', direction: 'asc' }}
            dimmed={(e) => e.withdrawn !== null}
            rowAttributes={(e) => ({ 'data-testid': `expert-row-${e.code}`, 'data-withdrawn': e.withdrawn ? 'yes' : 'no' })}
            filters={[
              { key: 'industry', label: t('applicant.industry'), options: INDUSTRIES.map((i) => ({ value: String(i), label: t(`industry.${i}`) })), test: (e, v) => String(e.industry) === v },
              {
                key: 'enrolled',
                label: t('experts.enrolment'),
                options: [
                  { value: 'yes', label: t('experts.enrolled') },
                  { value: 'no', label: t('experts.notEnrolled') },
                ],
                test: (e, v) => e.enrolled === (v === 'yes'),
              },
              {
                key: 'status',
                label: t('corrections.status'),
                options: [
                  { value: 'active', label: t('corrections.active') },
                  { value: 'withdrawn', label: t('corrections.withdrawnBadge.expert') },
                ],
                test: (e, v) => (v === 'withdrawn') === (e.withdrawn !== null),
              },
            ]}
            columns={[
              { accessor: 'code', title: t('expert.code'), width: 90, sortValue: (e) => e.code },
              {
                accessor: 'name',
                title: t('expert.name'),
                sortValue: (e) => e.name,
                render: (e) => (
                  <Group gap={6} wrap="nowrap">
                    <Text size="sm">{e.name}</Text>
                    <WithdrawnBadge withdrawn={e.withdrawn} kind="expert" />
                  </Group>
                ),
              },
              { accessor: 'organisation', title: t('expert.organisation'), sortValue: (e) => e.organisation, render: (e) => [e.organisation, e.title].filter(Boolean).join(' · ') || '—' },
              { accessor: 'industry', title: t('applicant.industry'), width: 90, sortValue: (e) => e.industry, render: (e) => industry(e.industry) },
              {
                accessor: 'enrolment',
                title: t('experts.enrolment'),
                sortValue: (e) => (e.enrolled ? 1 : 0),
                render: (e) =>
                  e.enrolled ? (
                    <Group gap={6} wrap="nowrap">
                      <Badge color="teal" variant="light">
                        {t('experts.enrolled')}
                      </Badge>
                      <Code fz="xs">{e.fingerprint}</Code>
                    </Group>
                  ) : (
                    <Badge color="gray" variant="light">
                      {t('experts.notEnrolled')}
                    </Badge>
                  ),
              },
              {
                accessor: 'actions',
                title: '',
                width: 190,
                textAlign: 'right',
                render: (e) => (
                  <Group gap={4} justify="flex-end" wrap="nowrap">
                    {!e.enrolled && !e.withdrawn ? (
                      <Button size="compact-xs" variant="light" onClick={() => setEnrolling(e)} data-testid={`enroll-${e.code}`}>
                        {t('experts.enroll')}
                      </Button>
                    ) : null}
                    <Button size="compact-xs" variant="subtle" onClick={() => setActing({ kind: 'edit', expert: e })} data-testid={`expert-edit-${e.code}`}>
                      {t('corrections.edit')}
                    </Button>
                    {e.withdrawn ? null : (
                      <Menu position="bottom-end" withinPortal>
                        <Menu.Target>
                          <Button size="compact-xs" variant="subtle" color="gray" data-testid={`expert-more-${e.code}`}>
                            {t('corrections.more')}
                          </Button>
                        </Menu.Target>
                        <Menu.Dropdown>
                          {e.enrolled ? (
                            <Menu.Item onClick={() => setEnrolling(e)} data-testid="expert-reenroll">
                              {t('enrol.again')}
                            </Menu.Item>
                          ) : null}
                          <Menu.Item onClick={() => setActing({ kind: 'withdraw', expert: e })} data-testid="expert-withdraw">
                            {t('corrections.withdraw.expert')}
                          </Menu.Item>
                          <Menu.Item color="red" onClick={() => setActing({ kind: 'remove', expert: e })} data-testid="expert-remove">
                            {t('corrections.remove.expert')}
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
      <EnrollModal
        expert={enrolling ? { scope: 'experts', id: enrolling.id, code: enrolling.code, name: enrolling.name } : null}
        onClose={() => setEnrolling(null)}
        onEnrolled={(fingerprint) => {
          setEnrolling(null);
          setEnrolled(enrolling ? { ...enrolling, fingerprint } : null);
          void experts.reload();
        }}
      />
      <EditExpert expert={acting?.kind === 'edit' ? acting.expert : null} onClose={() => setActing(null)} onSaved={(e) => finish(t('corrections.corrected.expert', { who: who(e) }))} />
      <CorrectionModal
        opened={acting?.kind === 'remove'}
        testId="remove-expert"
        title={t('corrections.remove.expert')}
        subject={acting ? who(acting.expert) : ''}
        effect={t('corrections.removeEffect.expert')}
        confirmLabel={t('corrections.remove.expert')}
        color="red"
        onClose={() => setActing(null)}
        onConfirm={async (reason) => {
          if (!acting) return;
          await api.call('experts.remove', { expertId: acting.expert.id, reason });
          finish(t('corrections.removed.expert', { who: who(acting.expert) }));
        }}
        onRefused={(error, reason) =>
          error.code === 'expert.has-work' && acting ? (
            <Button variant="light" w="fit-content" onClick={() => setActing({ kind: 'withdraw', expert: acting.expert, reason })} data-testid="remove-expert-withdraw-instead">
              {t('corrections.withdrawInstead.expert')}
            </Button>
          ) : null
        }
      />
      <CorrectionModal
        opened={acting?.kind === 'withdraw'}
        testId="withdraw-expert"
        title={t('corrections.withdraw.expert')}
        subject={acting ? who(acting.expert) : ''}
        effect={t('corrections.withdrawEffect.expert')}
        initialReason={acting?.reason}
        confirmLabel={t('corrections.withdraw.expert')}
        color="orange"
        onClose={() => setActing(null)}
        onConfirm={async (reason) => {
          if (!acting) return;
          await api.call('experts.withdraw', { expertId: acting.expert.id, reason });
          finish(t('corrections.withdrawn.expert', { who: who(acting.expert) }));
        }}
      />
    </Stack>
  );
}
