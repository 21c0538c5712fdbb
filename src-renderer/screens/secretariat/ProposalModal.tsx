import { Alert, Button, Group, Modal, MultiSelect, NumberInput, Paper, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Applicant, Expert } from '../../../src-main/domain/people.js';
import type { Stage } from '../../../src-main/domain/words.js';
import type { EditionDetail } from '../../../src-main/profile/edition.js';
import { ErrorNotice } from '../../components/States.js';
import { useApp } from '../../context/app-context.js';
import { useAction } from '../../hooks/useAction.js';
import { useLocalized } from '../../hooks/useLocalized.js';

interface Draft {
  name: string;
  memberIds: string[];
  leaderId: string | null;
  applicantIds: string[];
}

/**
 * The panels the app proposes for a stage, for the clerk to edit — names, members, leader,
 * applicants — and then apply; nothing is applied before the clerk says so.
 */
export function ProposalModal({
  edition,
  experts,
  applicants,
  opened,
  onClose,
  onApplied,
}: {
  edition: EditionDetail;
  experts: Expert[];
  applicants: Applicant[];
  opened: boolean;
  onClose(): void;
  onApplied(count: number): void;
}) {
  const { t } = useTranslation();
  const l = useLocalized();
  const { api } = useApp();
  const stages = edition.profile.stages.map((s) => s.stage);
  const [stage, setStage] = useState<Stage>(stages[0] ?? 'material');
  const [count, setCount] = useState<number | ''>('');
  const [drafts, setDrafts] = useState<Draft[] | null>(null);
  const [notes, setNotes] = useState<{ unplaced: string[]; reserve: number; avoided: number; loads: Record<string, number> } | null>(null);
  const label = (e: Expert) => `${e.code} ${e.name}`;
  const proposing = useAction(async () => {
    const p = await api.call('panels.propose', { editionId: edition.id, stage, ...(count === '' ? {} : { panels: count }) });
    setDrafts(p.panels.map((x) => ({ name: x.name, memberIds: x.memberIds, leaderId: x.leaderId, applicantIds: x.applicantIds })));
    setNotes({
      unplaced: p.unplaced.map((u) => t('proposal.unplaced', { code: applicants.find((a) => a.id === u.applicantId)?.code ?? '', reason: l(u.reason) })),
      reserve: p.reserve.length,
      avoided: p.avoided,
      loads: p.loads,
    });
  });
  const applying = useAction(async () => {
    if (!drafts) return;
    const r = await api.call('panels.applyProposal', { editionId: edition.id, stage, panels: drafts.filter((d) => d.memberIds.length > 0) });
    setDrafts(null);
    setNotes(null);
    onApplied(r.panels.length);
  });
  // what the members already review in the edition, and with this panel's applicants: the proposal evens the second
  const workload = (d: Draft) => {
    const before = d.memberIds.map((id) => notes?.loads[id] ?? 0);
    if (before.length === 0) return null;
    const span = (values: number[]) => (Math.min(...values) === Math.max(...values) ? String(values[0]) : `${Math.min(...values)}–${Math.max(...values)}`);
    return t('proposal.workload', { before: span(before), after: span(before.map((n) => n + d.applicantIds.length)) });
  };
  const edit = (k: number, change: Partial<Draft>) => setDrafts((all) => all && all.map((d, i) => (i === k ? { ...d, ...change } : d)));
  const expertOptions = experts.filter((e) => !e.withdrawn).map((e) => ({ value: e.id, label: label(e) }));
  const applicantOptions = applicants.filter((a) => !a.withdrawn).map((a) => ({ value: a.id, label: `${a.code} ${a.name}` }));
  // an applicant moved into one panel leaves the others
  const moveApplicants = (k: number, ids: string[]) =>
    setDrafts((all) => all && all.map((d, i) => (i === k ? { ...d, applicantIds: ids } : { ...d, applicantIds: d.applicantIds.filter((id) => !ids.includes(id)) })));

  return (
    <Modal opened={opened} onClose={onClose} title={t('proposal.title')} size="xl">
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {t('proposal.help')}
        </Text>
        <Group align="flex-end">
          <Select
            label={t('common.stage')}
            data={stages.map((s) => ({ value: s, label: t(`stage.${s}`) }))}
            value={stage}
            onChange={(v) => v && setStage(v as Stage)}
            allowDeselect={false}
            comboboxProps={{ withinPortal: true }}
            data-testid="proposal-stage"
          />
          <NumberInput label={t('proposal.count')} value={count} onChange={(v) => setCount(typeof v === 'number' ? v : '')} min={1} max={200} w={140} placeholder={t('proposal.auto')} />
          <Button onClick={() => void proposing.run()} loading={proposing.busy} data-testid="proposal-run">
            {t('proposal.run')}
          </Button>
        </Group>
        {proposing.error ? <ErrorNotice error={proposing.error} /> : null}
        {notes ? (
          <Alert color={notes.unplaced.length > 0 ? 'orange' : 'blue'} variant="light" data-testid="proposal-notes">
            <Text size="sm">{t('proposal.notes', { avoided: notes.avoided, reserve: notes.reserve })}</Text>
            {notes.unplaced.map((u) => (
              <Text key={u} size="sm">
                {u}
              </Text>
            ))}
          </Alert>
        ) : null}
        {drafts?.map((d, k) => (
          <Paper key={k} withBorder p="sm" data-testid={`proposal-panel-${k}`}>
            <SimpleGrid cols={2}>
              <TextInput label={t('panels.name')} value={d.name} onChange={(e) => edit(k, { name: e.currentTarget.value })} data-testid={`proposal-name-${k}`} />
              <Select
                label={t('panels.leader')}
                data={expertOptions.filter((o) => d.memberIds.includes(o.value))}
                value={d.leaderId}
                onChange={(v) => edit(k, { leaderId: v })}
                clearable
                comboboxProps={{ withinPortal: true }}
              />
            </SimpleGrid>
            <MultiSelect
              label={t('panels.members')}
              data={expertOptions}
              value={d.memberIds}
              onChange={(ids) => edit(k, { memberIds: ids, leaderId: d.leaderId && ids.includes(d.leaderId) ? d.leaderId : (ids[0] ?? null) })}
              searchable
              comboboxProps={{ withinPortal: true }}
              data-testid={`proposal-members-${k}`}
            />
            <MultiSelect
              label={t('panelFix.applicants')}
              data={applicantOptions}
              value={d.applicantIds}
              onChange={(ids) => moveApplicants(k, ids)}
              searchable
              comboboxProps={{ withinPortal: true }}
              data-testid={`proposal-applicants-${k}`}
            />
            <Text size="xs" c="dimmed" mt={4} data-testid={`proposal-workload-${k}`}>
              {workload(d)}
            </Text>
          </Paper>
        ))}
        {applying.error ? <ErrorNotice error={applying.error} /> : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button onClick={() => void applying.run()} disabled={!drafts || drafts.length === 0} loading={applying.busy} data-testid="proposal-apply">
            {t('proposal.apply')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
