import type * as PdfjsLib from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';
import type * as PdfjsViewer from 'pdfjs-dist/web/pdf_viewer.mjs';

export interface Pdfjs {
  lib: typeof PdfjsLib;
  viewer: typeof PdfjsViewer;
  /** one worker for every material of the session: started while the first one is fetched */
  worker: PdfjsLib.PDFWorker;
}

let loading: Promise<Pdfjs> | null = null;

/**
 * pdf.js, its viewer components and its worker, loaded when the first material is asked for
 * rather than at start, and while its bytes are on their way. The viewer module reads the
 * library from `globalThis.pdfjsLib` as it is evaluated, so the library is put there first. The
 * worker is a file of the app (the CSP allows workers from the app only); it keeps no document
 * once its view is closed. Pages are drawn on the main thread, in pdf.js's slices of a few
 * milliseconds: its renderer worker (pdf.renderer.mjs) was measured slower here, since every
 * page's operator list then passes through the main thread to reach it.
 */
export function loadPdfjs(): Promise<Pdfjs> {
  loading ??= (async () => {
    const lib = await import('pdfjs-dist');
    lib.GlobalWorkerOptions.workerSrc = workerUrl;
    (globalThis as { pdfjsLib?: typeof PdfjsLib }).pdfjsLib = lib;
    const worker = new lib.PDFWorker();
    const viewer = await import('pdfjs-dist/web/pdf_viewer.mjs');
    return { lib, viewer, worker };
  })().catch((error: unknown) => {
    loading = null;
    throw error;
  });
  return loading;
}

const assetUrl = (path: string) => new URL(path, document.baseURI).href;

/**
 * Parses a material held in memory. pdf.js takes ownership of the buffer it is given, so it gets
 * a copy. Fonts, CMaps and the decoders of scanned images come from the app, the decoders as
 * JavaScript since the CSP allows no WebAssembly; scripts in the PDF never run (no scripting
 * manager).
 */
export function openPdf({ lib, worker }: Pdfjs, bytes: Uint8Array): PdfjsLib.PDFDocumentLoadingTask {
  return lib.getDocument({
    data: bytes.slice(),
    worker,
    cMapUrl: assetUrl('pdfjs/cmaps/'),
    cMapPacked: true,
    standardFontDataUrl: assetUrl('pdfjs/standard_fonts/'),
    wasmUrl: assetUrl('pdfjs/wasm/'),
    useWasm: false,
    enableXfa: false,
  });
}
