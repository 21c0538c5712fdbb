import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useApp } from '../../context/app-context.js';
import { useAction } from '../../hooks/useAction.js';
import { useCall } from '../../hooks/useCall.js';
import { formatDateTime } from '../../format/datetime.js';
import { ErrorNotice } from '../../components/States.js';
import { Icon } from '../../components/icons.js';
import { saveDownload } from '../../transport/files.js';

/** Editions changed since a backup that is no longer recent (or since none): back up now. */
export function BackupReminder() {
  const { t, i18n } = useTranslation();
  const { api, mode } = useApp();
  const status = useCall('backup.status', {});
  const backup = useAction(async () => {
    const made = await api.call('backup.create', {});
    await saveDownload(api, mode, made);
    await status.reload();
  });
  const s = status.data;
  if (!s || s.due.length === 0) return null;
  return (
    <Alert color="yellow" variant="light" icon={<Icon name="alert" />} title={t('backup.reminderTitle')} data-testid="backup-reminder">
      <Stack gap="xs">
        <Text size="sm">
          {s.last ? t('backup.reminderSince', { date: formatDateTime(s.last.madeAt, i18n.language), days: s.reminderDays }) : t('backup.reminderNever')}
        </Text>
        <Text size="sm">{t('backup.reminderEditions', { names: s.due.map((d) => d.name).join(t('backup.separator')) })}</Text>
        {backup.error ? <ErrorNotice error={backup.error} /> : null}
        <Group>
          <Button size="xs" leftSection={<Icon name="download" size={14} />} loading={backup.busy} onClick={() => void backup.run()} data-testid="backup-now">
            {t('backup.now')}
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}
