import 'pdfjs-dist/web/pdf_viewer.css';
import './pdf-viewer.css';
import { Alert, Box } from '@mantine/core';
import { useLocalStorage } from '@mantine/hooks';
import type { PDFDocumentProxy } from 'pdfjs-dist';
import { useCallback, useRef, type CSSProperties, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadingState } from '../States.js';
import { viewerAction } from './keys.js';
import type { Pdfjs } from './pdfjs.js';
import { usePdfDocument } from './usePdfDocument.js';
import { useFullView } from './useFullView.js';
import { usePdfViewer } from './usePdfViewer.js';
import { ViewerSidebar, type SidebarView } from './ViewerSidebar.js';
import { ViewerToolbar } from './ViewerToolbar.js';
import { watermarkImage } from './watermark.js';

interface ViewerProps {
  /** the line every page carries (watermark.ts) */
  watermark: string;
  /** Esc on the pages: hand the keys back to whoever had them before */
  onLeave?: () => void;
}

const isTextField = (target: EventTarget) => target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement;

function ViewerFrame({ pdfjs, doc, watermark, onLeave }: ViewerProps & { pdfjs: Pdfjs; doc: PDFDocumentProxy }) {
  const { t } = useTranslation();
  const pages = useRef<HTMLDivElement>(null);
  const find = useRef<HTMLInputElement>(null);
  const { state, handle } = usePdfViewer(pdfjs, doc, pages);
  const [full, setFull] = useFullView();
  const [sidebar, setSidebar] = useLocalStorage<SidebarView | null>({ key: 'pingshen.viewer.sidebar', defaultValue: null });
  const focusPages = useCallback(() => pages.current?.focus(), []);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    // the page and search boxes handle their own keys
    if (!handle || isTextField(event.target)) return;
    const action = viewerAction(event.key, { ctrl: event.ctrlKey, alt: event.altKey, meta: event.metaKey }, handle.scrollsAcross());
    switch (action.kind) {
      case 'page':
        handle.turn(action.to);
        break;
      case 'zoom':
        handle.zoom(action.to);
        break;
      case 'find':
        find.current?.focus();
        find.current?.select();
        break;
      case 'leave':
        if (full) setFull(false);
        else if (onLeave) onLeave();
        else return;
        break;
      default:
        return;
    }
    event.preventDefault();
  };

  return (
    <Box
      className="ps-viewer"
      data-full={full || undefined}
      data-own-keys
      data-testid="pdf-viewer"
      onKeyDown={onKeyDown}
      style={{ '--ps-watermark': watermarkImage(watermark) } as CSSProperties}
    >
      {handle ? (
        <ViewerToolbar
          state={state}
          handle={handle}
          sidebar={sidebar !== null}
          onSidebar={() => setSidebar(sidebar === null ? 'thumbnails' : null)}
          full={full}
          onFull={() => setFull(!full)}
          findRef={find}
          focusPages={focusPages}
        />
      ) : null}
      <Box className="ps-viewer-body">
        {sidebar !== null && handle ? <ViewerSidebar doc={doc} view={sidebar} onView={setSidebar} page={state.page} onPage={handle.goTo} onDestination={handle.goToDestination} /> : null}
        <Box className="ps-viewer-stage">
          <div ref={pages} className="ps-viewer-pages" tabIndex={0} role="document" aria-label={t('pdf.pages')} data-testid="pdf-pages-view">
            <div className="pdfViewer" />
          </div>
        </Box>
      </Box>
    </Box>
  );
}

/**
 * Shows a PDF from bytes held in memory: the applicant's material is never written to disk,
 * nor given a URL. pdf.js parses it in its worker and lays it out as one continuous, searchable,
 * selectable column of pages fitted to the pane's width, with the reader's watermark on each.
 */
export function PdfViewer({ bytes, watermark, onLeave }: ViewerProps & { bytes: Uint8Array }) {
  const { t } = useTranslation();
  const load = usePdfDocument(bytes);
  if (load.kind === 'failed') {
    return (
      <Alert color="red" variant="light" role="alert">
        {t('pdf.unreadable')}
      </Alert>
    );
  }
  if (load.kind === 'loading') return <LoadingState label={t('pdf.loading')} />;
  return <ViewerFrame pdfjs={load.pdfjs} doc={load.doc} watermark={watermark} onLeave={onLeave} />;
}
