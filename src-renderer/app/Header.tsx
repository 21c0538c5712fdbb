import { ActionIcon, Badge, Button, Group, SegmentedControl, Text, Tooltip } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { switchLang, type Lang } from '../i18n/index.js';
import { Icon } from '../components/icons.js';
import { runBeforeLock } from '../stores/before-lock.js';
import { navStore } from '../stores/nav.js';
import { useApp, useSession } from '../context/app-context.js';
import { SettingsModal } from './SettingsModal.js';

export function Header() {
  const { t, i18n } = useTranslation();
  const { session, mode } = useApp();
  const status = useSession((s) => s.status);
  const [settingsOpen, setSettingsOpen] = useState(false);
  const role = status?.role ?? null;

  const lock = async () => {
    await runBeforeLock();
    await session.getState().lock('user');
    navStore.getState().reset();
  };

  return (
    <Group h="100%" px="md" justify="space-between" wrap="nowrap">
      <Group gap="sm" wrap="nowrap">
        <img src="./icon.svg" width={28} height={28} alt="" />
        <Text fw={700} size="lg" component="button" type="button" bd={0} bg="transparent" c="inherit" style={{ cursor: 'pointer' }} onClick={() => navStore.getState().reset()}>
          {t('app.name')}
        </Text>
        {role ? (
          <Tooltip label={t('header.fingerprint', { fp: status?.info?.fingerprint ?? '' })}>
            <Badge variant="light" data-testid="role-badge">
              {t(`role.${role}`)}
            </Badge>
          </Tooltip>
        ) : null}
        {mode === 'browser' ? (
          <Badge variant="outline" color="gray">
            {t('header.browserMode')}
          </Badge>
        ) : null}
      </Group>
      <Group gap="sm" wrap="nowrap">
        <SegmentedControl
          size="xs"
          value={i18n.language.startsWith('en') ? 'en' : 'zh'}
          onChange={(v) => void switchLang(v as Lang)}
          data={[
            { value: 'zh', label: t('lang.zh') },
            { value: 'en', label: t('lang.en') },
          ]}
          aria-label={t('header.language')}
          data-testid="lang-switch"
        />
        {role ? (
          <>
            <Tooltip label={t('header.settings')}>
              <ActionIcon variant="subtle" size="lg" onClick={() => setSettingsOpen(true)} aria-label={t('header.settings')} data-testid="settings-open">
                <Icon name="settings" />
              </ActionIcon>
            </Tooltip>
            <Button variant="light" size="xs" leftSection={<Icon name="lock" size={16} />} onClick={() => void lock()} data-testid="lock">
              {t('header.lock')}
            </Button>
          </>
        ) : null}
      </Group>
      <SettingsModal opened={settingsOpen} onClose={() => setSettingsOpen(false)} />
    </Group>
  );
}
