import { Button, Group, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PoolExpert, Qualification } from '../../../src-main/domain/pool.js';
import { ErrorNotice } from '../../components/States.js';
import { useApp } from '../../context/app-context.js';
import { useAction } from '../../hooks/useAction.js';
import { formatDay } from '../../format/datetime.js';
import { CorrectionModal } from './CorrectionModal.js';

const BLANK = { name: '', certificate: '', obtainedOn: '' };

/** A pool expert's qualifications: each listed with its certificate, recorded one by one, removed with the reason. */
export function PoolQualifications({ expert, onChanged }: { expert: PoolExpert; onChanged(): void }) {
  const { t, i18n } = useTranslation();
  const { api } = useApp();
  const [qual, setQual] = useState(BLANK);
  const [removing, setRemoving] = useState<Qualification | null>(null);
  const adding = useAction(async () => {
    await api.call('pool.addQualification', { expertId: expert.id, qualification: qual });
    setQual(BLANK);
    onChanged();
  });
  const line = (q: Qualification) => [q.name, q.certificate, q.obtainedOn ? formatDay(q.obtainedOn, i18n.language) : null].filter(Boolean).join(' · ');
  return (
    <Stack gap="xs">
      {expert.qualifications.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('pool.noQualifications')}
        </Text>
      ) : (
        <Stack gap={2} data-testid="pool-qualifications">
          {expert.qualifications.map((q) => (
            <Group key={q.id} justify="space-between" wrap="nowrap" data-testid="pool-qualification">
              <Text size="sm">{line(q)}</Text>
              <Button size="compact-xs" variant="subtle" color="red" onClick={() => setRemoving(q)} data-testid="qual-remove">
                {t('pool.removeQualification')}
              </Button>
            </Group>
          ))}
        </Stack>
      )}
      <SimpleGrid cols={3}>
        <TextInput size="xs" label={t('pool.qualification')} value={qual.name} onChange={(x) => setQual({ ...qual, name: x.currentTarget.value })} data-testid="qual-name" />
        <TextInput size="xs" label={t('pool.certificate')} value={qual.certificate} onChange={(x) => setQual({ ...qual, certificate: x.currentTarget.value })} data-testid="qual-certificate" />
        <TextInput size="xs" type="date" label={t('pool.obtainedOn')} value={qual.obtainedOn} onChange={(x) => setQual({ ...qual, obtainedOn: x.currentTarget.value })} data-testid="qual-date" />
      </SimpleGrid>
      {adding.error ? <ErrorNotice error={adding.error} /> : null}
      <Button size="xs" variant="light" w="fit-content" disabled={qual.name.trim() === ''} loading={adding.busy} onClick={() => void adding.run()} data-testid="qual-add">
        {t('pool.addQualification')}
      </Button>
      <CorrectionModal
        opened={removing !== null}
        testId="qual-removal"
        title={t('pool.removeQualification')}
        subject={removing ? `${expert.code} ${expert.name} · ${line(removing)}` : ''}
        effect={t('pool.removeQualificationEffect')}
        confirmLabel={t('pool.removeQualification')}
        color="red"
        onClose={() => setRemoving(null)}
        onConfirm={async (reason) => {
          await api.call('pool.removeQualification', { qualificationId: removing!.id, reason });
          setRemoving(null);
          onChanged();
        }}
      />
    </Stack>
  );
}
