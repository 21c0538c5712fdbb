import { Button, Card, Group, NumberInput, Select, SimpleGrid, Stack, TextInput, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp } from '../../context/app-context.js';
import { FilePick } from '../../components/FilePick.js';
import { ErrorNotice, Loadable } from '../../components/States.js';
import { useAction } from '../../hooks/useAction.js';
import { useCall } from '../../hooks/useCall.js';
import { useLocalized } from '../../hooks/useLocalized.js';
import { formProblems, initialForm, toSettings, type SettingsForm } from '../../secretariat/settings-form.js';
import { navStore } from '../../stores/nav.js';
import { toUpload } from '../../transport/files.js';
import { RulesSummary, SettingsFields } from './SettingsFields.js';

/** Edition setup: a city's profile, the criteria framework, and what the regulation leaves open. */
export function NewEdition({ onCancel }: { onCancel(): void }) {
  const { t } = useTranslation();
  const l = useLocalized();
  const { api } = useApp();
  const profiles = useCall('profiles.list', {});
  const frameworks = useCall('frameworks.list', {});
  const [name, setName] = useState('');
  const [year, setYear] = useState<number>(new Date().getFullYear());
  const [profileId, setProfileId] = useState<string | null>(null);
  const [frameworkId, setFrameworkId] = useState<string | null>(null);
  const [form, setForm] = useState<SettingsForm | null>(null);
  const profile = profiles.data?.find((p) => p.id === profileId) ?? null;

  useEffect(() => {
    if (profile) setForm(initialForm(profile));
  }, [profile]);
  useEffect(() => {
    if (!frameworkId && frameworks.data?.[0]) setFrameworkId(frameworks.data[0].id);
  }, [frameworks.data, frameworkId]);

  const loading = useAction(async (file: File) => {
    const framework = await api.call('frameworks.load', { file: await toUpload(file) });
    await frameworks.reload();
    setFrameworkId(framework.id);
  });
  const creating = useAction(async () => {
    if (!profile || !form || !frameworkId) return;
    const edition = await api.call('editions.create', { name: name.trim(), year, profileId: profile.id, frameworkId, settings: toSettings(profile, form) });
    navStore.getState().go({ screen: 'edition', editionId: edition.id, tab: 'applicants' });
  });
  const ready = name.trim() !== '' && profile && form && frameworkId && formProblems(profile, form).length === 0;

  return (
    <Card withBorder padding="lg" data-testid="new-edition">
      <Stack gap="md">
        <Title order={3}>{t('newEdition.title')}</Title>
        <SimpleGrid cols={2}>
          <TextInput label={t('edition.name')} placeholder={t('newEdition.namePlaceholder')} value={name} onChange={(e) => setName(e.currentTarget.value)} data-testid="edition-name" />
          <NumberInput label={t('edition.year')} min={2000} max={2200} value={year} onChange={(v) => typeof v === 'number' && setYear(v)} data-testid="edition-year" />
        </SimpleGrid>
        <Loadable state={profiles}>
          {(list) => (
            <Select
              label={t('edition.profile')}
              placeholder={t('newEdition.chooseProfile')}
              data={list.map((p) => ({ value: p.id, label: `${l(p.city)} — ${l(p.regulation)}` }))}
              value={profileId}
              onChange={setProfileId}
              data-testid="edition-profile"
              comboboxProps={{ withinPortal: true }}
            />
          )}
        </Loadable>
        <Loadable state={frameworks}>
          {(list) => (
            <Group align="flex-end">
              <Select
                label={t('edition.framework')}
                data={list.map((f) => ({ value: f.id, label: `${f.standard} ${l(f.name)}` }))}
                value={frameworkId}
                onChange={setFrameworkId}
                allowDeselect={false}
                style={{ flex: 1 }}
                data-testid="edition-framework"
              />
              <FilePick variant="default" accept=".json,application/json" onFiles={(files) => void loading.run(files[0]!)} loading={loading.busy}>
                {t('newEdition.loadFramework')}
              </FilePick>
            </Group>
          )}
        </Loadable>
        {loading.error ? <ErrorNotice error={loading.error} /> : null}
        {profile && form ? (
          <>
            <RulesSummary profile={profile} />
            <SettingsFields profile={profile} form={form} onChange={setForm} />
          </>
        ) : null}
        {creating.error ? <ErrorNotice error={creating.error} /> : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
          <Button onClick={() => void creating.run()} disabled={!ready} loading={creating.busy} data-testid="edition-create">
            {t('newEdition.create')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
