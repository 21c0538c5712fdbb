import { Stack, Text, UnstyledButton } from '@mantine/core';
import type { PDFDocumentProxy } from 'pdfjs-dist';
import { memo, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { THUMB_WIDTH, thumbnailRenderer, type ThumbnailRenderer } from './thumbnails.js';

// memoised: turning a page re-renders two thumbnails, not three hundred
const Thumbnail = memo(function Thumbnail({ renderer, page, height, active, onPick }: { renderer: ThumbnailRenderer; page: number; height: number; active: boolean; onPick: (page: number) => void }) {
  const { t } = useTranslation();
  const canvas = useRef<HTMLCanvasElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const [drawn, setDrawn] = useState(false);

  useEffect(() => {
    const el = canvas.current;
    if (!el) return;
    let withdraw: (() => void) | null = null;
    const seen = new IntersectionObserver(
      ([entry]) => {
        if (entry?.isIntersecting && !withdraw) withdraw = renderer.request(page, el, () => {
            seen.disconnect();
            setDrawn(true);
          });
        else if (!entry?.isIntersecting && withdraw) {
          withdraw();
          withdraw = null;
        }
      },
      { rootMargin: '300px 0px' },
    );
    seen.observe(el);
    return () => {
      seen.disconnect();
      withdraw?.();
    };
  }, [renderer, page]);

  useEffect(() => {
    if (active) button.current?.scrollIntoView({ block: 'nearest' });
  }, [active]);

  return (
    <UnstyledButton ref={button} onClick={() => onPick(page)} aria-label={t('pdf.thumbnail', { page })} aria-current={active ? 'page' : undefined} data-testid={`pdf-thumb-${page}`} ta="center">
      <canvas
        ref={canvas}
        data-drawn={drawn || undefined}
        style={{
          width: THUMB_WIDTH,
          height,
          display: 'block',
          margin: '0 auto',
          background: 'white',
          outline: active ? '3px solid var(--mantine-primary-color-filled)' : '1px solid var(--mantine-color-default-border)',
        }}
      />
      <Text size="xs" c={active ? undefined : 'dimmed'} fw={active ? 700 : 400} mt={2}>
        {page}
      </Text>
    </UnstyledButton>
  );
});

/** A thumbnail per page, drawn only as it scrolls into view; the current page is marked. */
export function Thumbnails({ doc, page, onPick }: { doc: PDFDocumentProxy; page: number; onPick: (page: number) => void }) {
  const renderer = useMemo(() => thumbnailRenderer(doc), [doc]);
  const [height, setHeight] = useState(Math.round(THUMB_WIDTH * Math.SQRT2));

  useEffect(() => {
    let cancelled = false;
    void doc.getPage(1).then((first) => {
      const { width, height: h } = first.getViewport({ scale: 1 });
      if (!cancelled) setHeight(Math.round((THUMB_WIDTH * h) / width));
    });
    return () => {
      cancelled = true;
    };
  }, [doc]);

  return (
    <Stack gap="sm" py="xs" data-testid="pdf-thumbnails">
      {Array.from({ length: doc.numPages }, (_, i) => (
        <Thumbnail key={i + 1} renderer={renderer} page={i + 1} height={height} active={page === i + 1} onPick={onPick} />
      ))}
    </Stack>
  );
}
