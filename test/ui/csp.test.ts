import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { CSP_HEADER, CSP_META } from '../../src-main/ipc/csp.js';

/** The built page carries the strict policy: scripts only from the app, nothing inline or remote. */

const root = new URL('../../', import.meta.url).pathname;
const built = join(root, 'out/renderer/index.html');

beforeAll(() => {
  if (existsSync(built)) return;
  const result = spawnSync(process.execPath, [join(root, 'node_modules/electron-vite/bin/electron-vite.js'), 'build'], { cwd: root, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`electron-vite build failed:\n${result.stderr}`);
}, 180_000);

function metaCsp(html: string): string | null {
  return /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1] ?? null;
}

describe('the renderer page', () => {
  it('carries the same CSP as the shell and the browser-mode server send', () => {
    const html = readFileSync(built, 'utf8');
    expect(metaCsp(html)).toBe(CSP_META);
    expect(metaCsp(readFileSync(join(root, 'src-renderer/index.html'), 'utf8'))).toBe(CSP_META);
  });

  it('allows scripts from the app only: no inline, no eval, no remote origin', () => {
    expect(CSP_META).toContain("script-src 'self'");
    expect(CSP_META).toContain("default-src 'none'");
    expect(CSP_META).toContain("object-src 'none'");
    expect(CSP_META).not.toMatch(/unsafe-eval|https?:|\*/);
    expect(CSP_META.match(/script-src[^;]*/)?.[0]).not.toContain('unsafe-inline');
    expect(CSP_HEADER).toContain("frame-ancestors 'none'");
  });

  it('has no inline script and loads nothing from another origin', () => {
    const html = readFileSync(built, 'utf8');
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attrs, body] of scripts) {
      expect(attrs).toMatch(/src="\.\//);
      expect(body!.trim()).toBe('');
    }
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//);
  });
});
