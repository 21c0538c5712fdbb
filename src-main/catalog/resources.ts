import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Where `resources/` (criteria, profiles, fonts, templates) lives. The packaged app sets
 * PINGSHEN_RESOURCES to its resources folder; in development and tests it is found by walking
 * up from this file to the package root, so the same code runs from src-main, out/ and the CLI.
 */
export function resourcesDir(): string {
  const fromEnv = process.env.PINGSHEN_RESOURCES;
  if (fromEnv) return fromEnv;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg) && JSON.parse(readFileSync(pkg, 'utf8')).name === 'pingshen') {
      return join(dir, 'resources');
    }
    const parent = dirname(dir);
    if (parent === dir) throw new Error('Pingshen resources folder not found; set PINGSHEN_RESOURCES');
    dir = parent;
  }
}

export function resourcePath(...parts: string[]): string {
  return join(resourcesDir(), ...parts);
}
