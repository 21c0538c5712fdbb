import { Alert, Button, Card, Checkbox, Group, Modal, Stack, Table, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PLAIN_ARCHIVE_CONFIRMATION, PLAIN_ARCHIVE_MEANING } from '../../../src-main/domain/records.js';
import type { CallOutput } from '../../../src-main/ipc/contract.js';
import type { Localized } from '../../../src-main/domain/localized.js';
import { useApp } from '../../context/app-context.js';
import { FilePick } from '../../components/FilePick.js';
import { Icon } from '../../components/icons.js';
import { ArchiveReport } from '../../components/records/ArchiveReport.js';
import { ErrorNotice, Loadable } from '../../components/States.js';
import { formatDateTime } from '../../format/datetime.js';
import { useAction } from '../../hooks/useAction.js';
import { useCall } from '../../hooks/useCall.js';
import { useLocalized } from '../../hooks/useLocalized.js';
import { useTimeZone } from '../../hooks/useTimeZone.js';
import { navStore } from '../../stores/nav.js';
import { saveDownload, toUpload } from '../../transport/files.js';
import { MONOSPACE_INPUT } from '../../components/monospace.js';
import { asSentence } from '../../format/sentence.js';

/**
 * The edition's records that last: its retention period, its archive (made for named recipients,
 * or plain once confirmed; then verified from the saved file), the archives verified, and the
 * deletion the retention period allows only once a verified archive holds the edition.
 */
export function RecordsTab({ editionId, editionName }: { editionId: string; editionName: string }) {
  const { t, i18n } = useTranslation();
  const l = useLocalized();
  const { api, mode } = useApp();
  const timeZone = useTimeZone(editionId);
  const retention = useCall('retention.get', { editionId });
  const archives = useCall('archive.list', { editionId });
  const [recipients, setRecipients] = useState('');
  const [plainAsked, setPlainAsked] = useState(false);
  const [plainUnderstood, setPlainUnderstood] = useState(false);
  const [made, setMade] = useState<{ size: number; text: Localized; decisions: Localized } | null>(null);
  const [checked, setChecked] = useState<CallOutput<'archive.verify'> | null>(null);
  const [confirmName, setConfirmName] = useState('');
  const lang = i18n.language.startsWith('en') ? 'en' : 'zh';

  const create = useAction(async (plain: boolean) => {
    setMade(null);
    const list = recipients
      .split(/[\s,\uff0c]+/)
      .map((r) => r.trim())
      .filter((r) => r !== '');
    const archive = await api.call('archive.create', {
      editionId,
      lang,
      protection: plain ? { kind: 'plain', confirm: PLAIN_ARCHIVE_CONFIRMATION } : { kind: 'encrypted', recipients: list },
    });
    if (await saveDownload(api, mode, archive)) setMade({ size: archive.size, text: archive.retentionText, decisions: archive.decisionsText });
  });
  const verify = useAction(async (file: File) => {
    setChecked(null);
    setChecked(await api.call('archive.verify', { file: await toUpload(file) }));
    await Promise.all([retention.reload(), archives.reload()]);
  });
  const remove = useAction(async () => {
    await api.call('editions.delete', { editionId, confirmName });
    navStore.getState().reset();
  });

  return (
    <Stack gap="lg">
      <Card withBorder padding="lg">
        <Stack gap="xs">
          <Title order={4}>{t('retention.title')}</Title>
          <Loadable state={retention}>
            {(s) => (
              <Stack gap={4}>
                <Text data-testid="retention-text">{asSentence(l(s.text))}</Text>
                <Text size="sm" c="dimmed">
                  {s.archive
                    ? s.archive.current
                      ? t('retention.archived', { date: formatDateTime(s.archive.madeAt, i18n.language, timeZone) })
                      : t('retention.archiveStale', { date: formatDateTime(s.archive.madeAt, i18n.language, timeZone) })
                    : t('retention.noArchive')}
                </Text>
              </Stack>
            )}
          </Loadable>
        </Stack>
      </Card>

      <Card withBorder padding="lg">
        <Stack gap="sm">
          <Title order={4}>{t('archive.makeTitle')}</Title>
          <Text size="sm" c="dimmed">
            {t('archive.makeHelp')}
          </Text>
          <Textarea
            label={t('archive.recipients')}
            description={t('archive.recipientsHelp')}
            value={recipients}
            onChange={(e) => setRecipients(e.currentTarget.value)}
            autosize
            minRows={2}
            styles={MONOSPACE_INPUT}
            data-testid="archive-recipients"
          />
          {create.error ? <ErrorNotice error={create.error} /> : null}
          <Group>
            <Button leftSection={<Icon name="lock" size={16} />} loading={create.busy} onClick={() => void create.run(false)} data-testid="archive-create">
              {t('archive.make')}
            </Button>
            <Button variant="subtle" color="orange" disabled={create.busy} onClick={() => setPlainAsked(true)} data-testid="archive-plain">
              {t('archive.makePlain')}
            </Button>
          </Group>
          {made ? (
            <Alert color="teal" variant="light" icon={<Icon name="check" />} data-testid="archive-made">
              {t('archive.made', { size: Math.round(made.size / 1024), retention: l(made.text), decisions: l(made.decisions) })}
            </Alert>
          ) : null}
        </Stack>
      </Card>

      <Card withBorder padding="lg">
        <Stack gap="sm">
          <Title order={4}>{t('archive.verifyTitle')}</Title>
          <Text size="sm" c="dimmed">
            {t('archive.verifyHelp')}
          </Text>
          <Group>
            <FilePick variant="light" loading={verify.busy} onFiles={([f]) => f && void verify.run(f)} testId="archive-verify">
              {t('archive.pickArchive')}
            </FilePick>
          </Group>
          {verify.error ? <ErrorNotice error={verify.error} /> : null}
          {checked ? (
            <>
              <ArchiveReport v={checked.verification} />
              {checked.recorded ? (
                <Text size="sm" c="teal" data-testid="archive-recorded">
                  {t('archive.recorded')}
                </Text>
              ) : checked.note ? (
                <Text size="sm" c="orange">
                  {l(checked.note)}
                </Text>
              ) : null}
            </>
          ) : null}
          <Loadable state={archives}>
            {(list) =>
              list.length === 0 ? null : (
                <Table verticalSpacing="xs" data-testid="archives">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('archive.madeAt')}</Table.Th>
                      <Table.Th>{t('archive.verifiedAt')}</Table.Th>
                      <Table.Th>{t('archive.protection')}</Table.Th>
                      <Table.Th>{t('archive.current')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {list.map((a) => (
                      <Table.Tr key={a.sha256 + a.verifiedAt}>
                        <Table.Td>{formatDateTime(a.madeAt, i18n.language, timeZone)}</Table.Td>
                        <Table.Td>{formatDateTime(a.verifiedAt, i18n.language, timeZone)}</Table.Td>
                        <Table.Td>{a.plain ? t('archive.plain') : t('archive.sealedTo', { n: a.recipients.length })}</Table.Td>
                        <Table.Td>{a.current ? t('archive.currentYes') : t('archive.currentNo')}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              )
            }
          </Loadable>
        </Stack>
      </Card>

      <Card withBorder padding="lg" style={{ borderColor: 'var(--mantine-color-red-4)' }}>
        <Stack gap="sm">
          <Title order={4}>{t('retention.deleteTitle')}</Title>
          <Text size="sm" c="dimmed">
            {t('retention.deleteHelp')}
          </Text>
          <TextInput label={t('retention.typeName', { name: editionName })} value={confirmName} onChange={(e) => setConfirmName(e.currentTarget.value)} data-testid="delete-name" />
          {remove.error ? <ErrorNotice error={remove.error} /> : null}
          <Group>
            <Button color="red" variant="light" disabled={confirmName.trim() !== editionName} loading={remove.busy} onClick={() => void remove.run()} data-testid="delete-edition">
              {t('retention.delete')}
            </Button>
          </Group>
        </Stack>
      </Card>

      <Modal opened={plainAsked} onClose={() => setPlainAsked(false)} title={t('archive.plainTitle')} size="lg">
        <Stack gap="md">
          <Alert color="orange" variant="light" icon={<Icon name="alert" />}>
            {l(PLAIN_ARCHIVE_MEANING)}
          </Alert>
          <Checkbox label={t('archive.plainUnderstood')} checked={plainUnderstood} onChange={(e) => setPlainUnderstood(e.currentTarget.checked)} data-testid="plain-understood" />
          <Group justify="flex-end">
            <Button variant="subtle" onClick={() => setPlainAsked(false)}>
              {t('common.cancel')}
            </Button>
            <Button
              color="orange"
              disabled={!plainUnderstood}
              onClick={() => {
                setPlainAsked(false);
                setPlainUnderstood(false);
                void create.run(true);
              }}
              data-testid="plain-confirm"
            >
              {t('archive.makePlainConfirmed')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
