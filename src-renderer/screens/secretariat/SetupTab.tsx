import { Alert, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EditionDetail } from '../../../src-main/profile/edition.js';
import { useApp } from '../../context/app-context.js';
import { Icon } from '../../components/icons.js';
import { ErrorNotice } from '../../components/States.js';
import { useAction } from '../../hooks/useAction.js';
import { useLocalized } from '../../hooks/useLocalized.js';
import { formProblems, initialForm, toSettings } from '../../secretariat/settings-form.js';
import { RulesSummary, SettingsFields } from './SettingsFields.js';

/** The edition's rules: the regulation's fixed values and the open ones, which stay editable. */
export function SetupTab({ edition, onChanged }: { edition: EditionDetail; onChanged(): void }) {
  const { t } = useTranslation();
  const l = useLocalized();
  const { api } = useApp();
  const [form, setForm] = useState(() => initialForm(edition.profile, edition.settings));
  const [saved, setSaved] = useState(false);
  const saving = useAction(async () => {
    setSaved(false);
    await api.call('editions.updateSettings', { editionId: edition.id, settings: toSettings(edition.profile, form) });
    setSaved(true);
    onChanged();
  });

  return (
    <Stack gap="md">
      <Card withBorder padding="md">
        <Stack gap="xs">
          <Title order={5}>{t('setup.profileTitle', { city: l(edition.profile.city) })}</Title>
          <RulesSummary profile={edition.profile} />
          <Text size="sm" c="dimmed">
            {t('setup.framework', { standard: edition.framework.standard, name: l(edition.framework.name), points: edition.framework.totalPoints })}
          </Text>
        </Stack>
      </Card>
      <Card withBorder padding="md">
        <Stack gap="sm">
          <Title order={5}>{t('setup.openTitle')}</Title>
          <SettingsFields profile={edition.profile} form={form} onChange={setForm} />
          {saving.error ? <ErrorNotice error={saving.error} /> : null}
          {saved ? (
            <Alert color="green" icon={<Icon name="check" />}>
              {t('setup.saved')}
            </Alert>
          ) : null}
          <Group justify="flex-end">
            <Button onClick={() => void saving.run()} loading={saving.busy} disabled={formProblems(edition.profile, form).length > 0}>
              {t('setup.save')}
            </Button>
          </Group>
        </Stack>
      </Card>
    </Stack>
  );
}
