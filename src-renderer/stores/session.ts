import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Api } from '../../src-main/ipc/contract.js';
import type { AppInfo, SessionStatus } from '../../src-main/ipc/types.js';
import type { Role } from '../../src-main/domain/words.js';
import type { CallInput } from '../../src-main/ipc/contract.js';
import { asCallFailure, type CallFailure } from '../transport/errors.js';

/** Which store is open, and the start screen's progress through choosing, creating, unlocking. */
export interface SessionState {
  app: AppInfo | null;
  status: SessionStatus | null;
  /** the role picked on the start screen, before its store is open */
  chosenRole: Role | null;
  busy: boolean;
  error: CallFailure | null;
  /** the new store's recovery code, shown once until its owner says it is written down */
  recoveryCode: string | null;

  refresh(): Promise<void>;
  choose(role: Role | null): void;
  create(passphrase: string): Promise<boolean>;
  forgetRecoveryCode(): void;
  resetPassphrase(recoveryCode: string, newPassphrase: string): Promise<boolean>;
  restore(input: CallInput<'session.restore'>): Promise<boolean>;
  deleteStore(confirmFingerprint: string): Promise<boolean>;
  unlock(passphrase: string): Promise<boolean>;
  lock(reason: 'idle' | 'user'): Promise<void>;
  setIdleMinutes(minutes: number): Promise<void>;
  clearError(): void;
}

export function createSessionStore(api: Api): StoreApi<SessionState> {
  return createStore<SessionState>()((set, get) => {
    async function attempt(fn: () => Promise<SessionStatus>): Promise<boolean> {
      set({ busy: true, error: null });
      try {
        const status = await fn();
        set({ status, busy: false });
        return true;
      } catch (error) {
        set({ busy: false, error: asCallFailure(error) });
        return false;
      }
    }

    return {
      app: null,
      status: null,
      chosenRole: null,
      busy: false,
      error: null,
      recoveryCode: null,

      async refresh() {
        set({ busy: true, error: null });
        try {
          const [app, status] = await Promise.all([api.call('app.info', {}), api.call('session.status', {})]);
          set({ app, status, busy: false, chosenRole: status.role ?? get().chosenRole });
        } catch (error) {
          set({ busy: false, error: asCallFailure(error) });
        }
      },
      choose(role) {
        set({ chosenRole: role, error: null });
      },
      create(passphrase) {
        const role = get().chosenRole;
        if (!role) return Promise.resolve(false);
        return attempt(async () => {
          const { recoveryCode, ...status } = await api.call('session.create', { role, passphrase });
          set({ recoveryCode });
          return status;
        });
      },
      forgetRecoveryCode() {
        set({ recoveryCode: null });
      },
      resetPassphrase(recoveryCode, newPassphrase) {
        const role = get().chosenRole;
        if (!role) return Promise.resolve(false);
        return attempt(() => api.call('session.resetPassphrase', { role, recoveryCode, newPassphrase }));
      },
      async restore(input) {
        const ok = await attempt(() => api.call('session.restore', input));
        if (ok) set({ chosenRole: get().status?.role ?? null });
        return ok;
      },
      async deleteStore(confirmFingerprint) {
        const ok = await attempt(() => api.call('session.deleteStore', { confirmFingerprint }));
        if (ok) set({ chosenRole: null });
        return ok;
      },
      unlock(passphrase) {
        const role = get().chosenRole;
        if (!role) return Promise.resolve(false);
        return attempt(() => api.call('session.unlock', { role, passphrase }));
      },
      async lock(reason) {
        await attempt(() => api.call('session.lock', { reason }));
      },
      async setIdleMinutes(minutes) {
        try {
          const settings = await api.call('settings.set', { idleMinutes: minutes });
          const status = get().status;
          if (status) set({ status: { ...status, idleMinutes: settings.idleMinutes } });
        } catch (error) {
          set({ error: asCallFailure(error) });
        }
      },
      clearError() {
        set({ error: null });
      },
    };
  });
}
