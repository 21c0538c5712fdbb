import { Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Role } from '../../../src-main/domain/words.js';
import { formatDateTime } from '../../format/datetime.js';
import { Icon } from '../icons.js';
import './print.css';

/**
 * The recovery code as its owner writes it down or prints it: large, in groups of four, with
 * what it opens and where to keep it. Printing puts only this sheet on paper.
 */
export function RecoveryCodeSheet({ code, role, fingerprint }: { code: string; role: Role; fingerprint: string | null }) {
  const { t, i18n } = useTranslation();
  return (
    <Card withBorder padding="lg" className="pingshen-print" data-testid="recovery-sheet">
      <Stack gap="sm">
        <Title order={3}>{t('recovery.sheetTitle')}</Title>
        <Text size="sm">{t('recovery.sheetFor', { role: t(`role.${role}`), fingerprint: fingerprint ?? '—', date: formatDateTime(new Date().toISOString(), i18n.language) })}</Text>
        <Text ff="monospace" fz={26} fw={700} lts={2} ta="center" py="md" data-testid="recovery-code">
          {code}
        </Text>
        <Text size="sm">{t('recovery.sheetUse')}</Text>
        <Text size="sm" c="dimmed">
          {t('recovery.sheetKeep')}
        </Text>
        <Group className="pingshen-no-print">
          <Button variant="light" leftSection={<Icon name="file" size={16} />} onClick={() => window.print()} data-testid="recovery-print">
            {t('recovery.print')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
