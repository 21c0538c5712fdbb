import { Alert, Badge, Group, List, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CallOutput } from '../../../src-main/ipc/contract.js';
import { formatDateTime } from '../../format/datetime.js';
import { useLocalized } from '../../hooks/useLocalized.js';
import { Icon } from '../icons.js';

/** What verifying an archive found: the archive as its signed manifest describes it, then each check. */
export function ArchiveReport({ v }: { v: CallOutput<'archive.check'> }) {
  const { t, i18n } = useTranslation();
  const l = useLocalized();
  const a = v.archive;
  return (
    <Stack gap="sm" data-testid="archive-report">
      <Alert color={v.ok ? 'teal' : 'red'} variant="light" icon={<Icon name={v.ok ? 'check' : 'alert'} />} data-testid={v.ok ? 'archive-ok' : 'archive-failed'}>
        {v.ok ? t('archive.verifiedOk') : t('archive.verifiedFailed')}
      </Alert>
      {a ? (
        <Table withRowBorders={false} verticalSpacing={2}>
          <Table.Tbody>
            <Table.Tr>
              <Table.Th w={180}>{t('archive.edition')}</Table.Th>
              <Table.Td>{`${a.edition.name} (${a.edition.year}, ${a.edition.profileId})`}</Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th>{t('archive.madeAt')}</Table.Th>
              <Table.Td>{formatDateTime(a.createdAt, i18n.language, a.edition.timeZone)}</Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th>{t('archive.signer')}</Table.Th>
              <Table.Td>
                <Text ff="monospace" size="sm">
                  {a.fingerprint}
                </Text>
                <Text size="xs" c="dimmed">
                  {t('archive.compareFingerprint')}
                </Text>
              </Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th>{t('archive.retention')}</Table.Th>
              <Table.Td data-testid="archive-retention">{a.retention.until ? t('retention.until', { years: a.retention.years, until: a.retention.until }) : t('retention.none')}</Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th>{t('archive.protection')}</Table.Th>
              <Table.Td>{a.protection.kind === 'plain' ? t('archive.plain') : t('archive.sealedTo', { n: a.protection.recipients.length })}</Table.Td>
            </Table.Tr>
          </Table.Tbody>
        </Table>
      ) : null}
      <Stack gap={6}>
        {v.checks.map((c) => (
          <Stack key={c.id} gap={2} data-testid={`check-${c.id}`}>
            <Group gap="xs" wrap="nowrap" align="flex-start">
              <Badge color={c.ok ? 'teal' : 'red'} variant="light" miw={28}>
                {c.ok ? '✓' : '✗'}
              </Badge>
              <Text size="sm" fw={500} style={{ whiteSpace: 'nowrap' }}>
                {t(`archive.checks.${c.id}`)}
              </Text>
              <Text size="sm" c="dimmed">
                {l(c.done)}
              </Text>
            </Group>
            {c.problems.length ? (
              <List size="sm" c="red" ml={40}>
                {c.problems.map((p, i) => (
                  <List.Item key={i}>{l(p)}</List.Item>
                ))}
              </List>
            ) : null}
          </Stack>
        ))}
      </Stack>
    </Stack>
  );
}
