/** A handful of stroke icons drawn inline: no icon font, nothing fetched. */
const PATHS = {
  lock: 'M6 11V8a6 6 0 0 1 12 0v3M5 11h14v10H5z',
  upload: 'M12 16V4m0 0-5 5m5-5 5 5M4 20h16',
  download: 'M12 4v12m0 0-5-5m5 5 5-5M4 20h16',
  check: 'M5 12l5 5L20 7',
  plus: 'M12 5v14M5 12h14',
  alert: 'M12 8v5m0 3v.01M10.3 3.9 2.5 18a2 2 0 0 0 1.7 3h15.6a2 2 0 0 0 1.7-3L13.7 3.9a2 2 0 0 0-3.4 0z',
  file: 'M14 3H6v18h12V7zm0 0v4h4',
  inbox: 'M4 13h4l2 3h4l2-3h4M4 13l3-8h10l3 8v6H4z',
  users: 'M9 11a4 4 0 1 0 0-8 4 4 0 0 0 0 8zm-7 10v-1a6 6 0 0 1 12 0v1m3-10a3 3 0 1 0 0-6m2 16v-1a5 5 0 0 0-3-4.6',
  key: 'M12 15a4 4 0 1 1-8 0 4 4 0 0 1 8 0zm-1.2-2.8L20 3m-3 3 3 3m-6 0 2 2',
  chart: 'M4 20V10m6 10V4m6 16v-7m4 7H2',
  gavel: 'M14 4l6 6m-8-4 6 6m-9-3 6 6M3 21l7-7',
  settings: 'M12 15a3 3 0 1 0 0-6 3 3 0 0 0 0 6zm7-3 2-1-1-3-2 .2-1.5-1.5.2-2-3-1-1 2h-1.4l-1-2-3 1 .2 2L6.3 7.2l-2-.2-1 3 2 1v1.4l-2 1 1 3 2-.2 1.5 1.5-.2 2 3 1 1-2h1.4l1 2 3-1-.2-2 1.5-1.5 2 .2 1-3-2-1z',
  search: 'M11 18a7 7 0 1 0 0-14 7 7 0 0 0 0 14zm5-2 5 5',
  chevronUp: 'M6 15l6-6 6 6',
  chevronDown: 'M6 9l6 6 6-6',
  chevronLeft: 'M15 6l-6 6 6 6',
  chevronRight: 'M9 6l6 6-6 6',
  minus: 'M5 12h14',
  fitWidth: 'M3 5v14M21 5v14M7 12h10m-7-3-3 3 3 3m4-6 3 3-3 3',
  sidebar: 'M4 4h16v16H4zm5 0v16',
  maximize: 'M4 9V4h5M15 4h5v5M20 15v5h-5M9 20H4v-5',
  minimize: 'M9 4v5H4M20 9h-5V4M15 20v-5h5M4 15h5v5',
} as const;

export type IconName = keyof typeof PATHS;

export function Icon({ name, size = 18 }: { name: IconName; size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={1.8} strokeLinecap="round" strokeLinejoin="round" aria-hidden="true">
      <path d={PATHS[name]} />
    </svg>
  );
}
