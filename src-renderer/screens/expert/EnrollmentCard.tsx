import { Button, Card, Code, CopyButton, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useApp, useSession } from '../../context/app-context.js';
import { Icon } from '../../components/icons.js';
import { Loadable } from '../../components/States.js';
import { useCall } from '../../hooks/useCall.js';
import { saveDownload } from '../../transport/files.js';

/** The code the expert hands to the secretariat, and the fingerprint to compare by phone. */
export function EnrollmentCard() {
  const { t } = useTranslation();
  const { api, mode } = useApp();
  const fingerprint = useSession((s) => s.status?.info?.fingerprint ?? '');
  const code = useCall('store.enrollmentCode', {});

  return (
    <Card withBorder padding="lg">
      <Stack gap="sm">
        <Group gap="xs">
          <Icon name="key" />
          <Title order={4}>{t('expert.enrollment.title')}</Title>
        </Group>
        <Text size="sm" c="dimmed">
          {t('expert.enrollment.help')}
        </Text>
        <Text size="sm">
          {t('expert.enrollment.fingerprint')} <Code data-testid="fingerprint">{fingerprint}</Code>
        </Text>
        <Loadable state={code}>
          {(value) => (
            <Stack gap="xs">
              <Code block data-testid="enrollment-code" style={{ wordBreak: 'break-all', whiteSpace: 'pre-wrap' }}>
                {value}
              </Code>
              <Group gap="xs">
                <CopyButton value={value}>
                  {({ copied, copy }) => (
                    <Button size="xs" variant="light" onClick={copy} color={copied ? 'teal' : undefined}>
                      {copied ? t('common.copied') : t('common.copy')}
                    </Button>
                  )}
                </CopyButton>
                <Button
                  size="xs"
                  variant="light"
                  leftSection={<Icon name="download" size={14} />}
                  onClick={() => void saveDownload(api, mode, { fileName: 'pingshen-enrollment-code.txt', bytes: new TextEncoder().encode(`${value}\n`) })}
                >
                  {t('expert.enrollment.save')}
                </Button>
              </Group>
            </Stack>
          )}
        </Loadable>
      </Stack>
    </Card>
  );
}
