import { Progress, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { strengthOf } from './passphrase.js';

const COLORS = ['red', 'orange', 'yellow', 'teal', 'green'] as const;

export function PassphraseMeter({ value }: { value: string }) {
  const { t } = useTranslation();
  const strength = strengthOf(value);
  return (
    <Stack gap={4} data-testid="strength-meter" data-strength={value === '' ? -1 : strength}>
      <Progress value={value === '' ? 0 : (strength + 1) * 20} color={COLORS[strength]} size="sm" aria-hidden />
      <Text size="xs" c="dimmed">
        {value === '' ? t('start.strength.empty') : t(`start.strength.${strength}`)}
      </Text>
    </Stack>
  );
}
