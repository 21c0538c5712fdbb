import { Alert, Button, Group, List, Modal, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StoreApi } from 'zustand/vanilla';
import type { CriteriaFramework } from '../../../src-main/criteria/schema.js';
import { useApp } from '../../context/app-context.js';
import { ErrorNotice, LoadingState } from '../../components/States.js';
import { useAction } from '../../hooks/useAction.js';
import { useLocalized } from '../../hooks/useLocalized.js';
import type { ScoringState } from '../../stores/scoring.js';
import { asCallFailure, type CallFailure } from '../../transport/errors.js';

/** Review before submitting: every change saved first, then what the store says is missing. */
export function SubmitModal({
  opened,
  onClose,
  store,
  framework,
  onSubmitted,
}: {
  opened: boolean;
  onClose(): void;
  store: StoreApi<ScoringState>;
  framework: CriteriaFramework;
  onSubmitted(): void;
}) {
  const { t } = useTranslation();
  const l = useLocalized();
  const { api } = useApp();
  const [missing, setMissing] = useState<string[] | null>(null);
  const [checkError, setCheckError] = useState<CallFailure | null>(null);
  const names = new Map(framework.categories.flatMap((c) => c.items.map((i) => [i.code, l(i.name)] as const)));

  useEffect(() => {
    if (!opened) return;
    setMissing(null);
    setCheckError(null);
    void (async () => {
      try {
        await store.getState().flush();
        const s = store.getState();
        if (Object.keys(s.failed).length > 0) throw Object.values(s.failed)[0];
        setMissing(await api.call('sheets.missingItems', { sheetId: s.sheet!.id }));
      } catch (e) {
        setCheckError(asCallFailure(e));
      }
    })();
  }, [opened, store, api]);

  const submitting = useAction(async () => {
    const sheet = await api.call('sheets.submit', { sheetId: store.getState().sheet!.id });
    store.getState().markSubmitted(sheet);
    onSubmitted();
  });

  const uncommented = store.getState().codes.filter((c) => {
    const d = store.getState().items[c];
    return d && d.strengths.trim() === '' && d.opportunities.trim() === '';
  }).length;

  return (
    <Modal opened={opened} onClose={onClose} title={t('submit.title')} size="lg">
      <Stack gap="md">
        {checkError ? <ErrorNotice error={checkError} /> : null}
        {!checkError && missing === null ? <LoadingState label={t('submit.checking')} /> : null}
        {missing && missing.length > 0 ? (
          <Alert color="orange" title={t('submit.missingTitle', { count: missing.length })} data-testid="submit-missing">
            <List size="sm">
              {missing.map((code) => (
                <List.Item key={code}>
                  <Text
                    component="button"
                    type="button"
                    size="sm"
                    td="underline"
                    bd={0}
                    bg="transparent"
                    c="inherit"
                    onClick={() => {
                      store.getState().select(code);
                      onClose();
                    }}
                  >
                    {code} {names.get(code)}
                  </Text>
                </List.Item>
              ))}
            </List>
          </Alert>
        ) : null}
        {missing && missing.length === 0 ? (
          <>
            <Alert color="teal" data-testid="submit-complete">
              {t('submit.complete')}
            </Alert>
            {uncommented > 0 ? <Text size="sm" c="dimmed">{t('submit.uncommented', { count: uncommented })}</Text> : null}
            <Text size="sm">{t('submit.lockWarning')}</Text>
          </>
        ) : null}
        {submitting.error ? <ErrorNotice error={submitting.error} /> : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {missing && missing.length > 0 ? t('submit.backToScoring') : t('common.cancel')}
          </Button>
          <Button onClick={() => void submitting.run()} disabled={!missing || missing.length > 0} loading={submitting.busy} data-testid="submit-confirm">
            {t('submit.confirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
