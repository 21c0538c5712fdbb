import { Alert, Button, Checkbox, Group, Modal, ScrollArea, Stack, Table, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AssignmentView } from '../../../src-main/domain/review.js';
import { useApp } from '../../context/app-context.js';
import { ErrorNotice } from '../../components/States.js';
import { useAction } from '../../hooks/useAction.js';

type ApplicantRef = AssignmentView['applicant'];

/**
 * "No conflict" for several applicants after one confirmation: the applicants not yet declared,
 * each ticked; the expert unticks any they have an interest in (and declares those one by one),
 * then confirms once. The store takes all of them or none.
 */
export function DeclareNoneModal({
  editionId,
  applicants,
  opened,
  onClose,
  onDeclared,
}: {
  editionId: string;
  applicants: ApplicantRef[];
  opened: boolean;
  onClose(): void;
  onDeclared(count: number): void;
}) {
  const { t } = useTranslation();
  const { api } = useApp();
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  useEffect(() => {
    if (opened) setChosen(new Set(applicants.map((a) => a.id)));
  }, [opened, applicants]);
  const declaring = useAction(async () => {
    const ids = applicants.filter((a) => chosen.has(a.id)).map((a) => a.id);
    await api.call('declarations.declareNone', { editionId, applicantIds: ids });
    onDeclared(ids.length);
  });
  const toggle = (id: string, on: boolean) =>
    setChosen((previous) => {
      const next = new Set(previous);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  const count = applicants.filter((a) => chosen.has(a.id)).length;
  const all = count === applicants.length;

  return (
    <Modal opened={opened} onClose={onClose} title={t('declareNone.title')} size="lg" data-testid="declare-none-dialog">
      <Stack gap="md">
        <Text size="sm">{t('declareNone.help')}</Text>
        <ScrollArea.Autosize mah="50vh" type="auto" offsetScrollbars>
          <Table verticalSpacing={6} data-testid="declare-none-list">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={40}>
                  <Checkbox
                    checked={all}
                    indeterminate={count > 0 && !all}
                    onChange={(e) => setChosen(e.currentTarget.checked ? new Set(applicants.map((a) => a.id)) : new Set())}
                    aria-label={t('declareNone.all')}
                  />
                </Table.Th>
                <Table.Th>{t('applicant.code')}</Table.Th>
                <Table.Th>{t('applicant.name')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {applicants.map((a) => (
                <Table.Tr key={a.id}>
                  <Table.Td>
                    <Checkbox checked={chosen.has(a.id)} onChange={(e) => toggle(a.id, e.currentTarget.checked)} aria-label={`${a.code} ${a.name}`} data-testid={`declare-none-${a.code}`} />
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{a.code}</Table.Td>
                  <Table.Td>{a.name}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollArea.Autosize>
        <Alert color="blue" variant="light" data-testid="declare-none-statement">
          {count > 0 ? t('declareNone.statement', { count }) : t('declareNone.noneChosen')}
        </Alert>
        {declaring.error ? <ErrorNotice error={declaring.error} title={t('declareNone.failed')} /> : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button onClick={() => void declaring.run()} disabled={count === 0} loading={declaring.busy} data-testid="declare-none-confirm">
            {t('declareNone.confirm', { count })}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
