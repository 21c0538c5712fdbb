import { Anchor, Group, Stack, Tabs, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Loadable } from '../../components/States.js';
import { useCall } from '../../hooks/useCall.js';
import { useLocalized } from '../../hooks/useLocalized.js';
import { navStore } from '../../stores/nav.js';
import { ConsensusTab } from '../consensus/ConsensusTab.js';
import { ApplicantsTab } from './ApplicantsTab.js';
import { EligibilityTab } from './EligibilityTab.js';
import { CommitteeTab } from './CommitteeTab.js';
import { ExpertsTab } from './ExpertsTab.js';
import { IntakeTab } from './IntakeTab.js';
import { MaterialsTab } from './MaterialsTab.js';
import { NoticeTab } from './NoticeTab.js';
import { ObjectionsTab } from './ObjectionsTab.js';
import { PackagesTab } from './PackagesTab.js';
import { PanelsTab } from './PanelsTab.js';
import { RecordsTab } from './RecordsTab.js';
import { RecusalsTab } from './RecusalsTab.js';
import { ResultsTab } from './ResultsTab.js';
import { SetupTab } from './SetupTab.js';
import { StepsTab } from './StepsTab.js';

const TABS = ['steps', 'setup', 'applicants', 'eligibility', 'experts', 'panels', 'materials', 'packages', 'intake', 'consensus', 'results', 'committee', 'notice', 'objections', 'recusals', 'records'] as const;

export function EditionView({ editionId, tab }: { editionId: string; tab: string | undefined }) {
  const { t } = useTranslation();
  const l = useLocalized();
  const edition = useCall('editions.get', { editionId });
  const current = TABS.find((x) => x === tab) ?? 'steps';

  return (
    <Stack gap="md" maw={1300} mx="auto">
      <Anchor component="button" type="button" size="sm" onClick={() => navStore.getState().reset()} w="fit-content">
        ← {t('common.back')}
      </Anchor>
      <Loadable state={edition}>
        {(e) => (
          <Stack gap="md">
            <Group justify="space-between" align="flex-end">
              <Stack gap={2}>
                <Title order={2} data-testid="edition-title">
                  {e.name}
                </Title>
                <Text size="sm" c="dimmed">
                  {t('edition.subtitle', { year: e.year, city: l(e.profile.city), standard: e.framework.standard })}
                </Text>
              </Stack>
            </Group>
            <Tabs value={current} onChange={(v) => v && navStore.getState().go({ screen: 'edition', editionId, tab: v })} keepMounted={false}>
              <Tabs.List>
                {TABS.map((x) => (
                  <Tabs.Tab key={x} value={x} data-testid={`tab-${x}`}>
                    {t(`tabs.${x}`)}
                  </Tabs.Tab>
                ))}
              </Tabs.List>
              <Tabs.Panel value="steps" pt="md">
                <StepsTab editionId={editionId} />
              </Tabs.Panel>
              <Tabs.Panel value="setup" pt="md">
                <SetupTab edition={e} onChanged={() => void edition.reload()} />
              </Tabs.Panel>
              <Tabs.Panel value="applicants" pt="md">
                <ApplicantsTab editionId={editionId} kinds={e.profile.applicantKinds} />
              </Tabs.Panel>
              <Tabs.Panel value="eligibility" pt="md">
                <EligibilityTab edition={e} />
              </Tabs.Panel>
              <Tabs.Panel value="experts" pt="md">
                <ExpertsTab editionId={editionId} />
              </Tabs.Panel>
              <Tabs.Panel value="panels" pt="md">
                <PanelsTab edition={e} />
              </Tabs.Panel>
              <Tabs.Panel value="materials" pt="md">
                <MaterialsTab editionId={editionId} />
              </Tabs.Panel>
              <Tabs.Panel value="packages" pt="md">
                <PackagesTab editionId={editionId} />
              </Tabs.Panel>
              <Tabs.Panel value="intake" pt="md">
                <IntakeTab editionId={editionId} />
              </Tabs.Panel>
              <Tabs.Panel value="consensus" pt="md">
                <ConsensusTab editionId={editionId} />
              </Tabs.Panel>
              <Tabs.Panel value="results" pt="md">
                <ResultsTab edition={e} />
              </Tabs.Panel>
              <Tabs.Panel value="committee" pt="md">
                <CommitteeTab edition={e} />
              </Tabs.Panel>
              <Tabs.Panel value="notice" pt="md">
                <NoticeTab edition={e} />
              </Tabs.Panel>
              <Tabs.Panel value="objections" pt="md">
                <ObjectionsTab edition={e} />
              </Tabs.Panel>
              <Tabs.Panel value="recusals" pt="md">
                <RecusalsTab editionId={editionId} />
              </Tabs.Panel>
              <Tabs.Panel value="records" pt="md">
                <RecordsTab editionId={editionId} editionName={e.name} />
              </Tabs.Panel>
            </Tabs>
          </Stack>
        )}
      </Loadable>
    </Stack>
  );
}
