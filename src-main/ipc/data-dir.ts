import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

/**
 * Where the stores live: --data-dir (or --data-dir=…) wins, then PINGSHEN_DATA_DIR, then the
 * platform default the caller passes (Electron's user-data folder; ~/.pingshen in browser mode).
 */
export function dataDirFromArgs(argv: readonly string[], env: NodeJS.ProcessEnv, fallback: string): string {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--data-dir' && argv[i + 1]) return resolve(argv[i + 1]!);
    if (arg.startsWith('--data-dir=') && arg.length > '--data-dir='.length) return resolve(arg.slice('--data-dir='.length));
  }
  if (env.PINGSHEN_DATA_DIR) return resolve(env.PINGSHEN_DATA_DIR);
  return fallback;
}

export function defaultBrowserDataDir(): string {
  return join(homedir(), '.pingshen');
}
