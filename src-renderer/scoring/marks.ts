/**
 * A user-timing mark for the moment the scoring workspace answers keys (the sheet loaded, the
 * score pad focused), read by the end-to-end run that measures the scoring screen
 * (test/e2e/scoring.test.ts) and visible in any profiler.
 */
export const WORKSPACE_READY_MARK = 'pingshen:workspace-ready';

export function markWorkspaceReady(): void {
  performance.clearMarks(WORKSPACE_READY_MARK);
  performance.mark(WORKSPACE_READY_MARK);
}
