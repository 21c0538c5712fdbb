import { Button, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Icon } from '../../components/icons.js';
import { useApp } from '../../context/app-context.js';
import { useAction } from '../../hooks/useAction.js';
import { useLocalized } from '../../hooks/useLocalized.js';
import { saveDownload } from '../../transport/files.js';

/** The ranking, the stage panel scores and every item score as one Excel workbook, in the interface's language. */
export function ResultsXlsxButton({ editionId }: { editionId: string }) {
  const { t, i18n } = useTranslation();
  const l = useLocalized();
  const { api, mode } = useApp();
  const exporting = useAction(async () => {
    const lang = i18n.language.startsWith('en') ? 'en' : 'zh';
    await saveDownload(api, mode, await api.call('results.exportXlsx', { editionId, lang }));
  });
  return (
    <Group gap={6} wrap="nowrap">
      <Button
        variant="light"
        size="xs"
        leftSection={<Icon name="file" size={14} />}
        color={exporting.error ? 'red' : undefined}
        onClick={() => void exporting.run()}
        loading={exporting.busy}
        data-testid="results-xlsx"
      >
        {t('results.exportXlsx')}
      </Button>
      {exporting.error ? (
        <Text size="xs" c="red" maw={360} lineClamp={2}>
          {l(exporting.error.localized)}
        </Text>
      ) : null}
    </Group>
  );
}
