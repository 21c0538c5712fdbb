/** A hidden page paints nothing; past this, what waits for the paint runs anyway. */
const HIDDEN_PAGE_MS = 100;

/**
 * Runs `task` once the frame being prepared is painted: in a task of its own after the next
 * animation frame, so that it holds up neither the keystroke's handlers nor its paint.
 */
export function afterNextPaint(task: () => void): void {
  let done = false;
  const once = () => {
    if (done) return;
    done = true;
    task();
  };
  requestAnimationFrame(() => setTimeout(once, 0));
  setTimeout(once, HIDDEN_PAGE_MS);
}
