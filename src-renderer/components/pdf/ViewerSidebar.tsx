import { Box, SegmentedControl, Stack } from '@mantine/core';
import type { PDFDocumentProxy } from 'pdfjs-dist';
import { useTranslation } from 'react-i18next';
import { Outline } from './Outline.js';
import { Thumbnails } from './Thumbnails.js';

export type SidebarView = 'thumbnails' | 'outline';

/** Thumbnails or the PDF's bookmarks, beside the pages; each scrolls on its own. */
export function ViewerSidebar({ doc, view, onView, page, onPage, onDestination }: { doc: PDFDocumentProxy; view: SidebarView; onView: (view: SidebarView) => void; page: number; onPage: (page: number) => void; onDestination: (dest: string | unknown[]) => void }) {
  const { t } = useTranslation();
  return (
    <Stack w={200} gap={4} style={{ flexShrink: 0, borderRight: '1px solid var(--mantine-color-default-border)' }} data-testid="pdf-sidebar">
      <SegmentedControl
        size="xs"
        mx={4}
        value={view}
        onChange={(v) => onView(v as SidebarView)}
        data={[
          { value: 'thumbnails', label: t('pdf.thumbnails') },
          { value: 'outline', label: t('pdf.outline') },
        ]}
      />
      <Box style={{ flex: 1, minHeight: 0, overflowY: 'auto' }} px={4}>
        {view === 'thumbnails' ? <Thumbnails doc={doc} page={page} onPick={onPage} /> : <Outline doc={doc} onPick={onDestination} />}
      </Box>
    </Stack>
  );
}
