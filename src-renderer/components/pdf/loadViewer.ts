import { useEffect, useState } from 'react';
import { loadPdfjs } from './pdfjs.js';

// pdf.js and its viewer load with the first material, not with the app
const loadViewer = () => import('./PdfViewer.js');
type Viewer = Awaited<ReturnType<typeof loadViewer>>['PdfViewer'];

/** Starts loading the viewer, pdf.js and its worker, so that they are ready when the bytes are. */
export function prefetchViewer(): void {
  void Promise.all([loadViewer(), loadPdfjs()]).catch(() => undefined);
}

/**
 * The viewer component once its code is loaded. Not React.lazy: a Suspense boundary holds its
 * fallback for at least 300 ms, which would be most of the time it takes to open a material.
 */
export function useViewer(): { viewer: Viewer | null; failed: boolean } {
  const [state, setState] = useState<{ viewer: Viewer | null; failed: boolean }>({ viewer: null, failed: false });
  useEffect(() => {
    let live = true;
    loadViewer().then(
      (m) => live && setState({ viewer: m.PdfViewer, failed: false }),
      () => live && setState({ viewer: null, failed: true }),
    );
    return () => {
      live = false;
    };
  }, []);
  return state;
}
