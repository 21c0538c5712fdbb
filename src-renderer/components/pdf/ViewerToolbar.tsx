import { Group, Text } from '@mantine/core';
import type { Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { FindBox } from './FindBox.js';
import { PageJump } from './PageJump.js';
import { ToolButton } from './ToolButton.js';
import type { ViewerHandle, ViewerState } from './usePdfViewer.js';

interface ViewerToolbarProps {
  state: ViewerState;
  handle: ViewerHandle;
  sidebar: boolean;
  onSidebar: () => void;
  full: boolean;
  onFull: () => void;
  findRef: Ref<HTMLInputElement>;
  /** gives the keys back to the pages after typing a page number or a search */
  focusPages: () => void;
}

export function ViewerToolbar({ state, handle, sidebar, onSidebar, full, onFull, findRef, focusPages }: ViewerToolbarProps) {
  const { t } = useTranslation();
  return (
    <Group justify="space-between" gap="xs" px={4} py={4} data-testid="pdf-toolbar">
      <Group gap={4} wrap="nowrap">
        <ToolButton label={t('pdf.sidebar')} icon="sidebar" onClick={onSidebar} pressed={sidebar} testId="pdf-sidebar-toggle" />
        <ToolButton label={t('pdf.previous')} icon="chevronLeft" onClick={() => handle.turn('previous')} disabled={state.page <= 1} />
        <PageJump page={state.page} pages={state.pages} onGo={handle.goTo} onDone={focusPages} />
        <ToolButton label={t('pdf.next')} icon="chevronRight" onClick={() => handle.turn('next')} disabled={state.page >= state.pages} />
      </Group>
      <FindBox ref={findRef} status={state.find} onFind={handle.find} onClose={handle.closeFind} onDone={focusPages} />
      <Group gap={2} wrap="nowrap">
        <ToolButton label={t('pdf.zoomOut')} icon="minus" onClick={() => handle.zoom('out')} />
        <Text size="xs" w={40} ta="center" data-testid="pdf-zoom">
          {Math.round(state.scale * 100)}%
        </Text>
        <ToolButton label={t('pdf.zoomIn')} icon="plus" onClick={() => handle.zoom('in')} />
        <ToolButton label={t('pdf.fitWidth')} icon="fitWidth" onClick={() => handle.zoom('fit')} pressed={state.fitWidth} />
        <ToolButton label={full ? t('pdf.exitFullScreen') : t('pdf.fullScreen')} icon={full ? 'minimize' : 'maximize'} onClick={onFull} pressed={full} testId="pdf-full" />
      </Group>
    </Group>
  );
}
