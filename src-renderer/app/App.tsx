import { AppShell, Center, MantineProvider, Stack, Text, Title } from '@mantine/core';
import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Api } from '../../src-main/ipc/contract.js';
import { LoadingState, ErrorNotice } from '../components/States.js';
import { useIdleLock } from '../hooks/useIdleLock.js';
import { ExpertRoot } from '../screens/expert/ExpertRoot.js';
import { SecretariatRoot } from '../screens/secretariat/SecretariatRoot.js';
import { RecoveryCodeScreen } from '../screens/start/RecoveryCodeScreen.js';
import { StartScreen } from '../screens/start/StartScreen.js';
import { navStore } from '../stores/nav.js';
import { createSessionStore } from '../stores/session.js';
import { lockAware } from '../transport/lock-aware.js';
import { AppContext, useApp, useSession } from '../context/app-context.js';
import { Header } from './Header.js';
import { theme } from './theme.js';

function Body() {
  const { session } = useApp();
  const status = useSession((s) => s.status);
  const error = useSession((s) => s.error);
  const recoveryCode = useSession((s) => s.recoveryCode);
  useIdleLock();
  const role = status?.role ?? null;

  useEffect(() => {
    if (role) return;
    navStore.getState().reset();
    // a code not yet acknowledged when the store locked is not shown to whoever unlocks next
    session.getState().forgetRecoveryCode();
  }, [role, session]);

  if (!status) {
    return error ? (
      <Center p="xl">
        <ErrorNotice error={error} onRetry={() => void session.getState().refresh()} />
      </Center>
    ) : (
      <LoadingState />
    );
  }
  // shown once, before anything else of the new store
  if (role && recoveryCode) return <RecoveryCodeScreen code={recoveryCode} />;
  if (role === 'expert') return <ExpertRoot />;
  if (role === 'secretariat') return <SecretariatRoot />;
  return <StartScreen />;
}

export function App({ api, mode }: { api: Api; mode: 'electron' | 'browser' }) {
  const session = useMemo(() => createSessionStore(api), [api]);
  useEffect(() => {
    void session.getState().refresh();
  }, [session]);
  const screensApi = useMemo(() => lockAware(api, () => void session.getState().refresh()), [api, session]);
  const value = useMemo(() => ({ api: screensApi, mode, session }), [screensApi, mode, session]);

  return (
    <MantineProvider theme={theme} defaultColorScheme="auto">
      <AppContext.Provider value={value}>
        <AppShell header={{ height: 56 }} padding="md">
          <AppShell.Header>
            <Header />
          </AppShell.Header>
          <AppShell.Main>
            <Body />
          </AppShell.Main>
        </AppShell>
      </AppContext.Provider>
    </MantineProvider>
  );
}

/** Browser mode opened without the address printed at start: say what to do instead of failing. */
export function NoTokenPage() {
  const { t } = useTranslation();
  return (
    <MantineProvider theme={theme} defaultColorScheme="auto">
      <Center mih="100vh" p="xl">
        <Stack maw={560} gap="sm">
          <Title order={2}>{t('app.title')}</Title>
          <Text>{t('transport.noToken')}</Text>
        </Stack>
      </Center>
    </MantineProvider>
  );
}
