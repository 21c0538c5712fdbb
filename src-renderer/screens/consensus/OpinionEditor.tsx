import { Alert, Button, Group, SimpleGrid, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CriteriaFramework } from '../../../src-main/criteria/schema.js';
import type { CategoryOpinion, ConsensusView } from '../../../src-main/domain/consensus.js';
import { useApp } from '../../context/app-context.js';
import { ErrorNotice } from '../../components/States.js';
import { useAction } from '../../hooks/useAction.js';
import { useLocalized } from '../../hooks/useLocalized.js';

type Texts = Record<string, { strengths: string; opportunities: string }>;

const asTexts = (categories: readonly CategoryOpinion[]): Texts =>
  Object.fromEntries(categories.map((c) => [c.code, { strengths: c.strengths.join('\n'), opportunities: c.opportunities.join('\n') }]));

/** one point a line, as the leader typed them */
const asPoints = (text: string): string[] => text.split('\n').map((p) => p.trim()).filter((p) => p !== '');

/**
 * The panel's opinion per category, starting from the app's merge of the members' comments, and
 * the overall evaluation (Xinyang art. 18): the leader edits, the app saves what was typed.
 */
export function OpinionEditor({ framework, view, onView }: { framework: CriteriaFramework; view: ConsensusView; onView(v: ConsensusView): void }) {
  const { t } = useTranslation();
  const l = useLocalized();
  const { api } = useApp();
  const [texts, setTexts] = useState<Texts>(() => asTexts(view.opinion?.categories ?? view.proposal));
  const [overall, setOverall] = useState(view.opinion?.overall ?? '');
  const [saved, setSaved] = useState(false);
  const signed = view.status === 'signed';
  const saving = useAction(async () => {
    const categories = framework.categories.map((c) => ({ code: c.code, strengths: asPoints(texts[c.code]?.strengths ?? ''), opportunities: asPoints(texts[c.code]?.opportunities ?? '') }));
    onView(await api.call('consensus.saveOpinion', { editionId: view.editionId, applicantId: view.applicant.id, stage: view.stage, opinion: { categories, overall: overall.trim() } }));
    setSaved(true);
  });
  const edit = (code: string, field: 'strengths' | 'opportunities', value: string) => {
    setSaved(false);
    setTexts((all) => ({ ...all, [code]: { strengths: all[code]?.strengths ?? '', opportunities: all[code]?.opportunities ?? '', [field]: value } }));
  };

  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Text size="sm" c="dimmed">
          {t('consensus.opinionHelp')}
        </Text>
        {!signed ? (
          <Button size="xs" variant="subtle" onClick={() => setTexts(asTexts(view.proposal))} data-testid="opinion-use-proposal">
            {t('consensus.useProposal')}
          </Button>
        ) : null}
      </Group>
      {framework.categories.map((c) => (
        <Stack key={c.code} gap={4}>
          <Text fw={600} size="sm">
            {c.code} {l(c.name)}
          </Text>
          <SimpleGrid cols={2}>
            <Textarea label={t('consensus.strengths')} value={texts[c.code]?.strengths ?? ''} onChange={(e) => edit(c.code, 'strengths', e.currentTarget.value)} autosize minRows={2} readOnly={signed} data-testid={`opinion-${c.code}-strengths`} />
            <Textarea label={t('consensus.opportunities')} value={texts[c.code]?.opportunities ?? ''} onChange={(e) => edit(c.code, 'opportunities', e.currentTarget.value)} autosize minRows={2} readOnly={signed} data-testid={`opinion-${c.code}-opportunities`} />
          </SimpleGrid>
        </Stack>
      ))}
      <Textarea
        label={t('consensus.overall')}
        description={t('consensus.overallHelp')}
        value={overall}
        onChange={(e) => {
          setSaved(false);
          setOverall(e.currentTarget.value);
        }}
        autosize
        minRows={3}
        readOnly={signed}
        data-testid="opinion-overall"
      />
      {saving.error ? <ErrorNotice error={saving.error} /> : null}
      {!signed ? (
        <Group justify="flex-end">
          {saved ? (
            <Alert color="green" variant="light" py={4} px="sm" data-testid="opinion-saved">
              {t('consensus.opinionSaved')}
            </Alert>
          ) : null}
          <Button onClick={() => void saving.run()} loading={saving.busy} data-testid="opinion-save">
            {t('consensus.saveOpinion')}
          </Button>
        </Group>
      ) : null}
    </Stack>
  );
}
