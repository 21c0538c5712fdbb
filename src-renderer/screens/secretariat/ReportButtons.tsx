import { Card, Divider, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { EditionDetail } from '../../../src-main/profile/edition.js';
import { ReportButton } from '../../components/ReportButton.js';
import { ReportSet } from './ReportSet.js';

/** The edition-wide PDF reports: ranking, committee ballot, panel summaries binder, recusal register, bundle receipts, the register of committee decisions, notices and objections, and the full set. */
export function ReportButtons({ edition }: { edition: EditionDetail }) {
  const { t } = useTranslation();
  const editionId = edition.id;
  return (
    <Card withBorder padding="sm">
      <Stack gap="sm">
        <Group gap="sm">
          <Text size="sm" fw={500}>
            {t('reports.title')}
          </Text>
          <ReportButton request={{ kind: 'ranking', editionId }} data-testid="report-ranking">
            {t('reports.ranking')}
          </ReportButton>
          {edition.profile.committeeVote ? (
            <ReportButton request={{ kind: 'ballot', editionId }} data-testid="report-ballot">
              {t('reports.ballot')}
            </ReportButton>
          ) : null}
          <ReportButton request={{ kind: 'panel-binder', editionId }} data-testid="report-panel-binder">
            {t('reports.panelBinder')}
          </ReportButton>
          <ReportButton request={{ kind: 'recusals', editionId }}>{t('reports.recusals')}</ReportButton>
          <ReportButton request={{ kind: 'receipt', editionId }}>{t('reports.receipt')}</ReportButton>
          <ReportButton request={{ kind: 'decisions', editionId }} data-testid="report-decisions">
            {t('reports.decisions')}
          </ReportButton>
        </Group>
        <Divider />
        <ReportSet editionId={editionId} />
      </Stack>
    </Card>
  );
}
