import type { PDFDocumentProxy } from 'pdfjs-dist';

/** CSS width of a thumbnail */
export const THUMB_WIDTH = 112;

export interface ThumbnailRenderer {
  /** Draws the page into the canvas when its turn comes; the returned function withdraws the request. */
  request(page: number, canvas: HTMLCanvasElement, done: () => void): () => void;
}

/**
 * Thumbnails are drawn one at a time, in the order they came into view, so that a sidebar of
 * 300 pages never competes with the page being read for the worker or the main thread.
 */
export function thumbnailRenderer(doc: PDFDocumentProxy): ThumbnailRenderer {
  const waiting = new Map<number, { canvas: HTMLCanvasElement; done: () => void }>();
  let busy = false;

  async function draw(page: number, canvas: HTMLCanvasElement): Promise<void> {
    const proxy = await doc.getPage(page);
    const ratio = window.devicePixelRatio || 1;
    const viewport = proxy.getViewport({ scale: (THUMB_WIDTH * ratio) / proxy.getViewport({ scale: 1 }).width });
    canvas.width = Math.floor(viewport.width);
    canvas.height = Math.floor(viewport.height);
    await proxy.render({ canvas, viewport }).promise;
  }

  async function pump(): Promise<void> {
    if (busy) return;
    busy = true;
    for (let next = waiting.entries().next(); !next.done; next = waiting.entries().next()) {
      const [page, { canvas, done }] = next.value;
      waiting.delete(page);
      await draw(page, canvas).then(done, () => undefined);
    }
    busy = false;
  }

  return {
    request(page, canvas, done) {
      waiting.set(page, { canvas, done });
      void pump();
      return () => waiting.delete(page);
    },
  };
}
