import { Alert, Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
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

export type FormMode = 'add' | 'edit';

/**
 * The form of one applicant or expert, in a modal: empty to add one by hand (a late application,
 * a substitute expert), filled to correct one. A refused save keeps the modal open with
 * everything typed, so the clerk corrects one field and tries again. A correction also takes
 * its reason, for the audit log, and says what it does to the packages already sent.
 */
export function PersonModal<F>({
  kind,
  mode,
  opened,
  onClose,
  initial,
  title,
  ready,
  save,
  children,
}: {
  kind: PersonKind;
  mode: FormMode;
  opened: boolean;
  onClose(): void;
  initial: F;
  title: string;
  ready(form: F): boolean;
  /** the reason is asked for corrections only */
  save(form: F, reason: string): Promise<void>;
  children(form: F, set: (patch: Partial<F>) => void): ReactNode;
}) {
  const { t } = useTranslation();
  const [form, setForm] = useState(initial);
  const [reason, setReason] = useState('');
  const [wasOpen, setWasOpen] = useState(opened);
  // a correction starts from the record each time it opens; a new entry keeps what was typed
  if (opened !== wasOpen) {
    setWasOpen(opened);
    if (opened && mode === 'edit') {
      setForm(initial);
      setReason('');
    }
  }
  const saving = useAction(async () => {
    await save(form, reason.trim());
    if (mode === 'add') setForm(initial);
    setReason('');
  });
  const close = () => {
    onClose();
    saving.clearError();
  };
  const canSave = ready(form);
  const prefix = `${mode}-${kind}`;

  return (
    <Modal opened={opened} onClose={close} title={title} size="lg">
      <form
        data-testid={`${prefix}-form`}
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (canSave) void saving.run();
        }}
      >
        <Stack gap="md">
          <Text size="sm" c="dimmed">
            {t(mode === 'add' ? `people.addHelp.${kind}` : `corrections.editHelp.${kind}`)}
          </Text>
          {children(form, (patch) => setForm((f) => ({ ...f, ...patch })))}
          {mode === 'edit' ? (
            <Textarea
              label={t('corrections.editReason')}
              description={t('corrections.editReasonHelp')}
              inputWrapperOrder={HINT_BELOW}
              value={reason}
              onChange={(e) => setReason(e.currentTarget.value)}
              autosize
              minRows={2}
              maxLength={1000}
              data-testid={`${prefix}-reason`}
            />
          ) : null}
          {saving.error ? <ErrorNotice error={saving.error} title={t(mode === 'add' ? `people.refused.${kind}` : `corrections.editRefused.${kind}`)} /> : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" disabled={!canSave} loading={saving.busy} data-testid={`${prefix}-submit`}>
              {t(mode === 'add' ? 'people.save' : 'corrections.saveEdit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** The add button and its empty form. */
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
  return (
    <>
      <Button variant="light" leftSection={<Icon name="plus" size={16} />} onClick={() => setOpened(true)} data-testid={`add-${kind}-open`}>
        {t(`people.add.${kind}`)}
      </Button>
      <PersonModal
        kind={kind}
        mode="add"
        opened={opened}
        onClose={() => setOpened(false)}
        initial={blank}
        title={t(`people.addTitle.${kind}`)}
        ready={ready}
        save={async (form) => {
          const added = await save(form);
          setOpened(false);
          onAdded(added);
        }}
      >
        {children}
      </PersonModal>
    </>
  );
}

/** The fields of `after` that differ from `before`: a correction sends only what changed. */
export function changedFields<F extends object>(before: F, after: F): Partial<F> {
  const out: Partial<F> = {};
  for (const k of Object.keys(after) as (keyof F)[]) if (before[k] !== after[k]) out[k] = after[k];
  return out;
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
