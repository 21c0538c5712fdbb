import { Card, Select, Stack, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PdfViewer } from '../../components/PdfViewer.js';
import { Empty, Loadable } from '../../components/States.js';
import { useCall } from '../../hooks/useCall.js';

function MaterialView({ editionId, materialId, name }: { editionId: string; materialId: string; name: string }) {
  const bytes = useCall('materials.read', { editionId, materialId });
  return <Loadable state={bytes}>{(data) => <PdfViewer bytes={data} name={name} />}</Loadable>;
}

/** The applicant's materials beside the scores; read from the store only after "no conflict". */
export function MaterialsPane({ editionId, applicantId }: { editionId: string; applicantId: string }) {
  const { t } = useTranslation();
  const materials = useCall('materials.forReview', { editionId, applicantId });
  const [selected, setSelected] = useState<string | null>(null);

  useEffect(() => {
    if (materials.data && materials.data.length > 0 && !selected) setSelected(materials.data[0]!.id);
  }, [materials.data, selected]);

  return (
    <Card withBorder padding="sm" h="100%">
      <Stack gap="xs">
        <Title order={5}>{t('materials.title')}</Title>
        <Loadable
          state={materials}
          empty={(list) => (list.length === 0 ? <Empty icon="file" title={t('materials.none')} description={t('materials.noneHelp')} /> : null)}
        >
          {(list) => {
            const current = list.find((m) => m.id === selected) ?? list[0]!;
            return (
              <>
                {list.length > 1 ? (
                  <Select
                    size="xs"
                    value={current.id}
                    onChange={(v) => v && setSelected(v)}
                    data={list.map((m) => ({ value: m.id, label: m.fileName }))}
                    allowDeselect={false}
                    aria-label={t('materials.choose')}
                  />
                ) : null}
                <MaterialView key={current.id} editionId={editionId} materialId={current.id} name={current.fileName} />
              </>
            );
          }}
        </Loadable>
      </Stack>
    </Card>
  );
}
