import type { Api } from '../../src-main/ipc/contract.js';
import type { IntakeStatus } from '../../src-main/ipc/types.js';

/** How often the intake screen asks how far the import has got. */
export const INTAKE_POLL_MS = 200;

/** The most files one intake call takes, and the most bytes the screen sends in one call. */
export const INTAKE_CALL_FILES = 200;
export const INTAKE_CALL_BYTES = 64 * 1024 * 1024;

/**
 * The picked files in the calls that carry them: as many to a call as the contract takes, a
 * call never over the byte budget unless a single file is (that one goes alone, and the main
 * process judges it).
 */
export function intakeCalls<F extends { size: number }>(files: readonly F[]): F[][] {
  const calls: F[][] = [];
  let current: F[] = [];
  let bytes = 0;
  for (const file of files) {
    if (current.length > 0 && (current.length === INTAKE_CALL_FILES || bytes + file.size > INTAKE_CALL_BYTES)) {
      calls.push(current);
      current = [];
      bytes = 0;
    }
    current.push(file);
    bytes += file.size;
  }
  if (current.length > 0) calls.push(current);
  return calls;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Asks for the intake job's status until it has finished, telling the screen each time; returns the last. */
export async function followIntake(
  api: Api,
  jobId: string,
  onStatus: (status: IntakeStatus) => void,
  wait: (ms: number) => Promise<void> = sleep,
): Promise<IntakeStatus> {
  for (;;) {
    const status = await api.call('bundles.intakeStatus', { jobId });
    onStatus(status);
    if (status.finished) return status;
    await wait(INTAKE_POLL_MS);
  }
}
