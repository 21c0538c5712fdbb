import { Alert, Button, Center, EmptyState, Group, Loader, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocalized } from '../hooks/useLocalized.js';
import type { CallFailure } from '../transport/errors.js';
import { Icon, type IconName } from './icons.js';

/** The designed states every list and screen falls back to: never a blank area. */

export function LoadingState({ label }: { label?: string }) {
  const { t } = useTranslation();
  return (
    <Center py="xl" data-testid="loading">
      <Group gap="sm">
        <Loader size="sm" />
        <Text c="dimmed">{label ?? t('common.loading')}</Text>
      </Group>
    </Center>
  );
}

export function Empty({ icon = 'inbox', title, description, children }: { icon?: IconName; title: string; description?: string; children?: ReactNode }) {
  return (
    <EmptyState py="xl" icon={<Icon name={icon} size={28} />} withIndicatorBackground title={title} description={description}>
      {children ? <EmptyState.Actions>{children}</EmptyState.Actions> : null}
    </EmptyState>
  );
}

export function ErrorNotice({ error, onRetry, title }: { error: CallFailure; onRetry?: () => void; title?: string }) {
  const { t } = useTranslation();
  const l = useLocalized();
  return (
    <Alert color="red" variant="light" icon={<Icon name="alert" />} title={title ?? t('common.errorTitle')} role="alert">
      <Stack gap="xs">
        <Text size="sm">{l(error.localized)}</Text>
        <Group justify="space-between">
          <Text size="xs" c="dimmed">
            {t('common.errorCode', { code: error.code })}
          </Text>
          {onRetry ? (
            <Button size="xs" variant="light" color="red" onClick={onRetry}>
              {t('common.retry')}
            </Button>
          ) : null}
        </Group>
      </Stack>
    </Alert>
  );
}

/** Renders loading / error / empty / content for one loaded value. */
export function Loadable<T>({
  state,
  empty,
  children,
}: {
  state: { data: T | undefined; error: CallFailure | null; loading: boolean; reload(): Promise<void> };
  empty?: (data: T) => ReactNode | null;
  children: (data: T) => ReactNode;
}) {
  if (state.error) return <ErrorNotice error={state.error} onRetry={() => void state.reload()} />;
  if (state.data === undefined) return <LoadingState />;
  const emptyView = empty?.(state.data);
  if (emptyView) return <>{emptyView}</>;
  return <>{children(state.data)}</>;
}
