import { Group, Radio, SimpleGrid, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ApplicantKind, Industry } from '../../../src-main/domain/words.js';
import { useApp } from '../../context/app-context.js';
import { AddPerson, HINT_BELOW, INDUSTRIES, type Added } from './AddPerson.js';

interface ApplicantForm {
  code: string;
  name: string;
  kind: ApplicantKind;
  industry: Industry | null;
  contactName: string;
  contactPhone: string;
  contactEmail: string;
}

/** Only the kinds the edition's profile admits are offered; the service checks again. */
export function AddApplicant({ editionId, kinds, onAdded }: { editionId: string; kinds: ApplicantKind[]; onAdded(added: Added): void }) {
  const { t } = useTranslation();
  const { api } = useApp();
  const blank: ApplicantForm = { code: '', name: '', kind: kinds[0] ?? 'unit', industry: null, contactName: '', contactPhone: '', contactEmail: '' };

  return (
    <AddPerson
      kind="applicant"
      blank={blank}
      ready={(f) => f.code.trim() !== '' && f.name.trim() !== '' && f.industry !== null}
      // ready() holds the save button until an industry is chosen
      save={({ industry, ...rest }) => api.call('applicants.add', { editionId, applicant: { ...rest, industry: industry! } })}
      onAdded={onAdded}
    >
      {(f, set) => (
        <>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label={t('applicant.code')} description={t('people.codeHint')} inputWrapperOrder={HINT_BELOW} required value={f.code} onChange={(e) => set({ code: e.currentTarget.value })} data-testid="add-applicant-code" data-autofocus />
            <TextInput label={t('people.applicantName')} required value={f.name} onChange={(e) => set({ name: e.currentTarget.value })} data-testid="add-applicant-name" />
          </SimpleGrid>
          <Radio.Group label={t('applicant.kind')} required value={f.kind} onChange={(v) => set({ kind: v as ApplicantKind })}>
            <Group mt={6}>
              {kinds.map((k) => (
                <Radio key={k} value={k} label={t(`applicant.kinds.${k}`)} />
              ))}
            </Group>
          </Radio.Group>
          <Radio.Group label={t('applicant.industry')} required value={f.industry === null ? '' : String(f.industry)} onChange={(v) => set({ industry: Number(v) as Industry })}>
            <Group mt={6}>
              {INDUSTRIES.map((i) => (
                <Radio key={i} value={String(i)} label={t(`industry.${i}`)} />
              ))}
            </Group>
          </Radio.Group>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <TextInput label={t('people.contactName')} value={f.contactName} onChange={(e) => set({ contactName: e.currentTarget.value })} data-testid="add-applicant-contact" />
            <TextInput label={t('people.phone')} description={t('people.phoneHint')} inputWrapperOrder={HINT_BELOW} value={f.contactPhone} onChange={(e) => set({ contactPhone: e.currentTarget.value })} data-testid="add-applicant-phone" />
            <TextInput label={t('people.email')} value={f.contactEmail} onChange={(e) => set({ contactEmail: e.currentTarget.value })} data-testid="add-applicant-email" />
          </SimpleGrid>
        </>
      )}
    </AddPerson>
  );
}
