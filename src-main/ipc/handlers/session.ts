import { PingshenError } from '../../domain/errors.js';
import type { HandlersFor } from './types.js';

function hostUnavailable(): PingshenError {
  return new PingshenError('host.unavailable', {
    zh: '浏览器模式下由浏览器保存文件，此操作不可用。',
    en: 'In browser mode the browser saves files; this call is not available.',
  });
}

export const appHandlers: HandlersFor<'app'> = {
  'app.info': (_input, { session, host }) => ({
    name: 'Pingshen',
    version: host.version,
    mode: host.mode,
    dataDir: session.dataDir,
  }),
};

export const sessionHandlers: HandlersFor<'session'> = {
  'session.status': (_input, { session }) => session.status(),
  'session.create': (input, { session }) => session.create(input.role, input.passphrase),
  'session.unlock': (input, { session }) => session.unlock(input.role, input.passphrase),
  'session.lock': (input, { session }) => session.lock(input.reason),
  'session.touch': (_input, { session }) => {
    session.touch();
    return session.status();
  },
};

export const settingsHandlers: HandlersFor<'settings'> = {
  'settings.get': (_input, { session }) => session.settings(),
  'settings.set': (input, { session }) => session.saveSettings({ ...session.settings(), idleMinutes: input.idleMinutes }),
};

export const hostHandlers: HandlersFor<'host'> = {
  'host.saveFile': (input, { host }) => {
    if (!host.saveFile) throw hostUnavailable();
    return host.saveFile(input);
  },
  'host.saveFiles': (input, { host }) => {
    if (!host.saveFiles) throw hostUnavailable();
    return host.saveFiles(input.files);
  },
};

export const storeHandlers: HandlersFor<'store'> = {
  'store.info': (_input, { session }) => session.store().info(),
  'store.enrollmentCode': (_input, { session }) => session.store().enrollmentCode(),
  'store.changePassphrase': async (input, { session }) => {
    await session.store().changePassphrase(input.oldPassphrase, input.newPassphrase);
    return null;
  },
  'store.auditLog': (input, { session }) => session.store().auditLog(input.limit ? { limit: input.limit } : {}),
  'store.verifyAuditChain': (_input, { session }) => session.store().verifyAuditChain(),
};
