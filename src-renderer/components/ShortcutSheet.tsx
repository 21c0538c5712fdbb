import { Group, Kbd, Modal, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { Fragment, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { keyName, opensShortcutSheet, PAD_SHORTCUTS, VIEWER_SHORTCUTS, type ShortcutRow } from './shortcuts.js';

function Keys({ row }: { row: ShortcutRow<unknown> }) {
  const mac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);
  return (
    <Group gap={4} wrap="nowrap">
      {row.keys.map((key, i) => (
        <Fragment key={key}>
          {i > 0 ? (
            <Text span size="xs" c="dimmed">
              {row.range ? '–' : '/'}
            </Text>
          ) : null}
          {row.ctrl && i === 0 ? (
            <>
              <Kbd size="xs">{mac ? '⌘' : 'Ctrl'}</Kbd>
              <Text span size="xs">
                +
              </Text>
            </>
          ) : null}
          <Kbd size="xs">{keyName(key)}</Kbd>
        </Fragment>
      ))}
    </Group>
  );
}

function Section({ title, note, rows }: { title: string; note: string; rows: ShortcutRow<unknown>[] }) {
  const { t } = useTranslation();
  return (
    <Stack gap={6}>
      <Title order={5}>{title}</Title>
      <Text size="xs" c="dimmed">
        {note}
      </Text>
      <Table verticalSpacing={4} fz="sm">
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={row.label}>
              <Table.Td w="1%" style={{ whiteSpace: 'nowrap' }}>
                <Keys row={row} />
              </Table.Td>
              <Table.Td>{t(row.label)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}

/**
 * The keys of the score pad and of the materials viewer, on one sheet; `?` opens it anywhere
 * except in a text field, where `?` is just text.
 */
export function ShortcutSheet() {
  const { t } = useTranslation();
  const [opened, setOpened] = useState(false);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!opensShortcutSheet(event)) return;
      event.preventDefault();
      setOpened((was) => !was);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  return (
    <Modal opened={opened} onClose={() => setOpened(false)} title={t('shortcuts.title')} size="xl" data-testid="shortcut-sheet">
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <Section title={t('shortcuts.padTitle')} note={t('shortcuts.padNote')} rows={PAD_SHORTCUTS} />
        <Section title={t('shortcuts.viewerTitle')} note={t('shortcuts.viewerNote')} rows={VIEWER_SHORTCUTS} />
      </SimpleGrid>
      <Text size="xs" c="dimmed" mt="md">
        {t('shortcuts.footer')}
      </Text>
    </Modal>
  );
}
