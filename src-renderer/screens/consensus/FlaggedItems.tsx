import { Alert, Button, Card, Group, Radio, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CriteriaFramework } from '../../../src-main/criteria/schema.js';
import type { ConsensusView, Resolution } from '../../../src-main/domain/consensus.js';
import { useApp } from '../../context/app-context.js';
import { ErrorNotice } from '../../components/States.js';
import { useAction } from '../../hooks/useAction.js';
import { useLocalized } from '../../hooks/useLocalized.js';

type Flagged = ConsensusView['flagged'][number];

/** Per flagged item, what was settled: the members revised their own scores, or the difference stands, with the reason. */
export function FlaggedItems({ framework, view, onView }: { framework: CriteriaFramework; view: ConsensusView; onView(v: ConsensusView): void }) {
  const { t } = useTranslation();
  if (view.threshold === null) return <Text size="sm" c="dimmed">{t('consensus.noDisagreementRule')}</Text>;
  if (view.flagged.length === 0) return <Text size="sm" c="dimmed">{t('consensus.noFlagged')}</Text>;
  return (
    <Stack gap="sm">
      {view.flagged.map((f) => (
        <FlaggedItem key={f.itemCode} framework={framework} view={view} item={f} onView={onView} />
      ))}
    </Stack>
  );
}

function FlaggedItem({ framework, view, item, onView }: { framework: CriteriaFramework; view: ConsensusView; item: Flagged; onView(v: ConsensusView): void }) {
  const { t } = useTranslation();
  const l = useLocalized();
  const { api } = useApp();
  const [resolution, setResolution] = useState<Resolution | ''>(item.settlement?.resolution ?? '');
  const [reason, setReason] = useState(item.settlement?.reason ?? '');
  const name = framework.categories.flatMap((c) => c.items).find((i) => i.code === item.itemCode)?.name;
  const signed = view.status === 'signed';
  const saving = useAction(async () => {
    if (!resolution) return;
    onView(await api.call('consensus.settle', { editionId: view.editionId, applicantId: view.applicant.id, stage: view.stage, itemCode: item.itemCode, resolution, reason: reason.trim() }));
  });
  const same = item.settlement?.resolution === resolution && item.settlement.reason === reason.trim();

  return (
    <Card withBorder padding="sm" data-testid={`flag-${item.itemCode}`}>
      <Stack gap="xs">
        <Group justify="space-between">
          <Text fw={600}>
            {item.itemCode} {l(name)}
          </Text>
          <Text size="sm" c="dimmed">
            {t('consensus.spread', { baseMin: item.base.min, baseMax: item.base.max, min: item.final.min, max: item.final.max })}
          </Text>
        </Group>
        <Radio.Group value={resolution} onChange={(v) => setResolution(v as Resolution)}>
          <Group gap="lg">
            <Radio value="revised" label={t('consensus.resolution.revised')} disabled={signed} data-testid={`flag-${item.itemCode}-revised`} />
            <Radio value="stands" label={t('consensus.resolution.stands')} disabled={signed} data-testid={`flag-${item.itemCode}-stands`} />
          </Group>
        </Radio.Group>
        {resolution === 'stands' ? (
          <Textarea
            label={t('consensus.reasonRequired')}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            autosize
            minRows={2}
            disabled={signed}
            data-testid={`flag-${item.itemCode}-reason`}
          />
        ) : null}
        {saving.error ? <ErrorNotice error={saving.error} /> : null}
        {!signed ? (
          <Group justify="flex-end">
            {item.settlement && same ? (
              <Alert color="green" variant="light" py={4} px="sm" data-testid={`flag-${item.itemCode}-settled`}>
                {t('consensus.settled')}
              </Alert>
            ) : null}
            <Button size="xs" onClick={() => void saving.run()} disabled={!resolution || (resolution === 'stands' && reason.trim() === '') || same} loading={saving.busy} data-testid={`flag-${item.itemCode}-settle`}>
              {t('consensus.settle')}
            </Button>
          </Group>
        ) : null}
      </Stack>
    </Card>
  );
}
