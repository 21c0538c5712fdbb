import { ActionIcon, Alert, Box, Group, Text } from '@mantine/core';
import { GlobalWorkerOptions, getDocument, type PDFDocumentProxy } from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadingState } from './States.js';

GlobalWorkerOptions.workerSrc = workerUrl;

function assetUrl(path: string): string {
  return new URL(path, document.baseURI).href;
}

/**
 * Shows a PDF from bytes held in memory: the applicant's material is never written to disk in
 * the clear. pdf.js parses it in its worker; fonts and CMaps come from the app itself.
 */
export function PdfViewer({ bytes, name }: { bytes: Uint8Array; name: string }) {
  const { t } = useTranslation();
  const canvas = useRef<HTMLCanvasElement>(null);
  const [doc, setDoc] = useState<PDFDocumentProxy | null>(null);
  const [page, setPage] = useState(1);
  const [scale, setScale] = useState(1.1);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    let cancelled = false;
    setDoc(null);
    setFailed(false);
    setPage(1);
    // pdf.js takes ownership of the buffer it is given; hand it a copy
    const task = getDocument({
      data: bytes.slice(),
      cMapUrl: assetUrl('pdfjs/cmaps/'),
      cMapPacked: true,
      standardFontDataUrl: assetUrl('pdfjs/standard_fonts/'),
      enableXfa: false,
    });
    task.promise.then(
      (loaded) => {
        if (!cancelled) setDoc(loaded);
      },
      () => {
        if (!cancelled) setFailed(true);
      },
    );
    return () => {
      cancelled = true;
      void task.destroy();
    };
  }, [bytes]);

  useEffect(() => {
    if (!doc || !canvas.current) return;
    let cancelled = false;
    let render: { cancel(): void } | null = null;
    void doc.getPage(page).then((p) => {
      if (cancelled || !canvas.current) return;
      const ratio = window.devicePixelRatio || 1;
      const viewport = p.getViewport({ scale: scale * ratio });
      const el = canvas.current;
      el.width = Math.floor(viewport.width);
      el.height = Math.floor(viewport.height);
      el.style.width = `${Math.floor(viewport.width / ratio)}px`;
      el.style.height = `${Math.floor(viewport.height / ratio)}px`;
      const task = p.render({ canvas: el, viewport });
      render = task;
      task.promise.catch(() => undefined);
    });
    return () => {
      cancelled = true;
      render?.cancel();
    };
  }, [doc, page, scale]);

  if (failed) {
    return (
      <Alert color="red" variant="light" role="alert">
        {t('pdf.unreadable')}
      </Alert>
    );
  }
  if (!doc) return <LoadingState label={t('pdf.loading')} />;
  return (
    <Box data-testid="pdf-viewer">
      <Group justify="space-between" mb="xs" wrap="nowrap">
        <Text size="sm" fw={500} truncate>
          {name}
        </Text>
        <Group gap={4} wrap="nowrap">
          <ActionIcon variant="default" onClick={() => setPage((p) => Math.max(1, p - 1))} disabled={page <= 1} aria-label={t('pdf.previous')}>
            ‹
          </ActionIcon>
          <Text size="sm" data-testid="pdf-page">
            {t('pdf.page', { page, pages: doc.numPages })}
          </Text>
          <ActionIcon variant="default" onClick={() => setPage((p) => Math.min(doc.numPages, p + 1))} disabled={page >= doc.numPages} aria-label={t('pdf.next')}>
            ›
          </ActionIcon>
          <ActionIcon variant="default" onClick={() => setScale((s) => Math.max(0.5, s - 0.2))} aria-label={t('pdf.zoomOut')}>
            −
          </ActionIcon>
          <ActionIcon variant="default" onClick={() => setScale((s) => Math.min(3, s + 0.2))} aria-label={t('pdf.zoomIn')}>
            +
          </ActionIcon>
        </Group>
      </Group>
      <Box style={{ overflow: 'auto', maxHeight: 'calc(100vh - 260px)' }} bg="gray.1" p="xs">
        <canvas ref={canvas} />
      </Box>
    </Box>
  );
}
