import { Badge, Group, Select, Stack, Text, Title, Tooltip } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Empty, Loadable } from '../../components/States.js';
import { useCall } from '../../hooks/useCall.js';
import { MaterialView } from './MaterialView.js';

export type MaterialsSource = ReturnType<typeof useMaterials>;

/**
 * The applicant's list of materials and the reader's name and code, asked for by the workspace
 * as it opens, together with the score sheet, rather than once the sheet is there.
 */
export function useMaterials(editionId: string, applicantId: string) {
  return { editionId, materials: useCall('materials.forReview', { editionId, applicantId }), reader: useCall('experts.me', { editionId }) };
}

/**
 * The applicant's materials beside the scores; read from the store only after "no conflict",
 * and shown only once the reader is known, since every page carries the reader's name.
 */
export function MaterialsPane({ source, onLeave }: { source: MaterialsSource; onLeave: () => void }) {
  const { t } = useTranslation();
  const { editionId, materials, reader } = source;
  const [selected, setSelected] = useState<string | null>(null);

  useEffect(() => {
    if (materials.data && materials.data.length > 0 && !selected) setSelected(materials.data[0]!.id);
  }, [materials.data, selected]);

  return (
    <Stack gap={4} h="100%" data-testid="materials-pane">
      <Loadable
        state={materials}
        empty={(list) => (list.length === 0 ? <Empty icon="file" title={t('materials.none')} description={t('materials.noneHelp')} /> : null)}
      >
        {(list) => {
          const current = list.find((m) => m.id === selected) ?? list[0]!;
          return (
            <>
              <Group gap="xs" wrap="nowrap" px={4}>
                <Title order={5} style={{ whiteSpace: 'nowrap' }}>
                  {t('materials.title')}
                </Title>
                {list.length > 1 ? (
                  <Select
                    size="xs"
                    flex={1}
                    value={current.id}
                    onChange={(v) => v && setSelected(v)}
                    data={list.map((m) => ({ value: m.id, label: m.version > 1 ? t('materials.optionVersion', { name: m.fileName, version: m.version }) : m.fileName }))}
                    allowDeselect={false}
                    aria-label={t('materials.choose')}
                  />
                ) : (
                  <Text size="sm" c="dimmed" truncate data-testid="material-name">
                    {current.fileName}
                  </Text>
                )}
                {current.version > 1 ? (
                  <Tooltip label={t('materials.updatedHelp')} multiline maw={320}>
                    <Badge color="yellow" variant="light" style={{ flexShrink: 0 }} data-testid="material-version">
                      {t('materials.updated', { version: current.version })}
                    </Badge>
                  </Tooltip>
                ) : null}
              </Group>
              <Stack flex={1} mih={0} gap={0}>
                <Loadable state={reader}>{(me) => <MaterialView key={current.id} editionId={editionId} materialId={current.id} reader={me} onLeave={onLeave} />}</Loadable>
              </Stack>
            </>
          );
        }}
      </Loadable>
    </Stack>
  );
}
