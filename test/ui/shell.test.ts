import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveStaticPath } from '../../src-main/ipc/static-files.js';
import { dataDirFromArgs } from '../../src-main/ipc/data-dir.js';
import { allowNavigation, allowPermission, allowRequest, APP_ENTRY_URL, isAppUrl, isTrustedSender } from '../../src-main/shell/trust.js';
import { windowOptions } from '../../src-main/shell/window-options.js';

/** The Electron shell's security decisions, as pure functions, without Electron. */

describe('the main window', () => {
  it('runs the renderer isolated, sandboxed, without Node and with web security on', () => {
    const prefs = windowOptions('/app/out/preload/index.cjs', { devTools: false }).webPreferences!;
    expect(prefs).toMatchObject({
      preload: '/app/out/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      devTools: false,
    });
    expect(prefs).not.toHaveProperty('enableBlinkFeatures');
    expect(prefs).not.toHaveProperty('additionalArguments');
  });
});

describe('who the shell trusts', () => {
  it('serves IPC only to our page in its top frame', () => {
    expect(isTrustedSender({ url: APP_ENTRY_URL, parent: null })).toBe(true);
    expect(isTrustedSender({ url: 'app://pingshen/index.html#x', parent: null })).toBe(true);
    expect(isTrustedSender({ url: APP_ENTRY_URL, parent: {} })).toBe(false);
    expect(isTrustedSender({ url: 'https://evil.example/', parent: null })).toBe(false);
    expect(isTrustedSender({ url: 'file:///work/main/out/renderer/index.html', parent: null })).toBe(false);
    expect(isTrustedSender({ url: 'app://pingshen.evil/index.html', parent: null })).toBe(false);
    expect(isTrustedSender({ url: 'app://user:pw@pingshen/index.html', parent: null })).toBe(false);
    expect(isTrustedSender({ url: '', parent: null })).toBe(false);
    expect(isTrustedSender(null)).toBe(false);
  });

  it('never navigates away from the app', () => {
    expect(allowNavigation(APP_ENTRY_URL)).toBe(true);
    for (const url of ['https://example.com/', 'http://127.0.0.1:8080/', 'file:///etc/passwd', 'javascript:alert(1)', 'app://other/index.html']) {
      expect(allowNavigation(url)).toBe(false);
    }
  });

  it('lets the renderer load nothing from the network', () => {
    expect(allowRequest('app://pingshen/assets/index.js')).toBe(true);
    expect(allowRequest('blob:app://pingshen/123')).toBe(true);
    for (const url of ['https://cdn.example/x.js', 'http://localhost/', 'ws://127.0.0.1/', 'file:///etc/hosts', 'ftp://x/', 'app://elsewhere/x', 'not a url']) {
      expect(allowRequest(url)).toBe(false);
    }
    expect(isAppUrl('app://pingshen/')).toBe(true);
  });

  it('denies every permission request', () => {
    for (const p of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'hid', 'fullscreen']) {
      expect(allowPermission(p)).toBe(false);
    }
  });
});

describe('serving the built renderer', () => {
  const root = join(mkdtempSync(join(tmpdir(), 'pingshen-static-')), 'renderer');
  mkdirSync(join(root, 'assets'), { recursive: true });
  writeFileSync(join(root, 'index.html'), '<!doctype html>');
  writeFileSync(join(root, 'assets', 'app.js'), '');
  writeFileSync(join(root, '..', 'outside-secret.txt'), 'secret');

  it('maps / to the page and paths to files inside the folder only', () => {
    expect(resolveStaticPath(root, '/')).toBe(join(root, 'index.html'));
    expect(resolveStaticPath(root, '/assets/app.js')).toBe(join(root, 'assets', 'app.js'));
    for (const bad of ['/../outside-secret.txt', '/%2e%2e/outside-secret.txt', '/assets/../../outside-secret.txt', '/assets', '/missing.js', '/%00', '/%E0%A4%A']) {
      expect(resolveStaticPath(root, bad)).toBeNull();
    }
  });
});

describe('where the stores live', () => {
  it('takes --data-dir, then PINGSHEN_DATA_DIR, then the default', () => {
    expect(dataDirFromArgs(['--data-dir', '/srv/ps'], {}, '/home/u/.pingshen')).toBe('/srv/ps');
    expect(dataDirFromArgs(['--data-dir=/srv/ps2'], { PINGSHEN_DATA_DIR: '/env' }, '/d')).toBe('/srv/ps2');
    expect(dataDirFromArgs([], { PINGSHEN_DATA_DIR: '/env' }, '/d')).toBe('/env');
    expect(dataDirFromArgs(['--port', '0'], {}, '/d')).toBe('/d');
  });
});
