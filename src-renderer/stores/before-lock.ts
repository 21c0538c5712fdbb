/**
 * Work that must finish before the store closes (the scoring workspace's unsaved keystrokes).
 * The lock waits for every registered flush, with a cap so a dead back end cannot keep the
 * session open forever.
 */
const flushes = new Set<() => Promise<void>>();

export function onBeforeLock(flush: () => Promise<void>): () => void {
  flushes.add(flush);
  return () => flushes.delete(flush);
}

export async function runBeforeLock(capMs = 5_000): Promise<void> {
  const all = Promise.allSettled([...flushes].map((f) => f()));
  await Promise.race([all, new Promise((resolve) => setTimeout(resolve, capMs))]);
}
