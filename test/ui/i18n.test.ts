import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/** Every string on screen comes from the message files, in both languages. */

const root = new URL('../../src-renderer/', import.meta.url).pathname;
const zh = JSON.parse(readFileSync(join(root, 'i18n/zh.json'), 'utf8')) as Record<string, unknown>;
const en = JSON.parse(readFileSync(join(root, 'i18n/en.json'), 'utf8')) as Record<string, unknown>;

function keys(obj: Record<string, unknown>, prefix = ''): string[] {
  return Object.entries(obj).flatMap(([k, v]) => (typeof v === 'object' && v !== null ? keys(v as Record<string, unknown>, `${prefix}${k}.`) : [`${prefix}${k}`]));
}

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'i18n' ? [] : sources(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

const files = sources(root);

describe('message files', () => {
  it('have the same keys in Chinese and English, none empty', () => {
    expect(keys(zh).sort()).toEqual(keys(en).sort());
    for (const k of keys(zh)) {
      const z = k.split('.').reduce<unknown>((o, p) => (o as Record<string, unknown>)[p], zh);
      const e = k.split('.').reduce<unknown>((o, p) => (o as Record<string, unknown>)[p], en);
      expect(String(z).trim(), k).not.toBe('');
      expect(String(e).trim(), k).not.toBe('');
    }
  });

  it('hold every key the screens ask for', () => {
    const known = new Set(keys(zh));
    const missing: string[] = [];
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/\bt\(\s*'([a-zA-Z][\w.-]*)'/g)) if (!known.has(m[1]!)) missing.push(`${file}: ${m[1]}`);
    }
    expect(missing).toEqual([]);
  });

  it('are the only place with Chinese text in the renderer', () => {
    const offenders = files.filter((f) => /[\u3400-\u9fff\u3000-\u303f\uff00-\uffef]/.test(readFileSync(f, 'utf8')));
    expect(offenders).toEqual([]);
  });
});
