import { Alert } from '@mantine/core';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExpertSelf } from '../../../src-main/domain/people.js';
import { useViewer } from '../../components/pdf/loadViewer.js';
import { markMaterialRequested } from '../../components/pdf/marks.js';
import { watermarkLine } from '../../components/pdf/watermark.js';
import { Loadable, LoadingState } from '../../components/States.js';
import { useCall } from '../../hooks/useCall.js';
import { useMinute } from '../../hooks/useMinute.js';
import { useTimeZone } from '../../hooks/useTimeZone.js';

/** One material: its bytes from the store, shown with the reader's watermark, renewed each minute. */
export function MaterialView({ editionId, materialId, reader, onLeave }: { editionId: string; materialId: string; reader: ExpertSelf; onLeave: () => void }) {
  const { t } = useTranslation();
  const now = useMinute();
  const timeZone = useTimeZone(editionId);
  // declared before the call so that the mark precedes the request
  useEffect(() => markMaterialRequested(), [materialId]);
  const bytes = useCall('materials.read', { editionId, materialId });
  const { viewer: PdfViewer, failed } = useViewer();
  if (failed) {
    return (
      <Alert color="red" variant="light" role="alert">
        {t('pdf.viewerFailed')}
      </Alert>
    );
  }
  return <Loadable state={bytes}>{(data) => (PdfViewer ? <PdfViewer bytes={data} watermark={watermarkLine(reader, now, timeZone)} onLeave={onLeave} /> : <LoadingState label={t('pdf.loading')} />)}</Loadable>;
}
