import { Alert, Badge, Button, Divider, Drawer, Group, SegmentedControl, Select, SimpleGrid, Stack, Table, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EditionDetail } from '../../../src-main/profile/edition.js';
import { conditionsFor, evaluateEligibility, type Answer } from '../../../src-main/rules/eligibility.js';
import { outOfReviewReason } from '../../../src-main/rules/objections.js';
import type { AwardLevel, EligibilityState, PastEvent } from '../../../src-main/domain/words.js';
import type { CallOutput } from '../../../src-main/ipc/contract.js';
import { ErrorNotice } from '../../components/States.js';
import { useApp } from '../../context/app-context.js';
import { formatDateTime, formatDay } from '../../format/datetime.js';
import { useAction } from '../../hooks/useAction.js';
import { useLocalized } from '../../hooks/useLocalized.js';
import { useTimeZone } from '../../hooks/useTimeZone.js';
import { saveDownload } from '../../transport/files.js';

export type EligibilityRow = CallOutput<'eligibility.list'>['rows'][number];

export const STATE_COLORS: Record<EligibilityState, string> = { received: 'gray', incomplete: 'yellow', eligible: 'teal', ineligible: 'red' };

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const STATE_COLOR = { met: 'teal', unmet: 'red', open: 'gray' } as const;

/** One applicant's check: the checklist of its level answered and decided, the materials request, the letters and its history. */
export function EligibilityDrawer({ edition, row, onClose, onChanged }: { edition: EditionDetail; row: EligibilityRow | null; onClose(): void; onChanged(): void }) {
  const { t } = useTranslation();
  return (
    <Drawer opened={row !== null} onClose={onClose} position="right" size="xl" title={row ? `${row.applicant.code} ${row.applicant.name}` : ''} data-testid="eligibility-drawer">
      {row ? <Check key={row.applicant.id + row.steps.length} edition={edition} row={row} onChanged={onChanged} /> : <Text>{t('common.loading')}</Text>}
    </Drawer>
  );
}

function Check({ edition, row, onChanged }: { edition: EditionDetail; row: EligibilityRow; onChanged(): void }) {
  const { t, i18n } = useTranslation();
  const l = useLocalized();
  const { api, mode } = useApp();
  const timeZone = useTimeZone(edition.id);
  const lang = i18n.language.startsWith('en') ? 'en' : 'zh';
  const [level, setLevel] = useState<AwardLevel>(row.level);
  const [on, setOn] = useState(row.on);
  const [answers, setAnswers] = useState<Record<string, Answer>>(row.answers);
  const [note, setNote] = useState('');
  const [missing, setMissing] = useState('');
  const [due, setDue] = useState('');
  const [reason, setReason] = useState(row.letterReason ?? (row.letterDraft ? row.letterDraft[lang] : ''));
  const [past, setPast] = useState<{ event: PastEvent; on: string; note: string }>({ event: 'award', on: '', note: '' });
  useEffect(() => setReason(row.letterReason ?? (row.letterDraft ? row.letterDraft[lang] : '')), [row.letterReason, row.letterDraft, lang]);

  const profile = edition.profile.eligibility ?? { conditions: [], bars: [] };
  const checklist = conditionsFor(profile, row.applicant.kind, level);
  const history = useMemo(() => row.past.map((p) => ({ event: p.event, on: p.on, source: p.note ?? p.name })), [row.past]);
  const live = DAY.test(on) ? evaluateEligibility({ profile, kind: row.applicant.kind, level, answers: pick(answers, checklist.map((c) => c.id)), history, on }) : null;
  const holder = row.applicant.creditCode ?? row.applicant.idNumber;

  const done = () => onChanged();
  const deciding = useAction(async (decision: 'eligible' | 'ineligible') => {
    await api.call('eligibility.decide', { applicantId: row.applicant.id, decision, level, answers: pick(answers, checklist.map((c) => c.id)), on, note: note.trim() || null });
    done();
  });
  const requesting = useAction(async () => {
    const items = missing.split('\n').map((x) => x.trim()).filter((x) => x !== '');
    await api.call('eligibility.requestMaterials', { applicantId: row.applicant.id, missing: items, ...(due ? { dueDay: due } : {}), note: null });
    done();
  });
  const saving = useAction(async () => {
    await api.call('eligibility.setLetterReason', { applicantId: row.applicant.id, text: reason.trim() || null });
    done();
  });
  const letter = useAction(async (kind: 'incomplete' | 'not-shortlisted') => {
    await saveDownload(api, mode, await api.call('eligibility.letter', { applicantId: row.applicant.id, kind, lang }));
  });
  const recording = useAction(async () => {
    if (!holder) return;
    await api.call('eligibility.addPastAward', { holder, name: row.applicant.name, event: past.event, on: past.on, note: past.note.trim() || null });
    setPast({ event: 'award', on: '', note: '' });
    done();
  });
  const failure = deciding.error ?? requesting.error ?? saving.error ?? letter.error ?? recording.error;

  return (
    <Stack gap="md">
      <Group gap="xs">
        <Badge color={STATE_COLORS[row.state]} data-testid="drawer-state">
          {t(`eligibility.states.${row.state}`)}
        </Badge>
        <Text size="sm" c="dimmed">
          {holder ?? t('eligibility.noHolder')}
        </Text>
      </Group>
      {row.objectionUpheld ? (
        <Alert color="red" title={t('eligibility.outOfReview')} data-testid="eligibility-out-reason">
          {l(outOfReviewReason(row.objectionUpheld))}
        </Alert>
      ) : null}
      {failure ? <ErrorNotice error={failure} /> : null}

      <Title order={5}>{t('eligibility.checklist')}</Title>
      <SimpleGrid cols={2}>
        <Select label={t('eligibility.level')} data={(['award', 'nomination'] as const).map((v) => ({ value: v, label: t(`eligibility.levels.${v}`) }))} value={level} onChange={(v) => v && setLevel(v as AwardLevel)} allowDeselect={false} data-testid="eligibility-level" />
        <TextInput label={t('eligibility.on')} description={t('eligibility.onHint')} value={on} onChange={(e) => setOn(e.currentTarget.value)} error={DAY.test(on) ? null : t('eligibility.dayFormat')} data-testid="eligibility-on" />
      </SimpleGrid>
      <Table withTableBorder data-testid="eligibility-checklist">
        <Table.Tbody>
          {checklist.map((c) => {
            const state = live?.conditions.find((x) => x.condition.id === c.id)?.state ?? 'open';
            const answer = answers[c.id];
            return (
              <Table.Tr key={c.id} data-condition={c.id} data-state={state}>
                <Table.Td>
                  <Text size="sm">{l(c.text)}</Text>
                  <Text size="xs" c="dimmed">
                    {c.article}
                  </Text>
                </Table.Td>
                <Table.Td w={200}>
                  {c.minYears ? (
                    <TextInput size="xs" placeholder="YYYY-MM-DD" aria-label={t('eligibility.since', { years: c.minYears })} description={t('eligibility.since', { years: c.minYears })} value={typeof answer === 'string' ? answer : ''} onChange={(e) => setAnswers({ ...answers, [c.id]: e.currentTarget.value })} data-testid={`answer-${c.id}`} />
                  ) : (
                    <SegmentedControl
                      size="xs"
                      value={answer === true ? 'yes' : answer === false ? 'no' : ''}
                      onChange={(v) => setAnswers({ ...answers, [c.id]: v === 'yes' })}
                      data={[
                        { value: 'yes', label: t('eligibility.met') },
                        { value: 'no', label: t('eligibility.unmet') },
                      ]}
                      data-testid={`answer-${c.id}`}
                    />
                  )}
                </Table.Td>
                <Table.Td w={90}>
                  <Badge size="sm" variant="light" color={STATE_COLOR[state]}>
                    {t(`eligibility.conditionStates.${state}`)}
                  </Badge>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
      {live && live.bars.length > 0 ? (
        <Stack gap={4} data-testid="eligibility-bars">
          {live.bars.map((b) => (
            <Text key={`${b.bar.id}-${b.record.on}`} size="sm" c="red">
              {t('eligibility.barLine', { article: b.bar.article, text: l(b.bar.text), from: formatDay(b.record.on, i18n.language), until: b.until ? formatDay(b.until, i18n.language) : t('eligibility.forGood') })}
            </Text>
          ))}
        </Stack>
      ) : null}
      <Textarea label={t('eligibility.note')} value={note} onChange={(e) => setNote(e.currentTarget.value)} autosize minRows={2} data-testid="eligibility-note" />
      <Group justify="flex-end">
        <Button color="red" variant="light" onClick={() => void deciding.run('ineligible')} loading={deciding.busy} disabled={!live || (live.reasons.length === 0 && note.trim() === '')} data-testid="decide-ineligible">
          {t('eligibility.decideIneligible')}
        </Button>
        <Button color="teal" onClick={() => void deciding.run('eligible')} loading={deciding.busy} disabled={live?.outcome !== 'eligible'} data-testid="decide-eligible">
          {t('eligibility.decideEligible')}
        </Button>
      </Group>

      <Divider label={t('eligibility.materialsTitle')} />
      <SimpleGrid cols={2}>
        <Textarea label={t('eligibility.missing')} description={t('eligibility.missingHint')} value={missing} onChange={(e) => setMissing(e.currentTarget.value)} autosize minRows={2} data-testid="eligibility-missing" />
        <TextInput label={t('eligibility.due')} placeholder="YYYY-MM-DD" value={due} onChange={(e) => setDue(e.currentTarget.value)} data-testid="eligibility-due" />
      </SimpleGrid>
      <Group justify="flex-end">
        {row.state === 'incomplete' ? (
          <Button variant="light" onClick={() => void letter.run('incomplete')} loading={letter.busy} data-testid="letter-incomplete">
            {t('eligibility.incompleteLetter')}
          </Button>
        ) : null}
        <Button variant="light" color="yellow" onClick={() => void requesting.run()} loading={requesting.busy} disabled={missing.trim() === ''} data-testid="request-materials">
          {t('eligibility.request')}
        </Button>
      </Group>

      {row.letterDraft ? (
        <>
          <Divider label={t('eligibility.notShortlistedTitle')} />
          <Textarea label={t('eligibility.letterReason')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} autosize minRows={3} data-testid="letter-reason" />
          <Group justify="flex-end">
            <Button variant="subtle" onClick={() => void saving.run()} loading={saving.busy} data-testid="save-letter-reason">
              {t('eligibility.saveReason')}
            </Button>
            <Button variant="light" onClick={() => void letter.run('not-shortlisted')} loading={letter.busy} data-testid="letter-not-shortlisted">
              {t('eligibility.notShortlistedLetter')}
            </Button>
          </Group>
        </>
      ) : null}

      <Divider label={t('eligibility.historyTitle')} />
      <Stack gap={4} data-testid="eligibility-history">
        {row.elsewhere.map((e) => (
          <Text key={e.editionId} size="sm">
            {t('eligibility.elsewhereLine', { edition: e.editionName, code: e.code, state: t(`eligibility.states.${e.state}`) })}
          </Text>
        ))}
        {row.past.map((p) => (
          <Text key={p.id} size="sm">
            {t(p.note ? 'eligibility.pastLineNote' : 'eligibility.pastLine', { day: formatDay(p.on, i18n.language), event: t(`eligibility.events.${p.event}`), note: p.note })}
          </Text>
        ))}
        {row.elsewhere.length + row.past.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('eligibility.noHistory')}
          </Text>
        ) : null}
      </Stack>
      {holder ? (
        <Group align="flex-end">
          <Select label={t('eligibility.event')} data={(['award', 'nomination', 'revoked', 'fraud'] as const).map((v) => ({ value: v, label: t(`eligibility.events.${v}`) }))} value={past.event} onChange={(v) => v && setPast({ ...past, event: v as PastEvent })} allowDeselect={false} w={160} data-testid="past-event" />
          <TextInput label={t('eligibility.eventOn')} placeholder="YYYY-MM-DD" value={past.on} onChange={(e) => setPast({ ...past, on: e.currentTarget.value })} w={140} data-testid="past-on" />
          <TextInput label={t('eligibility.note')} value={past.note} onChange={(e) => setPast({ ...past, note: e.currentTarget.value })} style={{ flex: 1 }} data-testid="past-note" />
          <Button variant="light" onClick={() => void recording.run()} loading={recording.busy} disabled={!DAY.test(past.on)} data-testid="past-add">
            {t('eligibility.recordPast')}
          </Button>
        </Group>
      ) : null}

      {row.steps.length > 0 ? (
        <>
          <Divider label={t('eligibility.stepsTitle')} />
          <Stack gap={2} data-testid="eligibility-steps">
            {row.steps.map((s) => (
              <Text key={s.at + s.state} size="xs" c="dimmed">
                {formatDateTime(s.at, i18n.language, timeZone)} · {t(`eligibility.states.${s.state}`)} · {t(`eligibility.levels.${s.level}`)}
                {s.missing.length ? ` · ${s.missing.join(t('eligibility.sep'))}` : ''}
                {s.note ? ` · ${s.note}` : ''}
              </Text>
            ))}
          </Stack>
        </>
      ) : null}
    </Stack>
  );
}

/** the answers of the checklist shown, a day only once it is typed out in full */
function pick(answers: Record<string, Answer>, ids: string[]): Record<string, Answer> {
  return Object.fromEntries(ids.flatMap((id) => {
    const a = answers[id];
    return a === undefined || (typeof a === 'string' && !DAY.test(a)) ? [] : [[id, a]];
  }));
}
