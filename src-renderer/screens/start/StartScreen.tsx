import { Alert, Anchor, Badge, Card, Center, Group, SimpleGrid, Stack, Text, Title, UnstyledButton } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Role } from '../../../src-main/domain/words.js';
import { useApp, useSession } from '../../context/app-context.js';
import { Icon } from '../../components/icons.js';
import { ErrorNotice } from '../../components/States.js';
import { CreateStore } from './CreateStore.js';
import { RestoreBackup } from './RestoreBackup.js';
import { UnlockStore } from './UnlockStore.js';
import { VerifyArchive } from './VerifyArchive.js';

function RoleCard({ role, exists, onPick }: { role: Role; exists: boolean; onPick(): void }) {
  const { t } = useTranslation();
  return (
    <UnstyledButton onClick={onPick} data-testid={`role-${role}`} aria-label={t(`role.${role}`)}>
      <Card withBorder padding="lg" radius="md" h="100%">
        <Stack gap="sm">
          <Group justify="space-between">
            <Group gap="xs">
              <Icon name={role === 'expert' ? 'key' : 'users'} size={22} />
              <Title order={3}>{t(`role.${role}`)}</Title>
            </Group>
            <Badge variant="light" color={exists ? 'blue' : 'gray'}>
              {exists ? t('start.storeExists') : t('start.storeNew')}
            </Badge>
          </Group>
          <Text size="sm" c="dimmed">
            {t(`start.roleHelp.${role}`)}
          </Text>
        </Stack>
      </Card>
    </UnstyledButton>
  );
}

export function StartScreen() {
  const { t } = useTranslation();
  const { session } = useApp();
  const status = useSession((s) => s.status);
  const chosen = useSession((s) => s.chosenRole);
  const error = useSession((s) => s.error);
  const choose = (role: Role | null) => session.getState().choose(role);
  // what needs no store of one's own: restoring one from a backup, verifying an archive
  const [aside, setAside] = useState<'restore' | 'verify' | null>(null);
  const open = (next: 'restore' | 'verify' | null) => {
    session.getState().clearError();
    setAside(next);
  };

  return (
    <Center mih="calc(100vh - 60px)" p="md">
      <Stack w="100%" maw={720} gap="lg">
        <Stack gap={4} ta="center">
          <Title order={1}>{t('app.title')}</Title>
          <Text c="dimmed">{t('app.tagline')}</Text>
        </Stack>
        {status?.lockedBecause === 'idle' ? (
          <Alert color="yellow" icon={<Icon name="lock" />} data-testid="locked-idle">
            {t('start.lockedIdle', { minutes: status.idleMinutes })}
          </Alert>
        ) : null}
        {error && !chosen && !aside ? <ErrorNotice error={error} onRetry={() => void session.getState().refresh()} /> : null}
        {aside ? (
          <Card withBorder padding="xl" radius="md">
            <Stack gap="md">
              <Title order={3}>{aside === 'restore' ? t('backup.restoreTitle') : t('archive.checkTitle')}</Title>
              {aside === 'restore' ? <RestoreBackup onCancel={() => open(null)} /> : <VerifyArchive onCancel={() => open(null)} />}
            </Stack>
          </Card>
        ) : !chosen ? (
          <>
            <Text fw={500}>{t('start.chooseRole')}</Text>
            <SimpleGrid cols={2} spacing="md">
              <RoleCard role="expert" exists={status?.stores.expert ?? false} onPick={() => choose('expert')} />
              <RoleCard role="secretariat" exists={status?.stores.secretariat ?? false} onPick={() => choose('secretariat')} />
            </SimpleGrid>
          </>
        ) : (
          <Card withBorder padding="xl" radius="md">
            <Stack gap="md">
              <Group justify="space-between">
                <Title order={3}>{t(`role.${chosen}`)}</Title>
                <Anchor component="button" type="button" size="sm" onClick={() => choose(null)} data-testid="start-other-role">
                  {t('start.otherRole')}
                </Anchor>
              </Group>
              {status?.stores[chosen] ? <UnlockStore /> : <CreateStore />}
            </Stack>
          </Card>
        )}
        {aside ? null : (
          <Group justify="center" gap="xl">
            <Anchor component="button" type="button" size="sm" onClick={() => open('restore')} data-testid="start-restore">
              {t('backup.restoreTitle')}
            </Anchor>
            <Anchor component="button" type="button" size="sm" onClick={() => open('verify')} data-testid="start-verify">
              {t('archive.checkTitle')}
            </Anchor>
          </Group>
        )}
      </Stack>
    </Center>
  );
}
