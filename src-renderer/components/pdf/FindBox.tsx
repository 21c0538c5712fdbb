import { ActionIcon, Group, Text, TextInput } from '@mantine/core';
import { forwardRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from '../icons.js';
import type { FindStatus } from './usePdfViewer.js';

interface FindBoxProps {
  status: FindStatus;
  onFind: (query: string, how: { again: boolean; backward: boolean }) => void;
  onClose: () => void;
  onDone: () => void;
}

/** Search in the material as you type; Enter and Shift+Enter go to the next and previous match. */
export const FindBox = forwardRef<HTMLInputElement, FindBoxProps>(function FindBox({ status, onFind, onClose, onDone }, ref) {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const wanted = query.trim();

  const step = (backward: boolean) => {
    if (wanted) onFind(wanted, { again: true, backward });
  };

  const count = !wanted ? '' : status.total > 0 ? t('pdf.findCount', { current: status.current, total: status.total }) : status.pending ? t('pdf.findPending') : t('pdf.findNone');

  return (
    // takes the room the toolbar has left, so the toolbar keeps to one line down to ~600 px
    <Group gap={4} wrap="nowrap" justify="center" style={{ flex: '1 1 0', minWidth: 190 }}>
      <TextInput
        ref={ref}
        size="xs"
        flex={1}
        miw={80}
        maw={260}
        value={query}
        placeholder={t('pdf.find')}
        aria-label={t('pdf.find')}
        leftSection={<Icon name="search" size={14} />}
        data-testid="pdf-find"
        onChange={(e) => {
          const next = e.currentTarget.value;
          setQuery(next);
          if (next.trim()) onFind(next.trim(), { again: false, backward: false });
          else onClose();
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            step(e.shiftKey);
          } else if (e.key === 'Escape') {
            setQuery('');
            onClose();
            onDone();
          }
        }}
      />
      <Text size="xs" c={wanted && status.total === 0 && !status.pending ? 'red' : 'dimmed'} miw={44} ta="center" style={{ whiteSpace: 'nowrap' }} data-testid="pdf-find-count" aria-live="polite">
        {count}
      </Text>
      <ActionIcon variant="subtle" size="sm" onClick={() => step(true)} disabled={status.total === 0} aria-label={t('pdf.findPrevious')}>
        <Icon name="chevronUp" size={14} />
      </ActionIcon>
      <ActionIcon variant="subtle" size="sm" onClick={() => step(false)} disabled={status.total === 0} aria-label={t('pdf.findNext')} data-testid="pdf-find-next">
        <Icon name="chevronDown" size={14} />
      </ActionIcon>
    </Group>
  );
});
