import { Alert, Button, Group, Progress, Stack, Switch, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReportSetStatus } from '../../../src-main/ipc/report-set/types.js';
import { useApp } from '../../context/app-context.js';
import { Icon } from '../../components/icons.js';
import { useAction } from '../../hooks/useAction.js';
import { useLocalized } from '../../hooks/useLocalized.js';
import { followReportSet, megabytes } from '../../secretariat/report-set.js';
import { CallFailure } from '../../transport/errors.js';
import { saveDownload } from '../../transport/files.js';

/**
 * The whole report set for the edition in one go: feedback reports, panel summaries and the
 * ranking. Main makes it as a job; this screen follows its progress and, in browser mode,
 * downloads the one zip at the end. In Electron the shell asks where to save.
 */
export function ReportSet({ editionId }: { editionId: string }) {
  const { t, i18n } = useTranslation();
  const l = useLocalized();
  const { api, mode } = useApp();
  const [disclose, setDisclose] = useState(false);
  const [status, setStatus] = useState<ReportSetStatus | null>(null);

  const making = useAction(async () => {
    setStatus(null);
    const lang = i18n.language.startsWith('en') ? 'en' : 'zh';
    const start = await api.call('reports.setStart', { editionId, lang, discloseScores: disclose });
    if (!start.started) return;
    const last = await followReportSet(api, start.jobId, setStatus);
    if (last.error) throw new CallFailure(last.error);
    if (last.summary?.zip) await saveDownload(api, mode, await api.call('reports.setDownload', { jobId: start.jobId }));
  });

  const summary = status?.finished && !status.error ? status.summary : null;
  const total = status?.total ?? null;

  return (
    <Stack gap="xs" data-testid="report-set">
      <Group gap="sm">
        <Button size="xs" leftSection={<Icon name="file" size={14} />} onClick={() => void making.run()} loading={making.busy} data-testid="report-set-make">
          {t('reportSet.make')}
        </Button>
        <Switch
          size="sm"
          checked={disclose}
          onChange={(e) => setDisclose(e.currentTarget.checked)}
          disabled={making.busy}
          label={t('reportSet.discloseScores')}
        />
      </Group>
      {making.busy && !summary ? (
        <Stack gap={4} data-testid="report-set-progress">
          <Progress value={total ? ((status?.done ?? 0) / total) * 100 : 0} size="lg" animated />
          <Text size="sm">{total === null ? t('reportSet.preparing') : t('reportSet.progress', { done: status?.done ?? 0, total, file: status?.last ?? '' })}</Text>
        </Stack>
      ) : null}
      {summary ? (
        <Alert color="teal" variant="light" icon={<Icon name="check" />} title={t('reportSet.doneTitle')} data-testid="report-set-summary">
          <Text size="sm">{t('reportSet.summary', { files: summary.files, pages: summary.pages, size: megabytes(summary.bytes, i18n.language) })}</Text>
          <Text size="sm" c="dimmed">
            {summary.folder ? t('reportSet.savedIn', { folder: summary.folder }) : t('reportSet.downloaded', { file: summary.zip?.fileName ?? '' })}
          </Text>
        </Alert>
      ) : null}
      {making.error ? (
        <Alert color="red" variant="light" icon={<Icon name="alert" />} title={t('reportSet.failedTitle')} role="alert" data-testid="report-set-error">
          {l(making.error.localized)}
        </Alert>
      ) : null}
    </Stack>
  );
}
