import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The floor plan, checked from the code's own imports: each file may import only from its own
 * layer or the layers below, the hosts (Electron shell, browser mode, CLI) never import each
 * other, a feature never imports another feature, and no files import each other in a circle.
 * README.md names the layers.
 */

const ROOT = resolve(dirname(new URL(import.meta.url).pathname), '../..');

/** src-main, lowest first. Folders on one line are siblings of one layer. */
const MAIN_LAYERS: string[][] = [
  ['domain', 'types'],
  ['criteria'],
  ['rules'],
  ['profile'],
  ['scoring'],
  ['catalog', 'crypto', 'audit', 'store', 'seal', 'xlsx', 'exchange', 'report'],
  ['features'],
  ['ipc'],
  ['shell', 'browser', 'cli', 'preload'],
];
const HOSTS = ['shell', 'browser', 'cli', 'preload'];

/** Inside features/: the call machinery, then table access, then the shared gates, then each feature, then the table of all and the entry points. */
const FEATURE_LAYERS: ((path: string) => boolean)[] = [
  (p) => /^features\/(call|boundary|client|context)\.ts$/.test(p),
  (p) => p.startsWith('features/repo/'),
  (p) => /^features\/(gates|sealing|pool-entry)\.ts$/.test(p),
  (p) => /^features\/[^/]+\/[^/]+\.ts$/.test(p) && !p.startsWith('features/repo/'),
  (p) => /^features\/(index|open|store-open|store-backup)\.ts$/.test(p),
];

/** src-renderer, lowest first. */
const RENDERER_LAYERS: string[][] = [
  ['transport', 'format', 'i18n', 'scoring', 'secretariat'],
  ['stores', 'context'],
  ['hooks'],
  ['components'],
  ['screens'],
  ['app'],
  ['main.tsx'],
];
/** What the renderer may take from src-main: vocabulary, pure rules and the contract's types. */
const RENDERER_MAY_USE = ['domain/', 'criteria/', 'scoring/', 'profile/', 'rules/', 'ipc/contract.ts', 'ipc/types.ts', 'ipc/wire.ts', 'ipc/report-set/types.ts'];

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.(ts|tsx)$/.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

const IMPORT = /(?:^|\n)\s*(?:import|export)\s+(?:type\s+)?(?:[^'";]*?\s+from\s+)?'([^']+)'|import\(\s*'([^']+)'\s*\)/g;

function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const found: string[] = [];
  for (const m of text.matchAll(IMPORT)) {
    const spec = m[1] ?? m[2];
    if (!spec?.startsWith('.')) continue;
    const target = resolve(dirname(file), spec).replace(/\.js$/, '');
    for (const ext of ['.ts', '.tsx']) {
      try {
        if (statSync(target + ext).isFile()) found.push(target + ext);
      } catch {
        // not this extension
      }
    }
  }
  return found;
}

const files = [...sources(join(ROOT, 'src-main')), ...sources(join(ROOT, 'src-renderer'))];
const graph = new Map(files.map((f) => [f, importsOf(f)]));
const rel = (f: string) => relative(ROOT, f);

function layerIn(layers: string[][], path: string): number {
  const top = path.split('/')[0]!;
  return layers.findIndex((names) => names.includes(top));
}

function violations(check: (from: string, to: string) => string | null): string[] {
  const found: string[] = [];
  for (const [from, tos] of graph) {
    for (const to of tos) {
      const why = check(rel(from), rel(to));
      if (why) found.push(`${rel(from)} → ${rel(to)}: ${why}`);
    }
  }
  return found;
}

describe('the layers', () => {
  it('lets src-main import only from its own layer or below, and never from the renderer', () => {
    expect(
      violations((from, to) => {
        if (!from.startsWith('src-main/')) return null;
        if (to.startsWith('src-renderer/')) return 'the main process does not import the renderer';
        const a = from.slice('src-main/'.length);
        const b = to.slice('src-main/'.length);
        const la = layerIn(MAIN_LAYERS, a);
        const lb = layerIn(MAIN_LAYERS, b);
        if (la < 0) return `${a.split('/')[0]} is in no layer: name it in MAIN_LAYERS and the README`;
        return lb > la ? `a lower layer (${a.split('/')[0]}) imports a higher one (${b.split('/')[0]})` : null;
      }),
    ).toEqual([]);
  });

  it('keeps the hosts apart: the Electron shell, browser mode and the CLI share only what lies below them', () => {
    expect(
      violations((from, to) => {
        const a = from.split('/')[1]!;
        const b = to.split('/')[1]!;
        return from.startsWith('src-main/') && HOSTS.includes(a) && HOSTS.includes(b) && a !== b ? `host ${a} imports host ${b}` : null;
      }),
    ).toEqual([]);
  });

  it('keeps each feature to itself: features share only the call machinery, the tables and the gates below them', () => {
    const level = (p: string) => FEATURE_LAYERS.findIndex((is) => is(p));
    expect(
      violations((from, to) => {
        const a = from.slice('src-main/'.length);
        const b = to.slice('src-main/'.length);
        if (!a.startsWith('features/') || !b.startsWith('features/')) return null;
        const fa = a.split('/')[1]!;
        const fb = b.split('/')[1]!;
        if (level(a) === 3 && level(b) === 3 && fa !== fb) return `feature ${fa} imports feature ${fb}`;
        return level(b) > level(a) ? 'a lower part of features/ imports a higher one' : null;
      }),
    ).toEqual([]);
  });

  it('lets the renderer import only from its own layer or below, and from src-main only the vocabulary, pure rules and the contract', () => {
    expect(
      violations((from, to) => {
        if (!from.startsWith('src-renderer/')) return null;
        if (to.startsWith('src-main/')) {
          const b = to.slice('src-main/'.length);
          return RENDERER_MAY_USE.some((p) => b === p || b.startsWith(p)) ? null : 'the renderer reaches into the main process';
        }
        const a = from.slice('src-renderer/'.length);
        const b = to.slice('src-renderer/'.length);
        const la = layerIn(RENDERER_LAYERS, a);
        if (la < 0) return `${a.split('/')[0]} is in no layer: name it in RENDERER_LAYERS and the README`;
        return layerIn(RENDERER_LAYERS, b) > la ? `a lower layer (${a.split('/')[0]}) imports a higher one (${b.split('/')[0]})` : null;
      }),
    ).toEqual([]);
  });

  it('has the ground floor stand on nothing of the project', () => {
    expect(violations((from, to) => (from.startsWith('src-main/domain/') && !to.startsWith('src-main/domain/') ? 'domain imports nothing above it' : null))).toEqual([]);
  });

  it('has no import cycles', () => {
    const cycles: string[] = [];
    const state = new Map<string, 'open' | 'done'>();
    const walk = (file: string, path: string[]): void => {
      state.set(file, 'open');
      for (const next of graph.get(file) ?? []) {
        if (state.get(next) === 'open') cycles.push([...path.slice(path.indexOf(next)), next].map(rel).join(' → '));
        else if (!state.has(next)) walk(next, [...path, next]);
      }
      state.set(file, 'done');
    };
    for (const file of files) if (!state.has(file)) walk(file, [file]);
    expect(cycles).toEqual([]);
  });

  it('reads every source file and its imports (so the checks above cannot pass by seeing nothing)', () => {
    expect(files.length).toBeGreaterThan(200);
    expect([...graph.values()].reduce((n, tos) => n + tos.length, 0)).toBeGreaterThan(500);
  });
});
