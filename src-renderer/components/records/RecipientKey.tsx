import { Alert, Button, Code, CopyButton, Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp } from '../../context/app-context.js';
import { useAction } from '../../hooks/useAction.js';
import { saveDownload } from '../../transport/files.js';
import { Icon } from '../icons.js';
import { ErrorNotice } from '../States.js';

/**
 * A key pair for whoever keeps or checks archives, as pingshen archive keygen makes one: the key
 * file saved to keep offline, the public key shown to hand to the secretariat.
 */
export function RecipientKey() {
  const { t } = useTranslation();
  const { api, mode } = useApp();
  const [recipient, setRecipient] = useState<string | null>(null);
  const make = useAction(async () => {
    const made = await api.call('archive.keygen', {});
    if (await saveDownload(api, mode, made)) setRecipient(made.recipient);
  });
  return (
    <Stack gap="xs">
      <Text size="sm" c="dimmed">
        {t('archive.keygenHelp')}
      </Text>
      {make.error ? <ErrorNotice error={make.error} /> : null}
      {recipient ? (
        <Alert color="teal" variant="light" icon={<Icon name="check" />} data-testid="keygen-made">
          <Stack gap="xs">
            <Text size="sm">{t('archive.keygenMade')}</Text>
            <Code block data-testid="keygen-recipient" style={{ wordBreak: 'break-all', whiteSpace: 'pre-wrap' }}>
              {recipient}
            </Code>
            <Group gap="xs">
              <CopyButton value={recipient}>
                {({ copied, copy }) => (
                  <Button size="xs" variant="light" onClick={copy} color={copied ? 'teal' : undefined}>
                    {copied ? t('common.copied') : t('common.copy')}
                  </Button>
                )}
              </CopyButton>
            </Group>
          </Stack>
        </Alert>
      ) : (
        <Group>
          <Button variant="light" leftSection={<Icon name="key" size={16} />} loading={make.busy} onClick={() => void make.run()} data-testid="archive-keygen">
            {t('archive.keygen')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
