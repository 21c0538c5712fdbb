import { Alert, Group, NumberInput, Select, SimpleGrid, Stack, Switch, Table, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Profile } from '../../../src-main/profile/schema.js';
import { useLocalized } from '../../hooks/useLocalized.js';
import { formProblems, openValues, weightSum, type SettingsForm } from '../../secretariat/settings-form.js';

const num = (v: string | number): number | '' => (typeof v === 'number' ? v : '');

/** The zones the runtime knows, China's first: the list a clerk picks the edition's zone from. */
function timeZones(current: string): string[] {
  const all = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  return [...new Set(['Asia/Shanghai', 'Asia/Urumqi', 'Asia/Hong_Kong', 'Asia/Macau', current, ...all])];
}

/** "3 – 7", or "set by this edition" once when both bounds are left to the edition. */
function panelSizeText(profile: Profile, open: string): string {
  const { min, max } = profile.panelSize;
  if (min === null && max === null) return open;
  return `${min ?? open} – ${max ?? open}`;
}

/** What the regulation fixes (shown with its article) and what it leaves to this edition (asked). */
export function RulesSummary({ profile }: { profile: Profile }) {
  const { t } = useTranslation();
  const l = useLocalized();
  const cap = (c: { unit: number; individual: number }) =>
    profile.applicantKinds.includes('individual') ? t('rules.capKinds', { unit: c.unit, individual: c.individual }) : String(c.unit);
  const rows: [string, string][] = [
    [t('rules.stages'), profile.stages.map((s) => `${t(`stage.${s.stage}`)} ${s.weight === null ? t('rules.open') : `${s.weight}%`}`).join(' · ')],
    [t('rules.awardCap'), cap(profile.caps.award)],
    [t('rules.nominationCap'), cap(profile.caps.nomination)],
    [t('rules.floors'), profile.floors.award === null && profile.floors.nomination === null ? t('rules.none') : t('rules.floorValues', { award: profile.floors.award ?? '—', nomination: profile.floors.nomination ?? '—' })],
    [t('rules.shortlist'), profile.shortlist === null ? t('rules.none') : profile.shortlist.size === 'edition' ? t('rules.open') : String(profile.shortlist.size)],
    [t('rules.panelSize'), panelSizeText(profile, t('rules.open'))],
    [t('rules.notice'), t(profile.notice.working ? 'rules.noticeWorking' : 'rules.noticeDays', { days: profile.notice.days })],
  ];
  return (
    <Stack gap="xs">
      <Text size="sm" c="dimmed">
        {l(profile.regulation)}
      </Text>
      <Table withTableBorder fz="sm" verticalSpacing={4}>
        <Table.Tbody>
          {rows.map(([k, v]) => (
            <Table.Tr key={k}>
              <Table.Td w={180} c="dimmed">
                {k}
              </Table.Td>
              <Table.Td>{v}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}

export function SettingsFields({ profile, form, onChange }: { profile: Profile; form: SettingsForm; onChange(form: SettingsForm): void }) {
  const { t } = useTranslation();
  const open = openValues(profile);
  const problems = formProblems(profile, form);
  const set = (patch: Partial<SettingsForm>) => onChange({ ...form, ...patch });

  return (
    <Stack gap="md">
      {open.weightStages.length > 0 ? (
        <Stack gap={4}>
          <Group gap="md" align="flex-end">
            {profile.stages.map((s) =>
              s.weight === null ? (
                <NumberInput
                  key={s.stage}
                  label={t('settingsForm.weight', { stage: t(`stage.${s.stage}`) })}
                  suffix="%"
                  min={1}
                  max={100}
                  w={150}
                  value={form.weights[s.stage] ?? ''}
                  onChange={(v) => set({ weights: { ...form.weights, [s.stage]: num(v) } })}
                  data-testid={`weight-${s.stage}`}
                />
              ) : (
                <NumberInput key={s.stage} label={t('settingsForm.weightFixed', { stage: t(`stage.${s.stage}`) })} suffix="%" w={150} value={s.weight} disabled />
              ),
            )}
          </Group>
          <Text size="xs" c={problems.includes('weights-sum') ? 'red' : 'dimmed'} data-testid="weight-sum">
            {t('settingsForm.weightSum', { sum: weightSum(profile, form) })}
          </Text>
        </Stack>
      ) : null}
      <SimpleGrid cols={3}>
        {open.shortlist ? (
          <NumberInput
            label={t('settingsForm.shortlistSize')}
            min={1}
            value={form.shortlistSize}
            onChange={(v) => set({ shortlistSize: num(v) })}
            data-testid="shortlist-size"
          />
        ) : null}
        {open.panelMin ? (
          <NumberInput label={t('settingsForm.panelMin')} min={1} value={form.panelMin} onChange={(v) => set({ panelMin: num(v) })} data-testid="panel-min" />
        ) : null}
        {open.panelMax ? (
          <NumberInput label={t('settingsForm.panelMax')} min={1} value={form.panelMax} onChange={(v) => set({ panelMax: num(v) })} data-testid="panel-max" />
        ) : null}
      </SimpleGrid>
      <Group gap="xl" align="flex-end">
        <Switch label={t('settingsForm.trim')} checked={form.trimEnabled} onChange={(e) => set({ trimEnabled: e.currentTarget.checked })} />
        {form.trimEnabled ? (
          <NumberInput label={t('settingsForm.trimMin')} min={3} w={200} value={form.trimMinPanelSize} onChange={(v) => set({ trimMinPanelSize: num(v) })} />
        ) : null}
      </Group>
      <Group gap="xl" align="flex-end">
        <Switch label={t('settingsForm.disagreement')} checked={form.disagreementEnabled} onChange={(e) => set({ disagreementEnabled: e.currentTarget.checked })} />
        {form.disagreementEnabled ? (
          <NumberInput
            label={t('settingsForm.threshold')}
            min={0}
            max={100}
            suffix={t('settingsForm.thresholdUnit')}
            w={200}
            value={form.disagreementThreshold}
            onChange={(v) => set({ disagreementThreshold: num(v) })}
          />
        ) : null}
      </Group>
      <SimpleGrid cols={2}>
        <TextInput
          label={t('settingsForm.issuingBody')}
          description={t('settingsForm.issuingBodyHelp')}
          maxLength={60}
          value={form.issuingBody}
          onChange={(e) => set({ issuingBody: e.currentTarget.value })}
          data-testid="issuing-body"
        />
        <Select
          label={t('settingsForm.timeZone')}
          description={t('settingsForm.timeZoneHelp')}
          searchable
          allowDeselect={false}
          data={timeZones(form.timeZone)}
          value={form.timeZone}
          onChange={(v) => set({ timeZone: v ?? form.timeZone })}
          data-testid="time-zone"
        />
      </SimpleGrid>
      {problems.length > 0 ? (
        <Alert color="orange" variant="light" data-testid="settings-problems">
          {problems.map((p) => (
            <Text key={p} size="sm">
              {t(`settingsForm.problem.${p}`)}
            </Text>
          ))}
        </Alert>
      ) : null}
    </Stack>
  );
}
