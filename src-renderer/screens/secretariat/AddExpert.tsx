import { Group, Radio, SimpleGrid, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Industry } from '../../../src-main/domain/words.js';
import { useApp } from '../../context/app-context.js';
import { AddPerson, HINT_BELOW, INDUSTRIES, type Added } from './AddPerson.js';

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

/** A substitute expert, added by hand; enrollment follows in the table as for imported experts. */
export function AddExpert({ editionId, onAdded }: { editionId: string; onAdded(added: Added): void }) {
  const { t } = useTranslation();
  const { api } = useApp();

  return (
    <AddPerson
      kind="expert"
      blank={BLANK}
      ready={(f) => f.code.trim() !== '' && f.name.trim() !== ''}
      save={(expert) => api.call('experts.add', { editionId, expert })}
      onAdded={onAdded}
    >
      {(f, set) => (
        <>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label={t('expert.code')} description={t('people.codeHint')} inputWrapperOrder={HINT_BELOW} required value={f.code} onChange={(e) => set({ code: e.currentTarget.value })} data-testid="add-expert-code" data-autofocus />
            <TextInput label={t('people.expertName')} required value={f.name} onChange={(e) => set({ name: e.currentTarget.value })} data-testid="add-expert-name" />
            <TextInput label={t('people.organisation')} value={f.organisation} onChange={(e) => set({ organisation: e.currentTarget.value })} data-testid="add-expert-organisation" />
            <TextInput label={t('people.title')} value={f.title} onChange={(e) => set({ title: e.currentTarget.value })} data-testid="add-expert-title" />
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
            <TextInput label={t('people.phone')} description={t('people.phoneHint')} inputWrapperOrder={HINT_BELOW} value={f.phone} onChange={(e) => set({ phone: e.currentTarget.value })} data-testid="add-expert-phone" />
            <TextInput label={t('people.email')} value={f.email} onChange={(e) => set({ email: e.currentTarget.value })} data-testid="add-expert-email" />
          </SimpleGrid>
        </>
      )}
    </AddPerson>
  );
}
