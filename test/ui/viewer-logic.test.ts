import { describe, expect, it } from 'vitest';
import { viewerAction } from '../../src-renderer/components/pdf/keys.js';
import { watermarkImage, watermarkLine } from '../../src-renderer/components/pdf/watermark.js';

const none = { ctrl: false, alt: false, meta: false };
const ctrl = { ...none, ctrl: true };

describe('keys in the materials viewer', () => {
  it('turn whole pages with PageDown, PageUp, Home and End', () => {
    expect(viewerAction('PageDown', none, false)).toEqual({ kind: 'page', to: 'next' });
    expect(viewerAction('PageUp', none, false)).toEqual({ kind: 'page', to: 'previous' });
    expect(viewerAction('Home', none, false)).toEqual({ kind: 'page', to: 'first' });
    expect(viewerAction('End', none, false)).toEqual({ kind: 'page', to: 'last' });
  });

  it('turn pages with the side arrows, unless a zoomed page needs them to scroll across', () => {
    expect(viewerAction('ArrowRight', none, false)).toEqual({ kind: 'page', to: 'next' });
    expect(viewerAction('ArrowLeft', none, false)).toEqual({ kind: 'page', to: 'previous' });
    expect(viewerAction('ArrowRight', none, true)).toEqual({ kind: 'none' });
  });

  it('leave the up and down arrows to scroll within a page', () => {
    expect(viewerAction('ArrowDown', none, false)).toEqual({ kind: 'none' });
    expect(viewerAction('ArrowUp', none, false)).toEqual({ kind: 'none' });
  });

  it('zoom and search with Ctrl, and hand the keys back with Esc', () => {
    expect(viewerAction('=', ctrl, false)).toEqual({ kind: 'zoom', to: 'in' });
    expect(viewerAction('-', ctrl, false)).toEqual({ kind: 'zoom', to: 'out' });
    expect(viewerAction('0', ctrl, false)).toEqual({ kind: 'zoom', to: 'fit' });
    expect(viewerAction('f', ctrl, false)).toEqual({ kind: 'find' });
    expect(viewerAction('f', { ...none, meta: true }, false)).toEqual({ kind: 'find' });
    expect(viewerAction('Escape', none, false)).toEqual({ kind: 'leave' });
    expect(viewerAction('PageDown', { ...none, alt: true }, false)).toEqual({ kind: 'none' });
  });
});

describe('the watermark', () => {
  it('names the reader and the Beijing time to the minute', () => {
    expect(watermarkLine({ name: '张伟', code: 'E03' }, new Date('2026-12-01T06:05:30Z'))).toBe('张伟 E03 2026-12-01 14:05');
  });

  it('is a CSS image that carries the line, with markup in a name kept as text', () => {
    const image = watermarkImage('A&B <x> E01 2026-12-01 14:05');
    expect(image.startsWith('url("data:image/svg+xml,')).toBe(true);
    const svg = decodeURIComponent(image.slice('url("data:image/svg+xml,'.length, -2));
    expect(svg).toContain('A&#38;B &#60;x&#62; E01 2026-12-01 14:05');
    expect(svg).not.toContain('<x>');
    expect(image.slice(5, -2)).not.toContain('"');
  });
});
