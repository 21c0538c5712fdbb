import { Anchor, Group, Stack, Tabs, Text, Title } from '@mantine/core';
import { Fragment } from 'react';
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

/**
 * The edition's tabs in the order of the regulations' steps, grouped by phase: progress on its
 * own at the top, then preparing the review, the review itself, the decision and its public
 * notice, and the archive. Sixteen tabs do not fit on one line at 1440 px, and in two rows a tab
 * jumps when the other row is chosen, so they stand in a column beside the tab's content.
 */
const TAB_GROUPS = [
  { group: null, tabs: ['steps'] },
  { group: 'prepare', tabs: ['setup', 'applicants', 'eligibility', 'experts', 'panels'] },
  { group: 'review', tabs: ['materials', 'packages', 'intake', 'consensus', 'recusals'] },
  { group: 'decide', tabs: ['results', 'committee', 'notice', 'objections'] },
  { group: 'keep', tabs: ['records'] },
] as const;
const TABS = TAB_GROUPS.flatMap((g) => g.tabs);

/**
 * The column stays in sight under the app's header while a long tab scrolls; its rows are
 * compact, so that all of it fits a window 720 px high, and in a lower one it scrolls on its own.
 */
const LIST_TOP = 'calc(var(--app-shell-header-offset, 0rem) + var(--mantine-spacing-md))';
const TAB_STYLES = {
  root: { alignItems: 'flex-start' },
  list: { position: 'sticky', top: LIST_TOP, maxHeight: `calc(100vh - ${LIST_TOP})`, overflowY: 'auto', flexWrap: 'nowrap', flexShrink: 0 },
  tab: { paddingBlock: 'calc(0.375rem * var(--mantine-scale))' },
  tabLabel: { textAlign: 'start' },
  panel: { flex: 1, minWidth: 0, paddingLeft: 'var(--mantine-spacing-lg)' },
} as const;

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
            <Tabs value={current} onChange={(v) => v && navStore.getState().go({ screen: 'edition', editionId, tab: v })} keepMounted={false} orientation="vertical" styles={TAB_STYLES}>
              <Tabs.List aria-label={t('tabGroups.label')}>
                {TAB_GROUPS.map(({ group, tabs }) => (
                  <Fragment key={group ?? 'top'}>
                    {group ? (
                      // the phase is seen, not announced: each tab says what it is on its own
                      <Text role="presentation" aria-hidden size="xs" fw={600} c="dimmed" pt={8} pb={2} px="sm">
                        {t(`tabGroups.${group}`)}
                      </Text>
                    ) : null}
                    {tabs.map((x) => (
                      <Tabs.Tab key={x} value={x} data-testid={`tab-${x}`}>
                        {t(`tabs.${x}`)}
                      </Tabs.Tab>
                    ))}
                  </Fragment>
                ))}
              </Tabs.List>
              <Tabs.Panel value="steps">
                <StepsTab editionId={editionId} />
              </Tabs.Panel>
              <Tabs.Panel value="setup">
                <SetupTab edition={e} onChanged={() => void edition.reload()} />
              </Tabs.Panel>
              <Tabs.Panel value="applicants">
                <ApplicantsTab editionId={editionId} kinds={e.profile.applicantKinds} />
              </Tabs.Panel>
              <Tabs.Panel value="eligibility">
                <EligibilityTab edition={e} />
              </Tabs.Panel>
              <Tabs.Panel value="experts">
                <ExpertsTab editionId={editionId} />
              </Tabs.Panel>
              <Tabs.Panel value="panels">
                <PanelsTab edition={e} />
              </Tabs.Panel>
              <Tabs.Panel value="materials">
                <MaterialsTab editionId={editionId} />
              </Tabs.Panel>
              <Tabs.Panel value="packages">
                <PackagesTab editionId={editionId} />
              </Tabs.Panel>
              <Tabs.Panel value="intake">
                <IntakeTab editionId={editionId} />
              </Tabs.Panel>
              <Tabs.Panel value="consensus">
                <ConsensusTab editionId={editionId} />
              </Tabs.Panel>
              <Tabs.Panel value="results">
                <ResultsTab edition={e} />
              </Tabs.Panel>
              <Tabs.Panel value="committee">
                <CommitteeTab edition={e} />
              </Tabs.Panel>
              <Tabs.Panel value="notice">
                <NoticeTab edition={e} />
              </Tabs.Panel>
              <Tabs.Panel value="objections">
                <ObjectionsTab edition={e} />
              </Tabs.Panel>
              <Tabs.Panel value="recusals">
                <RecusalsTab editionId={editionId} />
              </Tabs.Panel>
              <Tabs.Panel value="records">
                <RecordsTab editionId={editionId} editionName={e.name} />
              </Tabs.Panel>
            </Tabs>
          </Stack>
        )}
      </Loadable>
    </Stack>
  );
}
