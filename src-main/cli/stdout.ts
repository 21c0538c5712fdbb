import { writeSync } from 'node:fs';
import { isatty } from 'node:tty';

/**
 * Standard output written at once when it is a pipe or a file. Through process.stdout, what a
 * pipe cannot take yet is queued, and the process waits for its reader behind whatever V8 runs
 * meanwhile (issue 15: after the results, a garbage collection of some 10 ms). A terminal keeps
 * process.stdout, which writes Unicode to a Windows console; a pipe set not to block (as a process
 * sharing it may leave it) that takes no more at once (EAGAIN) gets the rest, and all later output,
 * through it.
 *
 * A reader that has gone (`pingshen --json results | head`: EPIPE) wants no more: the rest of the
 * output is dropped, and the command itself, which may be writing to the store, goes on to its end.
 */
let throughStream = isatty(1);
let readerGone = false;

const isEpipe = (e: unknown) => (e as NodeJS.ErrnoException).code === 'EPIPE';

function toStream(bytes: Uint8Array): void {
  if (process.stdout.listenerCount('error') === 0) {
    process.stdout.on('error', (e) => {
      if (!isEpipe(e)) throw e;
      readerGone = true;
    });
  }
  process.stdout.write(bytes);
}

export function writeOut(text: string): void {
  if (readerGone) return;
  const bytes = Buffer.from(text);
  let written = 0;
  if (!throughStream) {
    try {
      while (written < bytes.length) written += writeSync(1, bytes, written);
      return;
    } catch (e) {
      if (isEpipe(e)) {
        readerGone = true;
        return;
      }
      if ((e as NodeJS.ErrnoException).code !== 'EAGAIN') throw e;
      throughStream = true;
    }
  }
  toStream(bytes.subarray(written));
}
