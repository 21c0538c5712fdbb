import { Group, Radio, SimpleGrid, TextInput } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Expert } from '../../../src-main/domain/people.js';
import type { Industry } from '../../../src-main/domain/words.js';
import { useApp } from '../../context/app-context.js';
import { AddPerson, changedFields, HINT_BELOW, INDUSTRIES, PersonModal, type Added, type FormMode } from './AddPerson.js';

interface ExpertForm {
  code: string;
  name: string;
  organisation: string;
  title: string;
  industry: Industry | null;
  phone: string;
  email: string;
}

const BLANK: ExpertForm = { code: '', name: '', organisation: '', title: '', industry: null, phone: '', email: '' };
const ready = (f: ExpertForm) => f.code.trim() !== '' && f.name.trim() !== '';

function formOf(e: Expert): ExpertForm {
  return { code: e.code, name: e.name, organisation: e.organisation ?? '', title: e.title ?? '', industry: e.industry, phone: e.phone ?? '', email: e.email ?? '' };
}

function ExpertFields({ mode, f, set }: { mode: FormMode; f: ExpertForm; set(patch: Partial<ExpertForm>): void }) {
  const { t } = useTranslation();
  const id = (field: string) => `${mode}-expert-${field}`;
  return (
    <>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput label={t('expert.code')} description={t('people.codeHint')} inputWrapperOrder={HINT_BELOW} required value={f.code} onChange={(e) => set({ code: e.currentTarget.value })} data-testid={id('code')} data-autofocus />
        <TextInput label={t('people.expertName')} required value={f.name} onChange={(e) => set({ name: e.currentTarget.value })} data-testid={id('name')} />
        <TextInput label={t('people.organisation')} value={f.organisation} onChange={(e) => set({ organisation: e.currentTarget.value })} data-testid={id('organisation')} />
        <TextInput label={t('people.title')} value={f.title} onChange={(e) => set({ title: e.currentTarget.value })} data-testid={id('title')} />
      </SimpleGrid>
      <Radio.Group label={t('applicant.industry')} value={f.industry === null ? 'none' : String(f.industry)} onChange={(v) => set({ industry: v === 'none' ? null : (Number(v) as Industry) })}>
        <Group mt={6}>
          <Radio value="none" label={t('people.industryNone')} />
          {INDUSTRIES.map((i) => (
            <Radio key={i} value={String(i)} label={t(`industry.${i}`)} />
          ))}
        </Group>
      </Radio.Group>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput label={t('people.phone')} description={t('people.phoneHint')} inputWrapperOrder={HINT_BELOW} value={f.phone} onChange={(e) => set({ phone: e.currentTarget.value })} data-testid={id('phone')} />
        <TextInput label={t('people.email')} value={f.email} onChange={(e) => set({ email: e.currentTarget.value })} data-testid={id('email')} />
      </SimpleGrid>
    </>
  );
}

/** A substitute expert, added by hand; enrollment follows in the table as for imported experts. */
export function AddExpert({ editionId, onAdded }: { editionId: string; onAdded(added: Added): void }) {
  const { api } = useApp();
  return (
    <AddPerson kind="expert" blank={BLANK} ready={ready} save={(expert) => api.call('experts.add', { editionId, expert })} onAdded={onAdded}>
      {(f, set) => <ExpertFields mode="add" f={f} set={set} />}
    </AddPerson>
  );
}

/** Corrects every field of an expert; only what changed is sent, with the reason. */
export function EditExpert({ expert, onClose, onSaved }: { expert: Expert | null; onClose(): void; onSaved(e: Expert): void }) {
  const { t } = useTranslation();
  const { api } = useApp();
  const initial = useMemo(() => (expert ? formOf(expert) : null), [expert]);
  if (!expert || !initial) return null;
  return (
    <PersonModal
      key={expert.id}
      kind="expert"
      mode="edit"
      opened
      onClose={onClose}
      initial={initial}
      title={t('corrections.editTitle.expert', { code: expert.code, name: expert.name })}
      ready={ready}
      save={async (form, reason) => {
        const changes = changedFields(initial, form);
        const saved = Object.keys(changes).length === 0 ? expert : await api.call('experts.update', { expertId: expert.id, changes, ...(reason ? { reason } : {}) });
        onSaved(saved);
      }}
    >
      {(f, set) => <ExpertFields mode="edit" f={f} set={set} />}
    </PersonModal>
  );
}
