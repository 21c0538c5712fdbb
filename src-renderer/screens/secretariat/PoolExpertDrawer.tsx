import { Alert, Button, Code, Divider, Drawer, Group, Select, Stack, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PoolExpert } from '../../../src-main/domain/pool.js';
import type { PoolState } from '../../../src-main/domain/words.js';
import { Icon } from '../../components/icons.js';
import { useIndustryLabel } from '../../components/labels.js';
import { ErrorNotice, Loadable } from '../../components/States.js';
import { useApp } from '../../context/app-context.js';
import { useAction } from '../../hooks/useAction.js';
import { useCall } from '../../hooks/useCall.js';
import { useTimeZone } from '../../hooks/useTimeZone.js';
import { formatDateTime } from '../../format/datetime.js';
import { EnrollModal } from './EnrollModal.js';
import { EditPoolExpert } from './PoolExpertForm.js';
import { PoolQualifications } from './PoolQualifications.js';
import { PoolSeats } from './PoolSeats.js';
import { PoolStateBadge } from './PoolStateBadge.js';

/** Active, suspended or removed, always with the reason. */
function PoolStatusForm({ expert, onChanged }: { expert: PoolExpert; onChanged(): void }) {
  const { t } = useTranslation();
  const { api } = useApp();
  const [state, setState] = useState<PoolState | null>(null);
  const [reason, setReason] = useState('');
  const setting = useAction(async () => {
    if (!state) return;
    await api.call('pool.setStatus', { expertId: expert.id, state, reason });
    setState(null);
    setReason('');
    onChanged();
  });
  return (
    <Stack gap="xs">
      <Group align="flex-end">
        <Select
          size="xs"
          label={t('pool.newStatus')}
          data={(['active', 'suspended', 'removed'] as const).filter((s) => s !== expert.status.state).map((s) => ({ value: s, label: t(`pool.state.${s}`) }))}
          value={state}
          onChange={(v) => setState(v as PoolState | null)}
          comboboxProps={{ withinPortal: true }}
          data-testid="pool-status-select"
        />
        <Textarea size="xs" label={t('pool.statusReason')} value={reason} onChange={(x) => setReason(x.currentTarget.value)} autosize style={{ flex: 1 }} data-testid="pool-status-reason-input" />
      </Group>
      {setting.error ? <ErrorNotice error={setting.error} /> : null}
      <Button size="xs" color="orange" variant="light" w="fit-content" disabled={!state || reason.trim() === ''} loading={setting.busy} onClick={() => void setting.run()} data-testid="pool-status-submit">
        {t('pool.setStatus')}
      </Button>
    </Stack>
  );
}

/**
 * One pool expert: profile (corrected in place), key (enrolled once, or replaced), qualifications,
 * status with its reason, and every edition that seated them, with their panels and workload.
 */
export function PoolExpertDrawer({ expertId, onClose, onChanged }: { expertId: string | null; onClose(): void; onChanged(): void }) {
  const { t, i18n } = useTranslation();
  const zone = useTimeZone(null);
  const industry = useIndustryLabel();
  const detail = useCall('pool.get', expertId === null ? null : { expertId });
  const [editing, setEditing] = useState<PoolExpert | null>(null);
  const [enrolling, setEnrolling] = useState<PoolExpert | null>(null);
  const [enrolled, setEnrolled] = useState<string | null>(null);
  const changed = () => {
    void detail.reload();
    onChanged();
  };

  return (
    <Drawer
      opened={expertId !== null}
      onClose={() => {
        setEnrolled(null);
        onClose();
      }}
      position="right"
      size="xl"
      title={t('pool.detail')}
      data-testid="pool-drawer"
    >
      <Loadable state={detail}>
        {({ expert: e, seats, load }) => (
          <Stack gap="md">
            <Group justify="space-between">
              <Title order={3} data-testid="pool-drawer-title">
                {e.code} {e.name}
              </Title>
              <PoolStateBadge state={e.status.state} />
            </Group>
            <Stack gap={2} data-testid="pool-profile">
              <Text size="sm">{[e.organisation, e.title, e.speciality].filter(Boolean).join(' · ') || '—'}</Text>
              <Text size="sm" c="dimmed">
                {[e.creditCode, e.industry === null ? null : industry(e.industry), e.phone, e.email].filter(Boolean).join(' · ')}
              </Text>
            </Stack>
            <Button size="xs" variant="light" w="fit-content" onClick={() => setEditing(e)} data-testid="pool-edit-open">
              {t('pool.edit')}
            </Button>
            {e.status.reason ? (
              <Text size="sm" data-testid="pool-status-reason">
                {t('pool.statusSince', { date: formatDateTime(e.status.at, i18n.language, zone), reason: e.status.reason })}
              </Text>
            ) : null}
            <Divider label={t('pool.key')} />
            <Group justify="space-between" data-testid="pool-key">
              {e.fingerprint ? (
                <Text size="sm">
                  {t('pool.keyFingerprint')} <Code>{e.fingerprint}</Code>
                </Text>
              ) : (
                <Text size="sm" c="dimmed">
                  {t('pool.keyNone')}
                </Text>
              )}
              <Button size="xs" variant="light" leftSection={<Icon name="key" size={14} />} onClick={() => setEnrolling(e)} data-testid="pool-enroll-open">
                {e.enrolled ? t('enrol.again') : t('pool.enroll')}
              </Button>
            </Group>
            {enrolled ? (
              <Alert color="green" variant="light" icon={<Icon name="check" />} withCloseButton onClose={() => setEnrolled(null)} data-testid="pool-enrolled">
                {t('pool.enrolled', { fingerprint: enrolled })}
              </Alert>
            ) : null}
            <Divider label={t('pool.qualifications')} />
            <PoolQualifications expert={e} onChanged={changed} />
            <Divider label={t('pool.status')} />
            <PoolStatusForm expert={e} onChanged={changed} />
            <Divider label={t('pool.history', { load })} />
            <PoolSeats seats={seats} />
          </Stack>
        )}
      </Loadable>
      <EditPoolExpert
        expert={editing}
        onClose={() => setEditing(null)}
        onSaved={() => {
          setEditing(null);
          changed();
        }}
      />
      <EnrollModal
        expert={enrolling ? { scope: 'pool', id: enrolling.id, code: enrolling.code, name: enrolling.name } : null}
        onClose={() => setEnrolling(null)}
        onEnrolled={(fingerprint) => {
          setEnrolling(null);
          setEnrolled(fingerprint);
          changed();
        }}
      />
    </Drawer>
  );
}
