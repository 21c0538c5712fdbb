import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Industry } from '../../../src-main/domain/words.js';
import { Icon } from '../../components/icons.js';
import { ErrorNotice } from '../../components/States.js';
import { useAction } from '../../hooks/useAction.js';

export const INDUSTRIES: readonly Industry[] = [1, 2, 3];

/** Hints under the field keep the labels and inputs of a row level with each other. */
export const HINT_BELOW: ('label' | 'input' | 'description' | 'error')[] = ['label', 'input', 'description', 'error'];

export type PersonKind = 'applicant' | 'expert';

export interface Added {
  code: string;
  name: string;
}

/**
 * One applicant or expert added by hand, for a late application or a substitute expert. A refused
 * save keeps the modal open with everything typed, so the clerk corrects one field and tries again.
 */
export function AddPerson<F>({
  kind,
  blank,
  ready,
  save,
  onAdded,
  children,
}: {
  kind: PersonKind;
  blank: F;
  ready(form: F): boolean;
  save(form: F): Promise<Added>;
  onAdded(added: Added): void;
  children(form: F, set: (patch: Partial<F>) => void): ReactNode;
}) {
  const { t } = useTranslation();
  const [opened, setOpened] = useState(false);
  const [form, setForm] = useState(blank);
  const saving = useAction(async () => {
    const added = await save(form);
    setOpened(false);
    setForm(blank);
    onAdded(added);
  });
  const close = () => {
    setOpened(false);
    saving.clearError();
  };
  const canSave = ready(form);

  return (
    <>
      <Button variant="light" leftSection={<Icon name="plus" size={16} />} onClick={() => setOpened(true)} data-testid={`add-${kind}-open`}>
        {t(`people.add.${kind}`)}
      </Button>
      <Modal opened={opened} onClose={close} title={t(`people.addTitle.${kind}`)} size="lg">
        <form
          data-testid={`add-${kind}-form`}
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            if (canSave) void saving.run();
          }}
        >
          <Stack gap="md">
            <Text size="sm" c="dimmed">
              {t(`people.addHelp.${kind}`)}
            </Text>
            {children(form, (patch) => setForm((f) => ({ ...f, ...patch })))}
            {saving.error ? <ErrorNotice error={saving.error} title={t(`people.refused.${kind}`)} /> : null}
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" disabled={!canSave} loading={saving.busy} data-testid={`add-${kind}-submit`}>
                {t('people.save')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </>
  );
}

/** The short confirmation under the buttons once a person was added. */
export function AddedNotice({ kind, added, onClose }: { kind: PersonKind; added: Added | null; onClose(): void }) {
  const { t } = useTranslation();
  if (!added) return null;
  return (
    <Alert color="green" icon={<Icon name="check" />} withCloseButton onClose={onClose} data-testid={`added-${kind}`}>
      {t(`people.added.${kind}`, { code: added.code, name: added.name })}
    </Alert>
  );
}
