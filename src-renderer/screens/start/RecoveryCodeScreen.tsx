import { Alert, Button, Center, Checkbox, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp, useSession } from '../../context/app-context.js';
import { Icon } from '../../components/icons.js';
import { RecoveryCodeSheet } from '../../components/records/RecoveryCodeSheet.js';

/** Right after a store is made: its recovery code, this once, until the owner has it on paper. */
export function RecoveryCodeScreen({ code }: { code: string }) {
  const { t } = useTranslation();
  const { session } = useApp();
  const status = useSession((s) => s.status);
  const [kept, setKept] = useState(false);
  return (
    <Center mih="calc(100vh - 60px)" p="md">
      <Stack w="100%" maw={720} gap="md">
        <Title order={2}>{t('recovery.title')}</Title>
        <Text>{t('recovery.help')}</Text>
        <RecoveryCodeSheet code={code} role={status?.role ?? 'expert'} fingerprint={status?.info?.fingerprint ?? null} />
        <Alert color="orange" variant="light" icon={<Icon name="alert" />}>
          {t('recovery.once')}
        </Alert>
        <Checkbox label={t('recovery.kept')} checked={kept} onChange={(e) => setKept(e.currentTarget.checked)} data-testid="recovery-written" />
        <Button disabled={!kept} onClick={() => session.getState().forgetRecoveryCode()} data-testid="recovery-continue">
          {t('recovery.continue')}
        </Button>
      </Stack>
    </Center>
  );
}
