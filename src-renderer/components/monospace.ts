/** A field for keys and fingerprints: what is typed in monospace, its label and help as every other field's. */
export const MONOSPACE_INPUT = { input: { fontFamily: 'var(--mantine-font-family-monospace)' } } as const;
