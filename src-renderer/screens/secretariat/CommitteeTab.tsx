import { Alert, Badge, Button, Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AwardList, AwardListEntry, CommitteeTie, CommitteeView, Confirmation } from '../../../src-main/domain/committee.js';
import type { ApplicantRef } from '../../../src-main/domain/people.js';
import type { EditionDetail } from '../../../src-main/profile/edition.js';
import { ListTable } from '../../components/ListTable.js';
import { ReportButton } from '../../components/ReportButton.js';
import { Loadable } from '../../components/States.js';
import { useCall } from '../../hooks/useCall.js';
import { useLocalized } from '../../hooks/useLocalized.js';
import { ConfirmModal, SettleTieModal, TallyModal } from './CommitteeForms.js';

const STATE_COLOR: Record<AwardList['state'], string> = { pending: 'orange', ready: 'blue', confirmed: 'teal', stale: 'red' };

/** the meeting day as a Chinese reader writes it (year, month, day), the ISO date in English */
function useDay(): (iso: string) => string {
  const { t } = useTranslation();
  return (iso) => {
    const [year, month, day] = iso.split('-');
    return t('committee.day', { year, month: Number(month), day: Number(day), iso });
  };
}

function ConfirmationLine({ c, matches }: { c: Confirmation; matches: boolean }) {
  const { t } = useTranslation();
  const day = useDay();
  return (
    <Text size="sm" c={matches ? undefined : 'red'} data-testid="confirmation-line">
      {t(matches ? 'committee.confirmedOn' : 'committee.noLongerMatches', { day: day(c.heldOn), meeting: c.meeting, by: c.confirmedBy })}
      {c.note ? ` · ${c.note}` : ''}
    </Text>
  );
}

const codes = (as: readonly ApplicantRef[]) => as.map((a) => a.code).join(' · ');

function Shortlist({ view, onConfirm }: { view: CommitteeView; onConfirm(): void }) {
  const { t } = useTranslation();
  const s = view.shortlist;
  if (!s) return null;
  return (
    <Card withBorder padding="md" data-testid="committee-shortlist">
      <Group justify="space-between" mb="xs">
        <Title order={5}>{t('committee.shortlistTitle', { count: s.applicants.length, size: s.size })}</Title>
        <Button size="xs" onClick={onConfirm} disabled={s.applicants.length === 0} data-testid="confirm-shortlist">
          {t(s.confirmation ? 'committee.confirmAgain' : 'committee.confirmShortlist')}
        </Button>
      </Group>
      <Text size="sm" mb="xs">
        {codes(s.applicants) || '—'}
      </Text>
      {s.confirmation ? <ConfirmationLine c={s.confirmation} matches={s.matches === true} /> : <Text size="sm" c="dimmed">{t('committee.notConfirmed')}</Text>}
    </Card>
  );
}

function Ties({ view, onSettle }: { view: CommitteeView; onSettle(tie: CommitteeTie): void }) {
  const { t } = useTranslation();
  const day = useDay();
  if (view.ties.length === 0 && view.staleSettlements.length === 0) return null;
  const where = (tie: CommitteeTie) => (tie.scope === 'shortlist' ? t('committee.atShortlist') : t(`committee.atCap.${tie.level ?? 'award'}`));
  return (
    <Card withBorder padding="md" data-testid="committee-ties">
      <Title order={5} mb="xs">
        {t('committee.tiesTitle')}
      </Title>
      <Stack gap="sm">
        {view.ties.map((tie) => {
          const s = tie.settlement;
          const codeOf = (id: string) => tie.applicants.find((a) => a.id === id)?.code ?? id;
          return (
            <Group key={`${tie.scope}-${codes(tie.applicants)}`} justify="space-between" align="flex-start" data-testid={`tie-${tie.applicants.map((a) => a.code).join('-')}`}>
              <Stack gap={2}>
                <Text size="sm" fw={500}>
                  {where(tie)} · {t('committee.places', { count: tie.places })} · {codes(tie.applicants)}
                </Text>
                {s ? (
                  <Text size="sm" data-testid="tie-settled">
                    <Badge color="teal" variant="light" mr={6}>
                      {t('committee.settled')}
                    </Badge>
                    {t('committee.settledLine', { order: s.order.map(codeOf).join(' > '), day: day(s.heldOn), meeting: s.meeting, method: s.method, by: s.settledBy, reason: s.reason })}
                  </Text>
                ) : (
                  <Text size="sm" c="orange">
                    {t('committee.unsettled')}
                  </Text>
                )}
              </Stack>
              <Button size="xs" variant={s ? 'default' : 'filled'} onClick={() => onSettle(tie)} data-testid="settle-tie">
                {t(s ? 'committee.settleAgain' : 'committee.settle')}
              </Button>
            </Group>
          );
        })}
        {view.staleSettlements.map((s) => (
          <Text key={s.id} size="xs" c="dimmed">
            {t('committee.staleSettlement', { day: day(s.heldOn), method: s.method, reason: s.reason, level: s.level ? t(`committee.atCap.${s.level}`) : t('committee.atShortlist') })}
          </Text>
        ))}
      </Stack>
    </Card>
  );
}

function Ballot({ view, onTally }: { view: CommitteeView; onTally(a: ApplicantRef): void }) {
  const { t } = useTranslation();
  const ballot = view.ballot;
  if (!ballot) return null;
  return (
    <Card withBorder padding="md" data-testid="committee-ballot">
      <Title order={5}>{t('committee.ballotTitle')}</Title>
      <Text size="sm" c="dimmed" mb="xs">
        {t('committee.ballotRule', { numerator: ballot.vote.numerator, denominator: ballot.vote.denominator })}
      </Text>
      <Table striped withTableBorder fz="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('applicant.name')}</Table.Th>
            <Table.Th>{t('committee.level')}</Table.Th>
            <Table.Th>{t('committee.count.voters')}</Table.Th>
            <Table.Th>{t('committee.count.votesFor')}</Table.Th>
            <Table.Th>{t('committee.needed')}</Table.Th>
            <Table.Th>{t('committee.outcome')}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {ballot.candidates.map((c) => (
            <Table.Tr key={c.applicant.id} data-testid={`ballot-${c.applicant.code}`}>
              <Table.Td>
                {c.applicant.code} {c.applicant.name}
              </Table.Td>
              <Table.Td>{t(`committee.levels.${c.level}`)}</Table.Td>
              <Table.Td>{c.tally?.voters ?? '—'}</Table.Td>
              <Table.Td>{c.tally?.votesFor ?? '—'}</Table.Td>
              <Table.Td>{c.tally?.needed ?? '—'}</Table.Td>
              <Table.Td>
                {c.tally ? (
                  <Badge color={c.tally.passed ? 'teal' : 'red'} data-testid="ballot-outcome">
                    {t(c.tally.passed ? 'committee.passed' : 'committee.failed')}
                  </Badge>
                ) : (
                  <Text size="sm" c="dimmed">
                    {t('committee.notCounted')}
                  </Text>
                )}
              </Table.Td>
              <Table.Td ta="right">
                <Button size="compact-xs" variant="subtle" onClick={() => onTally(c.applicant)} data-testid="ballot-enter">
                  {t(c.tally ? 'committee.recount' : 'committee.enterCount')}
                </Button>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Card>
  );
}

function AwardListCard({ editionId, list, onConfirm }: { editionId: string; list: AwardList; onConfirm(): void }) {
  const { t } = useTranslation();
  const l = useLocalized();
  return (
    <Card withBorder padding="md" data-testid="committee-award-list">
      <Group justify="space-between" mb="xs">
        <Group gap="xs">
          <Title order={5}>{t('committee.listTitle')}</Title>
          <Badge color={STATE_COLOR[list.state]} data-testid="award-list-state">
            {t(`committee.state.${list.state}`)}
          </Badge>
        </Group>
        <Group gap="xs">
          <ReportButton request={{ kind: 'award-list', editionId }} size="xs" data-testid="report-award-list">
            {t('committee.pdf')}
          </ReportButton>
          <Button size="xs" onClick={onConfirm} disabled={list.state === 'pending' || list.state === 'confirmed'} data-testid="confirm-list">
            {t(list.confirmation ? 'committee.confirmAgain' : 'committee.confirmList')}
          </Button>
        </Group>
      </Group>
      {list.pending.length > 0 ? (
        <Alert color={list.state === 'stale' ? 'red' : 'orange'} mb="sm" data-testid="award-list-pending">
          <Stack gap={2}>
            {list.pending.map((p) => (
              <Text key={p.en} size="sm">
                {l(p)}
              </Text>
            ))}
          </Stack>
        </Alert>
      ) : null}
      {list.confirmation ? <ConfirmationLine c={list.confirmation} matches={list.state === 'confirmed'} /> : null}
      <ListTable<AwardListEntry>
        testId="award-list-table"
        records={list.entries}
        idAccessor={(e) => e.applicant.id}
        rowAttributes={(e) => ({ 'data-testid': `award-${e.applicant.code}` })}
        empty={{ title: t('committee.listEmpty') }}
        columns={[
          { accessor: 'level', title: t('committee.level'), width: 130, render: (e) => <Badge color={e.level === 'award' ? 'yellow' : 'blue'}>{t(`committee.levels.${e.level}`)}</Badge> },
          { accessor: 'place', title: t('committee.place'), width: 70 },
          { accessor: 'applicant', title: t('applicant.name'), render: (e) => `${e.applicant.code} ${e.applicant.name}` },
          { accessor: 'rank', title: t('results.rank'), width: 70 },
          { accessor: 'weightedTotal', title: t('committee.total'), width: 100, render: (e) => e.weightedTotal.toFixed(2) },
          {
            accessor: 'basis',
            title: t('committee.basis'),
            render: (e) => (
              <Text size="xs">
                {e.settlementId ? (
                  <Badge size="xs" color="teal" variant="light" mr={4}>
                    {t('committee.settled')}
                  </Badge>
                ) : null}
                {l(e.basis)}
              </Text>
            ),
          },
        ]}
      />
      {list.excluded.map((x) => (
        <Text key={x.applicant.id} size="sm" c="red" mt="xs" data-testid={`excluded-${x.applicant.code}`}>
          {t('committee.excluded', { applicant: `${x.applicant.code} ${x.applicant.name}`, votesFor: x.tally.votesFor, voters: x.tally.voters, needed: x.tally.needed })}
        </Text>
      ))}
      {list.passedOver.length > 0 ? (
        <Alert color="yellow" mt="sm" title={t('committee.passedOverTitle')} data-testid="award-list-passed-over">
          <Stack gap={2}>
            {list.passedOver.map((x) => (
              <Text key={`${x.applicant.id}-${x.level}`} size="sm" data-testid={`passed-over-${x.applicant.code}`}>
                {t('committee.passedOver', { applicant: `${x.applicant.code} ${x.applicant.name}`, reason: l(x.reason) })}
              </Text>
            ))}
          </Stack>
        </Alert>
      ) : null}
    </Card>
  );
}

/**
 * The committee's decision: its confirmation of the shortlist, how it settled each tie, the secret
 * ballot where the regulation has one, and the proposed award list that comes of them.
 */
export function CommitteeTab({ edition }: { edition: EditionDetail }) {
  const { t } = useTranslation();
  const view = useCall('committee.get', { editionId: edition.id });
  const [confirming, setConfirming] = useState<'shortlist' | 'award-list' | null>(null);
  const [settling, setSettling] = useState<CommitteeTie | null>(null);
  const [counting, setCounting] = useState<ApplicantRef | null>(null);
  const done = () => {
    setConfirming(null);
    setSettling(null);
    setCounting(null);
    void view.reload();
  };
  return (
    <Loadable state={view}>
      {(v) => (
        <Stack gap="md">
          <Text size="sm" c="dimmed">
            {t(edition.profile.committeeVote ? 'committee.introVote' : 'committee.introConfirm')}
          </Text>
          <Shortlist view={v} onConfirm={() => setConfirming('shortlist')} />
          <Ties view={v} onSettle={setSettling} />
          <Ballot view={v} onTally={setCounting} />
          <AwardListCard editionId={edition.id} list={v.awardList} onConfirm={() => setConfirming('award-list')} />
          <ConfirmModal editionId={edition.id} subject={confirming} onClose={() => setConfirming(null)} onDone={done} />
          <SettleTieModal editionId={edition.id} tie={settling} onClose={() => setSettling(null)} onDone={done} />
          <TallyModal editionId={edition.id} applicant={counting} onClose={() => setCounting(null)} onDone={done} />
        </Stack>
      )}
    </Loadable>
  );
}
