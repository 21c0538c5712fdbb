import { Button, Group, Modal, MultiSelect, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Expert } from '../../../src-main/domain/people.js';
import { ErrorNotice } from '../../components/States.js';
import { useApp } from '../../context/app-context.js';
import { useAction } from '../../hooks/useAction.js';
import { useCall } from '../../hooks/useCall.js';

/**
 * Seats pool experts in this edition: only active ones not seated yet are offered, and those
 * already enrolled keep their key, so nobody enrolls again.
 */
export function DrawFromPool({ editionId, seated, onDrawn }: { editionId: string; seated: Expert[]; onDrawn(count: number): void }) {
  const { t } = useTranslation();
  const { api } = useApp();
  const [opened, setOpened] = useState(false);
  const [picked, setPicked] = useState<string[]>([]);
  const pool = useCall('pool.list', opened ? {} : null);
  const inEdition = new Set(seated.map((s) => s.poolId));
  const options = (pool.data ?? [])
    .filter((p) => p.status.state === 'active' && !inEdition.has(p.id))
    .map((p) => ({ value: p.id, label: `${p.code} ${p.name}${p.enrolled ? ` · ${t('experts.enrolled')}` : ''}` }));
  const drawing = useAction(async () => {
    const seats = await api.call('pool.draw', { editionId, experts: picked.map((expertId) => ({ expertId })) });
    setPicked([]);
    setOpened(false);
    onDrawn(seats.length);
  });
  return (
    <>
      <Button variant="light" onClick={() => setOpened(true)} data-testid="pool-draw-open">
        {t('pool.draw')}
      </Button>
      <Modal opened={opened} onClose={() => setOpened(false)} title={t('pool.draw')} size="lg">
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            {t('pool.drawHelp')}
          </Text>
          <MultiSelect
            label={t('pool.drawPick')}
            data={options}
            value={picked}
            onChange={setPicked}
            searchable
            comboboxProps={{ withinPortal: true }}
            nothingFoundMessage={t('pool.drawNone')}
            data-testid="pool-draw-pick"
          />
          {drawing.error ? <ErrorNotice error={drawing.error} /> : null}
          <Group justify="space-between">
            <Button variant="subtle" size="xs" onClick={() => setPicked(options.map((o) => o.value))} disabled={options.length === 0} data-testid="pool-draw-all">
              {t('pool.drawAll', { count: options.length })}
            </Button>
            <Group gap="xs">
              <Button variant="default" onClick={() => setOpened(false)}>
                {t('common.cancel')}
              </Button>
              <Button onClick={() => void drawing.run()} disabled={picked.length === 0} loading={drawing.busy} data-testid="pool-draw-submit">
                {t('pool.drawConfirm', { count: picked.length })}
              </Button>
            </Group>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
