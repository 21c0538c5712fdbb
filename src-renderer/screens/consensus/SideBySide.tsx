import { Badge, Button, Group, ScrollArea, Stack, Switch, Table, Text } from '@mantine/core';
import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CriteriaFramework } from '../../../src-main/criteria/schema.js';
import type { ConsensusView, MemberSheet } from '../../../src-main/domain/consensus.js';
import { useLocalized } from '../../hooks/useLocalized.js';

const FLAG_BG = 'var(--mantine-color-orange-light)';

/** The members' sheets side by side, item by item; the items the panel differs on are shaded. */
export function SideBySide({ framework, view, onReturn }: { framework: CriteriaFramework; view: ConsensusView; onReturn: ((m: MemberSheet) => void) | null }) {
  const { t } = useTranslation();
  const l = useLocalized();
  const [comments, setComments] = useState(false);
  const flagged = new Set(view.flagged.map((f) => f.itemCode));
  const byMember = view.members.map((m) => new Map(m.items.map((i) => [i.itemCode, i])));

  return (
    <Stack gap="xs">
      <Group justify="flex-end">
        <Switch size="sm" label={t('consensus.showComments')} checked={comments} onChange={(e) => setComments(e.currentTarget.checked)} data-testid="consensus-show-comments" />
      </Group>
      <ScrollArea>
        <Table withTableBorder withColumnBorders verticalSpacing={4} fz="sm" data-testid="consensus-sheets">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('consensus.item')}</Table.Th>
              <Table.Th ta="right">{t('consensus.points')}</Table.Th>
              {view.members.map((m) => (
                <Table.Th key={m.expertId} miw={comments ? 220 : 110} data-testid={`member-${m.code}`}>
                  <Stack gap={2}>
                    <Group gap={4} wrap="nowrap">
                      <Text size="sm" fw={600}>
                        {m.name}
                      </Text>
                      {m.leader ? (
                        <Badge size="xs" variant="light">
                          {t('consensus.leaderBadge')}
                        </Badge>
                      ) : null}
                    </Group>
                    <Text size="xs" c="dimmed">
                      {m.version === m.baseVersion ? t('consensus.version', { version: m.version }) : t('consensus.revised', { base: m.baseVersion })}
                    </Text>
                    {m.pendingReturn ? (
                      <Badge size="xs" color="orange" variant="light" title={m.pendingReturn.reason}>
                        {t('consensus.pending')}
                      </Badge>
                    ) : onReturn ? (
                      <Button size="compact-xs" variant="subtle" color="orange" onClick={() => onReturn(m)} data-testid={`return-${m.code}`}>
                        {t('consensus.return')}
                      </Button>
                    ) : null}
                  </Stack>
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {framework.categories.map((cat) => (
              <Fragment key={cat.code}>
                <Table.Tr>
                  <Table.Td colSpan={2 + view.members.length}>
                    <Text size="sm" fw={600}>
                      {cat.code} {l(cat.name)}
                    </Text>
                  </Table.Td>
                </Table.Tr>
                {cat.items.map((item) => {
                  const isFlagged = flagged.has(item.code);
                  return (
                    <Table.Tr key={item.code} bg={isFlagged ? FLAG_BG : undefined} data-testid={`row-${item.code}`} data-flagged={isFlagged ? 'true' : undefined}>
                      <Table.Td>
                        {item.code} {l(item.name)}
                      </Table.Td>
                      <Table.Td ta="right">{item.points}</Table.Td>
                      {view.members.map((m, i) => {
                        const score = byMember[i]!.get(item.code);
                        return (
                          <Table.Td key={m.expertId} ta={comments ? undefined : 'right'} valign="top">
                            <Text size="sm" fw={isFlagged ? 700 : undefined} ta="right">
                              {score ? `${score.percent}%` : '—'}
                            </Text>
                            {comments && score ? (
                              <Text size="xs" c="dimmed" style={{ whiteSpace: 'pre-wrap' }}>
                                {[score.strengths && t('consensus.strengthsLine', { text: score.strengths }), score.opportunities && t('consensus.opportunitiesLine', { text: score.opportunities })].filter(Boolean).join('\n')}
                              </Text>
                            ) : null}
                          </Table.Td>
                        );
                      })}
                    </Table.Tr>
                  );
                })}
              </Fragment>
            ))}
            <Table.Tr>
              <Table.Td colSpan={2}>
                <Text fw={600}>{t('consensus.total')}</Text>
              </Table.Td>
              {view.members.map((m) => (
                <Table.Td key={m.expertId} ta="right" fw={700} data-testid={`total-${m.code}`}>
                  {m.total.toFixed(2)}
                </Table.Td>
              ))}
            </Table.Tr>
          </Table.Tbody>
        </Table>
      </ScrollArea>
    </Stack>
  );
}
