import { Badge, createTheme } from '@mantine/core';

/** System fonts only (nothing is downloaded); CJK faces first so Chinese renders evenly. */
export const theme = createTheme({
  primaryColor: 'indigo',
  defaultRadius: 'md',
  fontFamily:
    'system-ui, -apple-system, "Segoe UI", "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", sans-serif',
  fontFamilyMonospace: 'ui-monospace, "SFMono-Regular", "Cascadia Mono", "Noto Sans Mono CJK SC", monospace',
  headings: { fontWeight: '600' },
  components: {
    // status badges sit in table cells and rows: they keep their full text, in normal case
    Badge: Badge.extend({
      defaultProps: { tt: 'none' },
      styles: { root: { overflow: 'visible', flexShrink: 0 }, label: { overflow: 'visible' } },
    }),
  },
});
