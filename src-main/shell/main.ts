import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, ipcMain, protocol, session as electronSession } from 'electron';
import { SECURITY_HEADERS } from '../ipc/csp.js';
import { dispatch } from '../ipc/dispatcher.js';
import { backupHeader, initStore, openStore, resetPassphrase, restoreStore } from '../features/open.js';
import { dataDirFromArgs } from '../ipc/data-dir.js';
import { lockDataDir } from '../ipc/instance-lock.js';
import { Session } from '../ipc/session.js';
import { contentType, resolveStaticPath } from '../ipc/static-files.js';
import { electronHost } from './host.js';
import { APP_ENTRY_URL, APP_HOST, APP_SCHEME, allowPermission, allowRequest, isTrustedSender } from './trust.js';
import { createMainWindow } from './window.js';

/**
 * The thin Electron entry: serves the built renderer from app://pingshen, opens the hardened
 * window and routes the one IPC channel into the shared dispatcher. Everything else lives in
 * services that never import electron.
 */

const IPC_CHANNEL = 'pingshen:call';
const rendererRoot = fileURLToPath(new URL('../renderer/', import.meta.url));
const preloadPath = fileURLToPath(new URL('../preload/index.cjs', import.meta.url));

protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
]);

// one store per role per machine: a second instance would open the same files, so it hands over
// to the first (which comes to the front) and stops before it touches anything
const firstInstance = app.requestSingleInstanceLock();
if (!firstInstance) app.quit();

app.enableSandbox();

app.on('web-contents-created', (_event, contents) => {
  contents.on('will-attach-webview', (event) => event.preventDefault());
});

async function serveApp(request: Request): Promise<Response> {
  const url = new URL(request.url);
  const file = url.host === APP_HOST ? resolveStaticPath(rendererRoot, url.pathname) : null;
  if (!file) return new Response('Not found', { status: 404, headers: SECURITY_HEADERS });
  const body = await readFile(file);
  return new Response(body, { status: 200, headers: { ...SECURITY_HEADERS, 'Content-Type': contentType(file) } });
}

async function start(): Promise<void> {
  await app.whenReady();
  // packaged: resources/ (criteria, profiles, templates, fonts) ships beside app.asar
  if (app.isPackaged && !process.env.PINGSHEN_RESOURCES) {
    process.env.PINGSHEN_RESOURCES = join(process.resourcesPath, 'resources');
  }
  const dataDir = dataDirFromArgs(process.argv, process.env, app.getPath('userData'));
  // another Pingshen (browser mode, another user's Electron) may hold the same data folder
  const instance = lockDataDir(dataDir);
  const session = new Session(dataDir, { initStore, openStore, resetPassphrase, backupHeader, restoreStore });
  session.startIdleTimer();

  const web = electronSession.defaultSession;
  web.setPermissionRequestHandler((_wc, permission, callback) => callback(allowPermission(permission)));
  web.setPermissionCheckHandler((_wc, permission) => allowPermission(permission));
  web.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !allowRequest(details.url) }));
  protocol.handle(APP_SCHEME, serveApp);

  let window: BrowserWindow | null = null;
  ipcMain.handle(IPC_CHANNEL, async (event, name: unknown, input: unknown) => {
    if (!isTrustedSender(event.senderFrame)) {
      return { ok: false, error: { code: 'ipc.untrusted', message: { zh: '来源不可信，已拒绝。', en: 'Untrusted sender; refused.' } } };
    }
    return dispatch({ session, host: electronHost(() => window, app.getVersion()) }, name, input);
  });

  window = createMainWindow({ preloadPath, devTools: !app.isPackaged });
  await window.loadURL(APP_ENTRY_URL);

  app.on('second-instance', () => {
    if (window?.isMinimized()) window.restore();
    window?.focus();
  });
  app.on('window-all-closed', () => {
    session.dispose();
    instance.release();
    app.quit();
  });
}

if (firstInstance) {
  start().catch((error: unknown) => {
    console.error('[pingshen] failed to start', error);
    app.exit(1);
  });
}
