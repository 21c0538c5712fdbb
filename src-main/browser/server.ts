import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { MAX_FILE_BYTES } from '../domain/limits.js';
import { SECURITY_HEADERS } from '../ipc/csp.js';
import { dispatch } from '../ipc/dispatcher.js';
import type { Host } from '../ipc/host.js';
import { lockDataDir } from '../ipc/instance-lock.js';
import { Session, type StoreOpeners } from '../ipc/session.js';
import type { CallResult } from '../ipc/types.js';
import { fromWire, toWire } from '../ipc/wire.js';
import { contentType, resolveStaticPath } from '../ipc/static-files.js';

/**
 * Browser mode: the same contract, served on 127.0.0.1 for machines where Electron cannot run
 * and for the end-to-end tests. Every /rpc call must carry this start's random token; the page
 * learns it from the URL fragment, which browsers never send to a server or put in a Referer.
 * The Host header is checked too, so a web page that rebinds a name to 127.0.0.1 gets nothing.
 */

export const TOKEN_HEADER = 'x-pingshen-token';
/** base64 of the largest file the contract accepts (4 bytes for every 3), with 1 MiB for the JSON around it */
const MAX_BODY_BYTES = Math.ceil(MAX_FILE_BYTES / 3) * 4 + 1024 * 1024;
/** a body this large is an upload; only so many are held in memory at once */
const LARGE_BODY_BYTES = 8 * 1024 * 1024;
const MAX_LARGE_BODIES = 2;

const TOO_LARGE = {
  zh: `文件过大（上限 ${MAX_FILE_BYTES / 1024 / 1024} MiB）。请拆分后再试。`,
  en: `The file is too large (limit ${MAX_FILE_BYTES / 1024 / 1024} MiB). Split it and try again.`,
};

export interface BrowserServerOptions {
  dataDir: string;
  rendererDir: string;
  openers: StoreOpeners;
  version: string;
  port?: number;
}

export interface BrowserServer {
  url: string;
  /** the address to open, with the token in the fragment */
  openUrl: string;
  token: string;
  port: number;
  session: Session;
  close(): Promise<void>;
}

function sameToken(given: string | string[] | undefined, token: string): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    ...SECURITY_HEADERS,
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
  });
  res.end(text);
}

function refusal(code: string, zh: string, en: string): CallResult<never> {
  return { ok: false, error: { code, message: { zh, en } } };
}

async function readBody(req: IncomingMessage): Promise<string | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) return null;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export async function startBrowserServer(opts: BrowserServerOptions): Promise<BrowserServer> {
  const instance = lockDataDir(opts.dataDir);
  const session = new Session(opts.dataDir, opts.openers);
  session.startIdleTimer();
  const token = randomBytes(32).toString('base64url');
  const host: Host = { mode: 'browser', version: opts.version };
  let allowedHosts: Set<string> = new Set();
  let largeBodies = 0;
  let port = 0;
  let origin = '';

  async function handleRpc(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!sameToken(req.headers[TOKEN_HEADER], token)) {
      sendJson(res, 401, refusal('rpc.token', '访问口令无效：请使用启动时打印的完整地址打开本页。', 'Invalid access token: open the full address printed at start.'));
      return;
    }
    if (req.headers.origin !== undefined && req.headers.origin !== origin) {
      sendJson(res, 403, refusal('rpc.origin', '来源不可信，已拒绝。', 'Untrusted origin; refused.'));
      return;
    }
    if (!String(req.headers['content-type'] ?? '').startsWith('application/json')) {
      sendJson(res, 415, refusal('rpc.content-type', '请求格式错误。', 'Requests must be JSON.'));
      return;
    }
    // the declared length is judged before a byte is read; the read then holds the sender to it
    const declared = Number(req.headers['content-length'] ?? Number.NaN);
    if (Number.isFinite(declared) && declared > MAX_BODY_BYTES) {
      sendJson(res, 413, refusal('rpc.too-large', TOO_LARGE.zh, TOO_LARGE.en));
      return;
    }
    const large = !Number.isFinite(declared) || declared > LARGE_BODY_BYTES;
    if (large && largeBodies >= MAX_LARGE_BODIES) {
      sendJson(res, 503, refusal('rpc.busy', '另有文件正在上传，请等它完成后再试。', 'Other files are being uploaded; wait for them to finish and try again.'));
      return;
    }
    if (large) largeBodies += 1;
    let text: string | null;
    try {
      text = await readBody(req);
    } finally {
      if (large) largeBodies -= 1;
    }
    if (text === null) {
      sendJson(res, 413, refusal('rpc.too-large', TOO_LARGE.zh, TOO_LARGE.en));
      return;
    }
    let envelope: { name?: unknown; input?: unknown };
    try {
      envelope = fromWire(JSON.parse(text)) as { name?: unknown; input?: unknown };
    } catch {
      sendJson(res, 400, refusal('rpc.malformed', '请求无法解析。', 'The request could not be parsed.'));
      return;
    }
    const result = await dispatch({ session, host }, envelope?.name, envelope?.input);
    sendJson(res, 200, toWire(result));
  }

  async function handleStatic(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = new URL(req.url ?? '/', origin).pathname;
    const file = resolveStaticPath(opts.rendererDir, path);
    if (!file) {
      res.writeHead(404, { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('Not found');
      return;
    }
    const body = await readFile(file);
    res.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': contentType(file), 'Cache-Control': 'no-cache' });
    res.end(req.method === 'HEAD' ? undefined : body);
  }

  const server = createServer((req, res) => {
    const work = async () => {
      const hostHeader = String(req.headers.host ?? '');
      // localhost is the same server; the page lives at 127.0.0.1, so its calls' Origin matches
      if (hostHeader === `localhost:${port}` && (req.method === 'GET' || req.method === 'HEAD')) {
        res.writeHead(308, { Location: `${origin}${req.url ?? '/'}` });
        res.end();
        return;
      }
      if (!allowedHosts.has(hostHeader)) {
        res.writeHead(421, { 'Content-Type': 'text/plain; charset=utf-8' });
        res.end('Misdirected request');
        return;
      }
      const path = new URL(req.url ?? '/', origin).pathname;
      if (path === '/rpc') {
        if (req.method !== 'POST') {
          res.writeHead(405, { Allow: 'POST' });
          res.end();
          return;
        }
        await handleRpc(req, res);
        return;
      }
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        res.writeHead(405, { Allow: 'GET, HEAD' });
        res.end();
        return;
      }
      await handleStatic(req, res);
    };
    work().catch((error: unknown) => {
      console.error('[pingshen] request failed', error);
      if (!res.headersSent) sendJson(res, 500, refusal('internal', '服务器内部错误。', 'Internal server error.'));
      else res.destroy();
    });
  });
  server.requestTimeout = 0;

  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
    });
  } catch (e) {
    session.dispose();
    instance.release();
    throw e;
  }
  port = (server.address() as AddressInfo).port;
  origin = `http://127.0.0.1:${port}`;
  allowedHosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);

  return {
    url: origin,
    openUrl: `${origin}/#token=${token}`,
    token,
    port,
    session,
    close: () =>
      new Promise<void>((resolve) => {
        session.dispose();
        server.closeAllConnections();
        server.close(() => {
          instance.release();
          resolve();
        });
      }),
  };
}
