import { Alert, Anchor, Badge, Button, Card, Group, List, Stack, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConsensusView, MemberSheet } from '../../../src-main/domain/consensus.js';
import type { Stage } from '../../../src-main/domain/words.js';
import { useApp } from '../../context/app-context.js';
import { Icon } from '../../components/icons.js';
import { ErrorNotice, Loadable } from '../../components/States.js';
import { useAction } from '../../hooks/useAction.js';
import { useCall } from '../../hooks/useCall.js';
import { useLocalized } from '../../hooks/useLocalized.js';
import { formatDateTime } from '../../format/datetime.js';
import { saveDownload } from '../../transport/files.js';
import { FlaggedItems } from './FlaggedItems.js';
import { ImportBundles } from './ImportBundles.js';
import { OpinionEditor } from './OpinionEditor.js';
import { ReturnModal } from './ReturnModal.js';
import { SideBySide } from './SideBySide.js';

/**
 * One applicant and stage: the members' sheets side by side with the flagged items shaded, returns,
 * the settlement of each flagged item, the panel's opinion, and the leader's sign-off.
 */
export function ConsensusWorkspace({ editionId, seat, laptop, onBack }: { editionId: string; seat: { applicantId: string; stage: Stage }; laptop: boolean; onBack(): void }) {
  const { t, i18n } = useTranslation();
  const l = useLocalized();
  const { api, mode } = useApp();
  const edition = useCall('editions.get', { editionId });
  const opened = useCall('consensus.open', { editionId, ...seat });
  const [view, setView] = useState<ConsensusView | null>(null);
  const [returning, setReturning] = useState<MemberSheet | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  useEffect(() => {
    if (opened.data) setView(opened.data);
  }, [opened.data]);
  const signing = useAction(async () => setView(await api.call('consensus.signOff', { editionId, ...seat })));
  const exporting = useAction(async () => {
    const bundle = await api.call('bundles.export', { editionId });
    await saveDownload(api, mode, bundle);
  });

  return (
    <Stack gap="md">
      <Anchor component="button" type="button" size="sm" onClick={onBack} w="fit-content">
        ← {t('consensus.backToList')}
      </Anchor>
      <Loadable state={opened}>
        {() =>
          view && edition.data ? (
            <Stack gap="md" data-testid="consensus-workspace" data-status={view.status}>
              <Group justify="space-between" align="flex-end">
                <Stack gap={2}>
                  <Title order={3}>
                    {view.applicant.code} {view.applicant.name}
                  </Title>
                  <Group gap="xs">
                    <Badge variant="outline">{t(`stage.${view.stage}`)}</Badge>
                    <Text size="sm">{t('consensus.leader', { name: view.leader.name, code: view.leader.code })}</Text>
                    <Badge color={view.status === 'signed' ? 'green' : 'orange'} variant="light" data-testid="consensus-status">
                      {t(`consensus.state.${view.status}`)}
                    </Badge>
                  </Group>
                  {view.recordedBy === 'secretariat' ? (
                    <Text size="xs" c="dimmed">
                      {t('consensus.recordedBySecretariat')}
                    </Text>
                  ) : null}
                </Stack>
              </Group>
              {laptop && view.status === 'open' ? <ImportBundles onImported={() => void opened.reload()} /> : null}
              {message ? (
                <Alert color="blue" withCloseButton onClose={() => setMessage(null)} data-testid="consensus-message">
                  {message}
                </Alert>
              ) : null}
              <Card withBorder padding="md">
                <Title order={5} mb="sm">
                  {t('consensus.sheetsTitle')}
                </Title>
                <SideBySide framework={edition.data.framework} view={view} onReturn={view.status === 'open' ? setReturning : null} />
              </Card>
              <Card withBorder padding="md">
                <Title order={5} mb="sm">
                  {view.threshold === null ? t('consensus.title') : t('consensus.flaggedTitle', { threshold: view.threshold })}
                </Title>
                <FlaggedItems key={view.flagged.map((f) => `${f.itemCode}:${f.final.min}-${f.final.max}`).join()} framework={edition.data.framework} view={view} onView={setView} />
              </Card>
              <Card withBorder padding="md">
                <Title order={5} mb="sm">
                  {t('consensus.opinionTitle')}
                </Title>
                <OpinionEditor framework={edition.data.framework} view={view} onView={setView} />
              </Card>
              {view.status === 'open' ? (
                <Card withBorder padding="md">
                  <Stack gap="sm">
                    {view.blockers.length > 0 ? (
                      <Alert color="orange" icon={<Icon name="alert" />} title={t('consensus.blockersTitle')} data-testid="consensus-blockers">
                        <List size="sm">
                          {view.blockers.map((b, i) => (
                            <List.Item key={i}>{l(b)}</List.Item>
                          ))}
                        </List>
                      </Alert>
                    ) : null}
                    {signing.error ? <ErrorNotice error={signing.error} /> : null}
                    <Group justify="space-between">
                      <Text size="sm" c="dimmed">
                        {t('consensus.signOffHelp')}
                      </Text>
                      <Button leftSection={<Icon name="check" size={16} />} onClick={() => void signing.run()} disabled={view.blockers.length > 0} loading={signing.busy} data-testid="consensus-sign-off">
                        {t('consensus.signOff')}
                      </Button>
                    </Group>
                  </Stack>
                </Card>
              ) : (
                <Alert color="green" icon={<Icon name="check" />} data-testid="consensus-signed">
                  <Stack gap="xs">
                    <Text size="sm">{t('consensus.signedAt', { at: view.signedAt ? formatDateTime(view.signedAt, i18n.language) : '' })}</Text>
                    {laptop ? (
                      <Group>
                        <Text size="sm">{t('consensus.signedNote')}</Text>
                        <Button size="xs" variant="light" leftSection={<Icon name="download" size={16} />} onClick={() => void exporting.run()} loading={exporting.busy} data-testid="consensus-export-bundle">
                          {t('expert.edition.exportBundle')}
                        </Button>
                      </Group>
                    ) : null}
                    {exporting.error ? <ErrorNotice error={exporting.error} /> : null}
                  </Stack>
                </Alert>
              )}
              <ReturnModal
                view={view}
                member={returning}
                onClose={() => setReturning(null)}
                onReturned={(text) => {
                  setReturning(null);
                  setMessage(text);
                  void opened.reload();
                }}
              />
            </Stack>
          ) : null
        }
      </Loadable>
    </Stack>
  );
}
