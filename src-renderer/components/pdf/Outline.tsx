import { NavLink, Stack, Text } from '@mantine/core';
import type { PDFDocumentProxy } from 'pdfjs-dist';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

type OutlineNode = Awaited<ReturnType<PDFDocumentProxy['getOutline']>>[number];

function OutlineItems({ items, onPick, depth }: { items: OutlineNode[]; onPick: (dest: string | unknown[]) => void; depth: number }) {
  return items.map((item, i) => {
    const dest = item.dest;
    const children = item.items.length > 0 ? <OutlineItems items={item.items as OutlineNode[]} onPick={onPick} depth={depth + 1} /> : undefined;
    return (
      <NavLink
        key={`${depth}-${i}`}
        label={item.title}
        onClick={dest ? () => onPick(dest) : undefined}
        disabled={!dest && !children}
        // a positive count is the PDF's own "shown open"
        defaultOpened={(item.count ?? 0) > 0}
        childrenOffset={12}
        py={4}
        styles={{ label: { fontSize: 'var(--mantine-font-size-sm)' } }}
        data-testid="pdf-outline-item"
      >
        {children}
      </NavLink>
    );
  });
}

/** The PDF's own bookmarks; a click goes to the bookmarked place. */
export function Outline({ doc, onPick }: { doc: PDFDocumentProxy; onPick: (dest: string | unknown[]) => void }) {
  const { t } = useTranslation();
  const [outline, setOutline] = useState<OutlineNode[] | null>(null);

  useEffect(() => {
    let cancelled = false;
    doc.getOutline().then(
      (items) => !cancelled && setOutline(items ?? []),
      () => !cancelled && setOutline([]),
    );
    return () => {
      cancelled = true;
    };
  }, [doc]);

  if (outline === null) return null;
  if (outline.length === 0) {
    return (
      <Text size="sm" c="dimmed" p="xs">
        {t('pdf.noOutline')}
      </Text>
    );
  }
  return (
    <Stack gap={0} data-testid="pdf-outline">
      <OutlineItems items={outline} onPick={onPick} depth={0} />
    </Stack>
  );
}
