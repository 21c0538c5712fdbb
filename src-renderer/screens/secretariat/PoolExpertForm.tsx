import { Button, Group, Modal, Select, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Localized } from '../../../src-main/domain/localized.js';
import { PoolExpertInputSchema, type PoolExpert, type PoolExpertInput } from '../../../src-main/domain/pool.js';
import { validate } from '../../../src-main/domain/reasons.js';
import type { Industry } from '../../../src-main/domain/words.js';
import { ErrorNotice } from '../../components/States.js';
import { useApp } from '../../context/app-context.js';
import { useAction } from '../../hooks/useAction.js';
import { useLocalized } from '../../hooks/useLocalized.js';
import type { CallFailure } from '../../transport/errors.js';
import { INDUSTRIES } from './AddPerson.js';

/** A pool expert's profile as the form holds it: what the clerk typed, industry as the picker's value. */
export interface PoolForm {
  code: string;
  name: string;
  organisation: string;
  creditCode: string;
  title: string;
  industry: string | null;
  speciality: string;
  phone: string;
  email: string;
}

type TextField = Exclude<keyof PoolForm, 'industry'>;

export const BLANK_POOL_FORM: PoolForm = { code: '', name: '', organisation: '', creditCode: '', title: '', industry: null, speciality: '', phone: '', email: '' };

export function poolFormOf(e: PoolExpert): PoolForm {
  return {
    code: e.code,
    name: e.name,
    organisation: e.organisation ?? '',
    creditCode: e.creditCode ?? '',
    title: e.title ?? '',
    industry: e.industry === null ? null : String(e.industry),
    speciality: e.speciality ?? '',
    phone: e.phone ?? '',
    email: e.email ?? '',
  };
}

export function poolInputOf(f: PoolForm): PoolExpertInput {
  return { ...f, industry: f.industry === null ? null : (Number(f.industry) as Industry) };
}

/** What a correction sends: the fields changed beyond spaces at either end, which the store drops too. */
export function poolChanges(before: PoolForm, after: PoolForm): Partial<PoolExpertInput> {
  const input = poolInputOf(after);
  const changed = (Object.keys(after) as (keyof PoolForm)[]).filter((k) => (before[k] ?? '').trim() !== (after[k] ?? '').trim());
  return Object.fromEntries(changed.map((k) => [k, input[k]])) as Partial<PoolExpertInput>;
}

/**
 * Why a typed value would be refused, by the same schema the call checks, so the clerk sees it
 * under the field while typing; a required field left blank only keeps the button disabled.
 */
function refusalOf(field: TextField, value: string): Localized | null {
  if (value.trim() === '') return null;
  const checked = validate(PoolExpertInputSchema.shape[field], value, 'form');
  return checked.ok ? null : checked.reasons[0]!;
}

export function poolFormErrors(f: PoolForm): boolean {
  return (Object.keys(f) as (keyof PoolForm)[]).some((k) => k !== 'industry' && refusalOf(k, f[k]) !== null);
}

export const poolFormReady = (f: PoolForm) => f.code.trim() !== '' && f.name.trim() !== '' && !poolFormErrors(f);

/**
 * Every profile field of a pool expert, each with its refusal shown in place: a value the schema
 * refuses as typed, or the code another pool expert holds (`refused`, the store's answer).
 */
export function PoolExpertFields({ form, set, prefix, refused }: { form: PoolForm; set(patch: Partial<PoolForm>): void; prefix: string; refused: CallFailure | null }) {
  const { t } = useTranslation();
  const l = useLocalized();
  const field = (name: TextField, label: string, required = false) => {
    const why = refusalOf(name, form[name]);
    const taken = name === 'code' && refused?.code === 'pool.code-taken' ? refused.localized : null;
    return (
      <TextInput
        label={label}
        value={form[name]}
        onChange={(e) => set({ [name]: e.currentTarget.value })}
        required={required}
        error={why ? l(why) : taken ? l(taken) : null}
        data-testid={`${prefix}-${name}`}
      />
    );
  };
  return (
    <SimpleGrid cols={2}>
      {field('code', t('expert.code'), true)}
      {field('name', t('expert.name'), true)}
      {field('organisation', t('expert.organisation'))}
      {field('creditCode', t('pool.creditCode'))}
      {field('title', t('pool.jobTitle'))}
      <Select
        label={t('applicant.industry')}
        data={INDUSTRIES.map((i) => ({ value: String(i), label: t(`industry.${i}`) }))}
        value={form.industry}
        onChange={(v) => set({ industry: v })}
        clearable
        comboboxProps={{ withinPortal: true }}
        data-testid={`${prefix}-industry`}
      />
      {field('speciality', t('pool.speciality'))}
      {field('phone', t('pool.phone'))}
      {field('email', t('pool.email'))}
    </SimpleGrid>
  );
}

/**
 * Corrects a pool expert's profile, with an optional reason for the audit log: only what changed
 * is sent, and every edition that seats the expert reads the corrected details.
 */
export function EditPoolExpert({ expert, onClose, onSaved }: { expert: PoolExpert | null; onClose(): void; onSaved(): void }) {
  const { t } = useTranslation();
  const { api } = useApp();
  const initial = useMemo(() => (expert ? poolFormOf(expert) : BLANK_POOL_FORM), [expert]);
  const [form, setForm] = useState(initial);
  const [reason, setReason] = useState('');
  const [shown, setShown] = useState<PoolExpert | null>(null);
  if (shown !== expert) {
    setShown(expert);
    setForm(initial);
    setReason('');
  }
  const changes = poolChanges(initial, form);
  const saving = useAction(async () => {
    if (!expert) return;
    await api.call('pool.update', { expertId: expert.id, changes, ...(reason.trim() ? { reason: reason.trim() } : {}) });
    onSaved();
  });
  const close = () => {
    saving.clearError();
    onClose();
  };
  return (
    <Modal opened={expert !== null} onClose={close} title={t('pool.editTitle', { code: expert?.code ?? '', name: expert?.name ?? '' })} size="lg">
      <Stack gap="sm" data-testid="pool-edit">
        <Text size="sm" c="dimmed">
          {t('pool.editHelp')}
        </Text>
        <PoolExpertFields
          form={form}
          set={(patch) => {
            if (patch.code !== undefined) saving.clearError();
            setForm({ ...form, ...patch });
          }}
          prefix="pool-edit"
          refused={saving.error}
        />
        <Textarea label={t('corrections.editReason')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} autosize maxLength={1000} data-testid="pool-edit-reason" />
        {saving.error && saving.error.code !== 'pool.code-taken' ? <ErrorNotice error={saving.error} title={t('corrections.editRefused.expert')} /> : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            {t('common.cancel')}
          </Button>
          <Button onClick={() => void saving.run()} disabled={!poolFormReady(form) || Object.keys(changes).length === 0} loading={saving.busy} data-testid="pool-edit-submit">
            {t('corrections.saveEdit')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
