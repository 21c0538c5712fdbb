import { Alert, Badge, Button, Group, Stack, Text, Timeline } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { EditionStep, StepState } from '../../../src-main/rules/edition-steps.js';
import { Icon, type IconName } from '../../components/icons.js';
import { Loadable } from '../../components/States.js';
import { formatDay } from '../../format/datetime.js';
import { useCall } from '../../hooks/useCall.js';
import { navStore } from '../../stores/nav.js';

/** The tab where each step's work is done. */
export const STEP_TAB: Record<EditionStep, string> = {
  eligibility: 'eligibility',
  material: 'panels',
  shortlist: 'committee',
  site: 'panels',
  defence: 'panels',
  totals: 'results',
  committee: 'committee',
  notice: 'notice',
  result: 'notice',
};

const BULLET: Record<StepState, { icon: IconName; color: string }> = {
  done: { icon: 'check', color: 'teal' },
  current: { icon: 'chevronRight', color: 'blue' },
  waiting: { icon: 'minus', color: 'gray' },
  skipped: { icon: 'minus', color: 'gray' },
  'not-applicable': { icon: 'minus', color: 'gray' },
};

/**
 * The edition's home: the regulations' steps in order, each with its state and the figures it is
 * judged by, and for the current one what to do next and where.
 */
export function StepsTab({ editionId }: { editionId: string }) {
  const { t, i18n } = useTranslation();
  const steps = useCall('editions.steps', { editionId });
  const go = (tab: string) => navStore.getState().go({ screen: 'edition', editionId, tab });

  return (
    <Loadable state={steps}>
      {(list) => {
        const done = list.filter((s) => s.state === 'done').length;
        const applicable = list.filter((s) => s.state !== 'not-applicable' && s.state !== 'skipped').length;
        const active = list.findIndex((s) => s.state === 'current');
        return (
          <Stack gap="md" maw={820}>
            <Text size="sm" c="dimmed" data-testid="steps-summary">
              {active < 0 ? t('steps.allDone') : t('steps.summary', { done, total: applicable })}
            </Text>
            <Timeline active={active < 0 ? list.length - 1 : active - 1} bulletSize={26} lineWidth={2}>
              {list.map((s) => (
                <Timeline.Item
                  key={s.step}
                  data-testid={`step-${s.step}`}
                  data-state={s.state}
                  bullet={<Icon name={BULLET[s.state].icon} size={14} />}
                  color={BULLET[s.state].color}
                  title={
                    <Group gap="xs">
                      <Text fw={s.state === 'current' ? 700 : 500} c={s.state === 'not-applicable' || s.state === 'skipped' ? 'dimmed' : undefined}>
                        {t(`steps.name.${s.step}`)}
                      </Text>
                      <Badge size="sm" variant={s.state === 'current' ? 'filled' : 'light'} color={BULLET[s.state].color}>
                        {t(`steps.state.${s.state}`)}
                      </Badge>
                    </Group>
                  }
                >
                  <Stack gap={6} mt={4}>
                    {s.state !== 'not-applicable' && s.state !== 'skipped' && s.counts.length > 0 && (
                      <Group gap="lg">
                        {s.counts.map((c) => (
                          <Text key={c.key} size="sm" data-testid={`step-${s.step}-${c.key}`}>
                            {t(`steps.count.${c.key}`)} <b>{c.value}</b>
                          </Text>
                        ))}
                      </Group>
                    )}
                    {s.period && (
                      <Text size="sm">{t('steps.period', { from: formatDay(s.period.from, i18n.language), to: formatDay(s.period.to, i18n.language) })}</Text>
                    )}
                    {s.state === 'not-applicable' && (
                      <Text size="sm" c="dimmed">
                        {t('steps.notApplicable')}
                      </Text>
                    )}
                    {s.state === 'skipped' && (
                      <Text size="sm" c="dimmed">
                        {t(`steps.skipped.${s.step}`)}
                      </Text>
                    )}
                    {s.blocked && (
                      <Alert color="orange" variant="light" p="xs" icon={<Icon name="alert" size={16} />}>
                        {t(`steps.blocked.${s.blocked}`)}
                      </Alert>
                    )}
                    {s.state === 'current' && (
                      <Group gap="sm">
                        <Text size="sm" data-testid="step-next">
                          {t(`steps.next.${s.step}`)}
                        </Text>
                        <Button size="xs" variant="light" onClick={() => go(STEP_TAB[s.step])} data-testid="step-go">
                          {t('steps.go', { tab: t(`tabs.${STEP_TAB[s.step]}`) })}
                        </Button>
                      </Group>
                    )}
                  </Stack>
                </Timeline.Item>
              ))}
            </Timeline>
          </Stack>
        );
      }}
    </Loadable>
  );
}
