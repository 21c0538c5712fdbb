import type { PDFDocumentProxy } from 'pdfjs-dist';
import { useEffect, useState } from 'react';
import { markMaterial } from './marks.js';
import { loadPdfjs, openPdf, type Pdfjs } from './pdfjs.js';

export type PdfLoad = { kind: 'loading' } | { kind: 'failed' } | { kind: 'ready'; pdfjs: Pdfjs; doc: PDFDocumentProxy };

/** Parses the bytes once per material; the document and its worker are destroyed with the view. */
export function usePdfDocument(bytes: Uint8Array): PdfLoad {
  const [load, setLoad] = useState<PdfLoad>({ kind: 'loading' });

  useEffect(() => {
    let cancelled = false;
    let destroy: (() => Promise<void>) | null = null;
    setLoad({ kind: 'loading' });
    markMaterial('received');
    loadPdfjs()
      .then(async (pdfjs) => {
        if (cancelled) return;
        const task = openPdf(pdfjs, bytes);
        destroy = () => task.destroy();
        const doc = await task.promise;
        markMaterial('parsed');
        if (!cancelled) setLoad({ kind: 'ready', pdfjs, doc });
      })
      .catch(() => {
        if (!cancelled) setLoad({ kind: 'failed' });
      });
    return () => {
      cancelled = true;
      void destroy?.();
    };
  }, [bytes]);

  return load;
}
