import { Group, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/** The current page, which the reader can overwrite with a page to go to (Enter). */
export function PageJump({ page, pages, onGo, onDone }: { page: number; pages: number; onGo: (page: number) => void; onDone: () => void }) {
  const { t } = useTranslation();
  const [typed, setTyped] = useState<string | null>(null);

  const finish = () => {
    setTyped(null);
    onDone();
  };

  return (
    <Group gap={6} wrap="nowrap">
      <TextInput
        size="xs"
        w={56}
        value={typed ?? String(page)}
        inputMode="numeric"
        aria-label={t('pdf.pageInput', { pages })}
        data-testid="pdf-page-input"
        styles={{ input: { textAlign: 'center' } }}
        onFocus={(e) => {
          setTyped(String(page));
          e.currentTarget.select();
        }}
        onBlur={() => setTyped(null)}
        onChange={(e) => setTyped(e.currentTarget.value.replace(/\D/g, ''))}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            const wanted = Number(typed);
            if (wanted >= 1) onGo(Math.min(wanted, pages));
            finish();
          } else if (e.key === 'Escape') finish();
        }}
      />
      <Text size="sm" style={{ whiteSpace: 'nowrap' }} data-testid="pdf-pages">
        {t('pdf.ofPages', { pages })}
      </Text>
    </Group>
  );
}
