import type { PDFDocumentProxy } from 'pdfjs-dist';
import type { PDFViewer } from 'pdfjs-dist/web/pdf_viewer.mjs';
import { startTransition, useEffect, useState, type RefObject } from 'react';
import { markFirstPage } from './marks.js';
import type { Pdfjs } from './pdfjs.js';

export interface FindStatus {
  current: number;
  total: number;
  pending: boolean;
}

export interface ViewerState {
  page: number;
  pages: number;
  /** 1 = 100 % */
  scale: number;
  fitWidth: boolean;
  find: FindStatus;
}

/** What the toolbar, the sidebar and the keys ask of the pdf.js viewer. */
export interface ViewerHandle {
  goTo(page: number): void;
  turn(to: 'next' | 'previous' | 'first' | 'last'): void;
  zoom(to: 'in' | 'out' | 'fit'): void;
  find(query: string, how: { again: boolean; backward: boolean }): void;
  closeFind(): void;
  goToDestination(dest: string | unknown[]): void;
  scrollsAcross(): boolean;
}

const FIT_WIDTH = 'page-width';
const NO_FIND: FindStatus = { current: 0, total: 0, pending: false };
/** pdf.js's FindState.PENDING */
const FIND_PENDING = 3;

function handleFor(viewer: PDFViewer, dispatchFind: (query: string, again: boolean, backward: boolean) => void, closeFind: () => void, goToDestination: (dest: string | unknown[]) => void): ViewerHandle {
  return {
    goTo: (page) => {
      viewer.currentPageNumber = Math.min(Math.max(1, page), viewer.pagesCount);
    },
    turn: (to) => {
      if (to === 'next') viewer.nextPage();
      else if (to === 'previous') viewer.previousPage();
      else viewer.currentPageNumber = to === 'first' ? 1 : viewer.pagesCount;
    },
    zoom: (to) => {
      if (to === 'in') viewer.increaseScale();
      else if (to === 'out') viewer.decreaseScale();
      else viewer.currentScaleValue = FIT_WIDTH;
    },
    find: (query, { again, backward }) => dispatchFind(query, again, backward),
    closeFind,
    goToDestination,
    scrollsAcross: () => viewer.isHorizontalScrollbarEnabled,
  };
}

/**
 * pdf.js's own viewer (continuous scrolling, text layer, find) on a container of this
 * component: created for one document, torn down with it, its events turned into React state.
 */
export function usePdfViewer(pdfjs: Pdfjs, doc: PDFDocumentProxy, container: RefObject<HTMLDivElement | null>): { state: ViewerState; handle: ViewerHandle | null } {
  const [state, setState] = useState<ViewerState>({ page: 1, pages: doc.numPages, scale: 1, fitWidth: true, find: NO_FIND });
  const [handle, setHandle] = useState<ViewerHandle | null>(null);

  useEffect(() => {
    const el = container.current;
    if (!el) return;
    const { EventBus, PDFFindController, PDFLinkService, PDFViewer } = pdfjs.viewer;
    const eventBus = new EventBus();
    const linkService = new PDFLinkService({ eventBus });
    // a link in an application goes nowhere: the app opens no other page
    linkService.externalLinkEnabled = false;
    const findController = new PDFFindController({ eventBus, linkService });
    // Each of these was measured while paging: no links made from text that looks like a URL
    // (they would lead nowhere, and finding them costs a pass over every page's text), and the
    // browser's own selection highlight instead of pdf.js drawing it (which asks for the
    // selection on every page drawn). Without page borders a page fills the pane's width.
    const viewer = new PDFViewer({
      container: el,
      eventBus,
      linkService,
      findController,
      annotationMode: pdfjs.lib.AnnotationMode.ENABLE,
      enableAutoLinking: false,
      enableSelectionRendering: false,
      removePageBorders: true,
    });
    linkService.setViewer(viewer);

    const events = new AbortController();
    const on = <T>(name: string, listener: (event: T) => void) => eventBus.on(name, listener, { signal: events.signal });
    // the toolbar follows pdf.js without holding up the key press that turned the page
    const update = (change: (s: ViewerState) => ViewerState) => startTransition(() => setState(change));
    on('pagesinit', () => {
      viewer.currentScaleValue = FIT_WIDTH;
    });
    on<{ pageNumber: number }>('pagechanging', ({ pageNumber }) => update((s) => ({ ...s, page: pageNumber })));
    on<{ scale: number; presetValue?: string }>('scalechanging', ({ scale, presetValue }) => update((s) => ({ ...s, scale, fitWidth: presetValue === FIT_WIDTH })));
    on<{ matchesCount: { current: number; total: number } }>('updatefindmatchescount', ({ matchesCount }) =>
      update((s) => ({ ...s, find: { ...s.find, current: matchesCount.current, total: matchesCount.total } })),
    );
    on<{ state: number; matchesCount: { current: number; total: number } }>('updatefindcontrolstate', ({ state: found, matchesCount }) =>
      update((s) => ({ ...s, find: { ...s.find, current: matchesCount.current, total: matchesCount.total, pending: found === FIND_PENDING } })),
    );
    let painted = false;
    on<{ pageNumber: number }>('pagerendered', ({ pageNumber }) => {
      if (painted || pageNumber !== 1) return;
      painted = true;
      markFirstPage();
    });

    viewer.setDocument(doc);
    linkService.setDocument(doc);

    // the split, the window and full screen all change the width: stay fitted to it
    let frame = 0;
    const resized = new ResizeObserver(() => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => {
        if (viewer.currentScaleValue === FIT_WIDTH) viewer.currentScaleValue = FIT_WIDTH;
      });
    });
    resized.observe(el);

    const dispatchFind = (query: string, again: boolean, backward: boolean) => {
      eventBus.dispatch('find', { source: null, type: again ? 'again' : '', query, caseSensitive: false, entireWord: false, highlightAll: true, findPrevious: backward, matchDiacritics: false });
    };
    const closeFind = () => {
      setState((s) => ({ ...s, find: NO_FIND }));
      eventBus.dispatch('findbarclose', { source: null });
    };
    const goToDestination = (dest: string | unknown[]) => void linkService.goToDestination(dest);
    setHandle(handleFor(viewer, dispatchFind, closeFind, goToDestination));

    return () => {
      setHandle(null);
      events.abort();
      resized.disconnect();
      cancelAnimationFrame(frame);
      viewer.setDocument(null);
      linkService.setDocument(null);
    };
  }, [pdfjs, doc, container]);

  return { state, handle };
}
