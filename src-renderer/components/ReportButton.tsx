import { ActionIcon, Button, Group, Text, Tooltip, type ButtonProps } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallInput } from '../../src-main/ipc/contract.js';
import { useApp } from '../context/app-context.js';
import { useAction } from '../hooks/useAction.js';
import { useLocalized } from '../hooks/useLocalized.js';
import { saveDownload } from '../transport/files.js';
import { Icon } from './icons.js';

/** each kind of request without its language, which follows the interface */
type ReportRequest = CallInput<'reports.make'> extends infer R ? (R extends unknown ? Omit<R, 'lang'> : never) : never;

/**
 * Makes one PDF report in the interface's language and hands it to the user. `compact` shows an
 * icon with the label as its tooltip, for table rows.
 */
export function ReportButton({ request, children, compact = false, ...button }: { request: ReportRequest; children: ReactNode; compact?: boolean } & ButtonProps) {
  const { t, i18n } = useTranslation();
  const l = useLocalized();
  const { api, mode } = useApp();
  const [made, setMade] = useState<number | null>(null);
  const making = useAction(async () => {
    setMade(null);
    const lang = i18n.language.startsWith('en') ? 'en' : 'zh';
    const report = await api.call('reports.make', { ...request, lang } as CallInput<'reports.make'>);
    if (await saveDownload(api, mode, report)) setMade(report.pages);
  });
  if (compact) {
    return (
      <Tooltip label={making.error ? l(making.error.localized) : made !== null ? t('reports.made', { pages: made }) : children} multiline maw={320}>
        <ActionIcon
          variant="subtle"
          color={making.error ? 'red' : made !== null ? 'teal' : undefined}
          onClick={() => void making.run()}
          loading={making.busy}
          aria-label={typeof children === 'string' ? children : undefined}
        >
          <Icon name={made !== null ? 'check' : 'file'} size={16} />
        </ActionIcon>
      </Tooltip>
    );
  }
  return (
    <Group gap={6} wrap="nowrap">
      <Tooltip label={making.error ? l(making.error.localized) : ''} disabled={!making.error} multiline w={320}>
        <Button
          variant="light"
          size="xs"
          leftSection={<Icon name="file" size={14} />}
          color={making.error ? 'red' : undefined}
          onClick={() => void making.run()}
          loading={making.busy}
          {...button}
        >
          {children}
        </Button>
      </Tooltip>
      {made !== null ? (
        <Text size="xs" c="teal">
          {t('reports.made', { pages: made })}
        </Text>
      ) : null}
      {making.error ? (
        <Text size="xs" c="red" maw={360} lineClamp={2}>
          {l(making.error.localized)}
        </Text>
      ) : null}
    </Group>
  );
}
