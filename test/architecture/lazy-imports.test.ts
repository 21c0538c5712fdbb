import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * A module the code loads lazily (`await import(…)`, so that pdfmake, the fonts, age or jose load
 * only when first needed) stays lazy only while nothing the entry loads at start imports it
 * statically: otherwise the bundler keeps it in the entry's chunk and the lazy import does
 * nothing (electron-vite's build warns "INEFFECTIVE_DYNAMIC_IMPORT"). Read from the code's own
 * imports, type-only ones left out as the compiler leaves them out.
 */

const ROOT = resolve(dirname(new URL(import.meta.url).pathname), '../..');
const MAIN = join(ROOT, 'src-main');
/** the Electron build's entry (electron.vite.config.ts) and the command line's (vite.cli.config.ts) */
const ENTRIES = ['shell/main.ts', 'cli/index.ts'];

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return name.endsWith('.ts') && !name.endsWith('.d.ts') ? [path] : [];
  });
}

function resolveSpec(file: string, spec: string): string | null {
  if (!spec.startsWith('.')) return null;
  const target = resolve(dirname(file), spec).replace(/\.js$/, '.ts');
  return statSync(target, { throwIfNoEntry: false })?.isFile() ? target : null;
}

const STATIC = /^\s*(import|export)\s+(type\s+)?([^'";]*?)\s*(?:from\s+)?'([^']+)';?/gm;
const DYNAMIC = /import\(\s*'([^']+)'\s*\)/g;

/** Whether a static import or export loads the module at run time: not `import type`, not one naming only types. */
function loadsAtRunTime(typeKeyword: string | undefined, clause: string): boolean {
  if (typeKeyword) return false;
  const named = /^\{([^}]*)\}$/.exec(clause.trim());
  if (!named) return true;
  const names = named[1]!.split(',').map((n) => n.trim()).filter((n) => n !== '');
  // `import {} from` and `import { type A, type B } from` are erased; a side-effect import has no clause and loads
  return names.some((n) => !n.startsWith('type '));
}

interface Imports {
  eager: string[];
  lazy: string[];
}

function importsOf(file: string): Imports {
  const text = readFileSync(file, 'utf8');
  const eager: string[] = [];
  const lazy: string[] = [];
  for (const m of text.matchAll(STATIC)) {
    const [, keyword, typeKeyword, clause, spec] = m;
    if (keyword === 'export' && !/\bfrom\b/.test(m[0])) continue;
    const target = resolveSpec(file, spec!);
    if (target && loadsAtRunTime(typeKeyword, clause!.replace(/\s+from$/, ''))) eager.push(target);
  }
  for (const m of text.matchAll(DYNAMIC)) {
    const target = resolveSpec(file, m[1]!);
    if (target) lazy.push(target);
  }
  return { eager, lazy };
}

const graph = new Map(sources(MAIN).map((f) => [f, importsOf(f)]));
const rel = (f: string) => relative(MAIN, f);

/** Every module the entry loads at start, each with the chain of static imports that brings it in. */
function loadedAtStart(entry: string): Map<string, string[]> {
  const chains = new Map<string, string[]>([[entry, [entry]]]);
  const queue = [entry];
  while (queue.length > 0) {
    const file = queue.shift()!;
    for (const next of graph.get(file)?.eager ?? []) {
      if (chains.has(next)) continue;
      chains.set(next, [...chains.get(file)!, next]);
      queue.push(next);
    }
  }
  return chains;
}

describe('lazy imports', () => {
  for (const entry of ENTRIES) {
    it(`stay lazy from ${entry}: no module loaded at start imports statically what another loads lazily`, () => {
      const start = loadedAtStart(join(MAIN, entry));
      const ineffective: string[] = [];
      for (const [file] of start) {
        for (const target of graph.get(file)!.lazy) {
          const chain = start.get(target);
          if (chain) ineffective.push(`${rel(target)} is imported lazily by ${rel(file)}, but loaded at start by ${chain.map(rel).join(' → ')}`);
        }
      }
      expect(ineffective).toEqual([]);
    });
  }

  it('reads the entries, their static imports and the lazy ones (so the check cannot pass by seeing nothing)', () => {
    const start = loadedAtStart(join(MAIN, ENTRIES[0]!));
    expect(start.size).toBeGreaterThan(100);
    expect([...start.keys()].flatMap((f) => graph.get(f)!.lazy).length).toBeGreaterThan(5);
  });
});
