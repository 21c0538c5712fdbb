import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBrowserServer, TOKEN_HEADER, type BrowserServer } from '../../src-main/browser/server.js';
import { CSP_HEADER } from '../../src-main/ipc/csp.js';
import { fromWire, toWire } from '../../src-main/ipc/wire.js';
import { TEST_OPENERS } from '../services/fixtures.js';

/** Browser mode over real HTTP: the token, the Host check, the CSP header, bytes as base64. */

let server: BrowserServer;
let dataDir: string;
let rendererDir: string;

beforeAll(async () => {
  const base = mkdtempSync(join(tmpdir(), 'pingshen-server-'));
  rendererDir = join(base, 'renderer');
  dataDir = join(base, 'data');
  mkdirSync(rendererDir);
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>t</title>');
  server = await startBrowserServer({ dataDir, rendererDir, openers: TEST_OPENERS, version: '0.0.0-test' });
});

afterAll(() => server?.close());

function send(opts: { method?: string; path?: string; headers?: Record<string, string>; body?: string }): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: server.port, method: opts.method ?? 'GET', path: opts.path ?? '/', headers: opts.headers }, (res) => {
      let body = '';
      res.on('data', (d: Buffer) => (body += d.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end(opts.body);
  });
}

const rpc = (name: string, input: unknown, headers: Record<string, string> = {}) =>
  send({
    method: 'POST',
    path: '/rpc',
    headers: { 'content-type': 'application/json', [TOKEN_HEADER]: server.token, ...headers },
    body: JSON.stringify(toWire({ name, input })),
  });

describe('browser mode', () => {
  it('prints an address that carries the token in the fragment only', () => {
    expect(server.openUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#token=[A-Za-z0-9_-]{40,}$/);
    expect(server.url).not.toContain(server.token);
  });

  it('serves the page with the CSP and hardening headers', async () => {
    const res = await send({ path: '/' });
    expect(res.status).toBe(200);
    expect(res.headers['content-security-policy']).toBe(CSP_HEADER);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBe('DENY');
    expect((await send({ path: '/../../etc/passwd' })).status).toBe(404);
  });

  it('refuses a call without the token, with a wrong one, or from another origin', async () => {
    const missing = await send({ method: 'POST', path: '/rpc', headers: { 'content-type': 'application/json' }, body: '{"name":"app.info","input":{}}' });
    expect(missing.status).toBe(401);
    expect(JSON.parse(missing.body).error.code).toBe('rpc.token');
    expect((await rpc('app.info', {}, { [TOKEN_HEADER]: 'guess' })).status).toBe(401);
    expect((await rpc('app.info', {}, { origin: 'https://evil.example' })).status).toBe(403);
  });

  it('refuses a request addressed to another host name (DNS rebinding)', async () => {
    const res = await rpc('app.info', {}, { host: `evil.example:${server.port}` });
    expect(res.status).toBe(421);
  });

  it('answers a call with the token, and refuses what the contract does not list', async () => {
    const info = fromWire(JSON.parse((await rpc('app.info', {})).body));
    expect(info).toMatchObject({ ok: true, value: { mode: 'browser', name: 'Pingshen' } });
    const unknown = fromWire(JSON.parse((await rpc('fs.readFile', { path: '/etc/passwd' })).body));
    expect(unknown).toMatchObject({ ok: false, error: { code: 'call.unknown' } });
  });

  it('refuses a body whose declared length is over the limit before reading it', async () => {
    const res = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = request(
        {
          host: '127.0.0.1',
          port: server.port,
          method: 'POST',
          path: '/rpc',
          headers: { 'content-type': 'application/json', [TOKEN_HEADER]: server.token, 'content-length': String(2 * 1024 * 1024 * 1024) },
        },
        (r) => {
          let body = '';
          r.on('data', (d: Buffer) => (body += d.toString()));
          r.on('end', () => resolve({ status: r.statusCode ?? 0, body }));
        },
      );
      req.on('error', reject);
      req.write('{"name":');
    });
    expect(res.status).toBe(413);
    expect(JSON.parse(res.body).error.message.zh).toContain('文件过大');
  });

  it('sends a page asked for at localhost to the same page at 127.0.0.1, where its calls are allowed', async () => {
    const res = await send({ path: '/index.html', headers: { host: `localhost:${server.port}` } });
    expect(res.status).toBe(308);
    expect(res.headers.location).toBe(`http://127.0.0.1:${server.port}/index.html`);
  });

  it('refuses to start a second time on the same data folder', async () => {
    await expect(startBrowserServer({ dataDir, rendererDir, openers: TEST_OPENERS, version: '0.0.0-test' })).rejects.toMatchObject({ code: 'app.already-running' });
  });

  it('drops keys that would reach an object prototype', () => {
    const parsed = fromWire(JSON.parse('{"a":1,"__proto__":{"polluted":true},"b":{"constructor":{"prototype":{"x":1}}}}')) as Record<string, unknown>;
    expect(parsed).toEqual({ a: 1, b: {} });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(parsed)).toBe(Object.prototype);
  });

  it('carries file bytes as base64 both ways', async () => {
    await rpc('session.create', { role: 'expert', passphrase: 'browser mode test passphrase' });
    const res = fromWire(JSON.parse((await rpc('packages.import', { file: { fileName: 'x.pspkg', bytes: new Uint8Array([0, 1, 2, 250]) } })).body)) as {
      ok: boolean;
      error?: { code: string; message: { zh: string; en: string } };
    };
    expect(res.ok).toBe(false);
    expect(res.error?.code).not.toBe('input.invalid');
    expect(res.error?.message.zh.length).toBeGreaterThan(0);
    const bytes = new Uint8Array([0, 255, 128, 7]);
    expect(fromWire(JSON.parse(JSON.stringify(toWire({ a: [{ b: bytes }] }))))).toEqual({ a: [{ b: bytes }] });
  });
});
