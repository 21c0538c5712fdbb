import { Alert, Button, Group, List, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { Icon } from '../../components/icons.js';
import { useLocalized } from '../../hooks/useLocalized.js';
import { packageNewsStore } from '../../stores/package-news.js';

/** What the newly imported package changed, on the edition's screen until the expert closes it. */
export function PackageChanges({ editionId }: { editionId: string }) {
  const { t } = useTranslation();
  const l = useLocalized();
  const changes = useStore(packageNewsStore, (s) => s.byEdition[editionId]);
  if (!changes || changes.length === 0) return null;
  const returned = changes.some((c) => c.kind === 'sheet-returned');
  return (
    <Alert color="yellow" variant="light" icon={<Icon name="alert" />} title={t('packageChanges.title', { count: changes.length })} data-testid="package-changes">
      <List size="sm" spacing={4} data-testid="package-changes-list">
        {changes.map((c, i) => (
          <List.Item key={`${c.kind}-${i}`} data-kind={c.kind}>
            {l(c.text)}
          </List.Item>
        ))}
      </List>
      <Group justify="space-between" mt="sm" wrap="nowrap">
        <Text size="xs" c="dimmed">
          {returned ? t('packageChanges.returnedHelp') : t('packageChanges.help')}
        </Text>
        <Button size="xs" variant="light" color="yellow" onClick={() => packageNewsStore.getState().dismiss(editionId)} data-testid="package-changes-dismiss" style={{ flexShrink: 0 }}>
          {t('packageChanges.dismiss')}
        </Button>
      </Group>
    </Alert>
  );
}
