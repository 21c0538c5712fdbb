import { Splitter } from '@mantine/core';
import { useLocalStorage } from '@mantine/hooks';
import type { SplitterPaneSize } from '@mantine/hooks';
import type { ReactNode } from 'react';

const TREE_WIDTH = '300px';
const CLOSED = '0px';

/** Where the tree starts: open where the screen leaves the material room beside it. */
const treeAtStart = () => (window.innerWidth >= 1440 ? TREE_WIDTH : CLOSED);

/**
 * The workspace's columns: the criteria tree (which folds away), the item being scored and the
 * materials, with handles to resize them. Each pane scrolls on its own and the page never does.
 * The sizes are remembered on this machine.
 */
export function useWorkspacePanes(): { treeOpen: boolean; toggleTree: () => void; sizes: SplitterPaneSize[]; setSizes: (sizes: SplitterPaneSize[]) => void } {
  const [sizes, setSizes] = useLocalStorage<SplitterPaneSize[]>({ key: 'pingshen.workspace.panes', defaultValue: [treeAtStart(), 44, 56], getInitialValueInEffect: false });
  const treeOpen = sizes[0] !== CLOSED && sizes[0] !== 0;
  const toggleTree = () => setSizes([treeOpen ? CLOSED : TREE_WIDTH, sizes[1] ?? 44, sizes[2] ?? 56]);
  return { treeOpen, toggleTree, sizes, setSizes };
}

export function WorkspacePanes({ tree, item, materials, sizes, onSizes }: { tree: ReactNode | null; item: ReactNode; materials: ReactNode | null; sizes: SplitterPaneSize[]; onSizes: (sizes: SplitterPaneSize[]) => void }) {
  const [treeSize = TREE_WIDTH, itemSize = 44, materialsSize = 56] = sizes;
  const panes = materials ? [treeSize, itemSize, materialsSize] : [treeSize, itemSize];
  return (
    <Splitter
      key={materials ? 'with-materials' : 'without'}
      sizes={panes}
      onSizeChange={(next) => onSizes(materials ? next : [next[0] ?? treeSize, itemSize, materialsSize])}
      flex={1}
      mih={0}
      lineSize={6}
      data-testid="workspace-panes"
    >
      <Splitter.Pane defaultSize={TREE_WIDTH} min="220px" max="420px" collapsible>
        {tree}
      </Splitter.Pane>
      <Splitter.Pane defaultSize={44} min="340px" px={8} data-testid="item-pane">
        {item}
      </Splitter.Pane>
      {materials ? (
        <Splitter.Pane defaultSize={56} min="360px" style={{ overflow: 'hidden' }}>
          {materials}
        </Splitter.Pane>
      ) : null}
    </Splitter>
  );
}
