import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { StoreInfo } from '../domain/store.js';
import { refuse } from '../domain/errors.js';
import type { Role } from '../domain/words.js';
import { lockedError } from '../features/boundary.js';
import type { OpenStore } from '../features/client.js';
import { storeInfo, type Ctx } from '../features/context.js';
import type { RestoreProof } from '../store/backup.js';
import { removeStoreFiles } from '../store/open.js';
import type { SessionStatus, Settings } from './types.js';

/** How the session reaches the stores; production passes src-main/features/open.ts, nothing else. */
export interface StoreOpeners {
  initStore(opts: { role: Role; path: string; passphrase: string }): Promise<StoreInfo & { recoveryCode: string }>;
  openStore(opts: { path: string; passphrase: string }, role: Role): Promise<OpenStore>;
  resetPassphrase(opts: { path: string; recoveryCode: string; newPassphrase: string }): Promise<void>;
  backupHeader(bytes: Uint8Array): { role: Role };
  restoreStore(opts: { bytes: Uint8Array; fileName: string; path: string; proof: RestoreProof }): Promise<unknown>;
}

export const DEFAULT_SETTINGS: Settings = { idleMinutes: 15 };

/**
 * One window's session: at most one open store (one role), the idle lock and the settings.
 * One store per role lives in the data folder; opening a role closes the other, and locking
 * closes the store so the key leaves memory. The idle clock is wall time since the user's
 * last activity, which the renderer reports (session.touch) as well as every call.
 */
export class Session {
  private open: OpenStore | null = null;
  private lastActivity: number;
  private inFlight = 0;
  private closing = false;
  private readonly waiters: (() => void)[] = [];
  private lockedBecause: SessionStatus['lockedBecause'] = null;
  private timer: ReturnType<typeof setInterval> | null = null;
  private settingsCache: Settings;
  private readonly closeListeners = new Set<() => void>();

  constructor(
    readonly dataDir: string,
    private readonly openers: StoreOpeners,
    private readonly now: () => number = Date.now,
  ) {
    mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    this.lastActivity = now();
    this.settingsCache = this.readSettings();
  }

  storePath(role: Role): string {
    return join(this.dataDir, `${role}.db`);
  }

  hasStore(role: Role): boolean {
    return existsSync(this.storePath(role));
  }

  status(): SessionStatus {
    return {
      role: this.open?.role ?? null,
      stores: { secretariat: this.hasStore('secretariat'), expert: this.hasStore('expert') },
      info: this.open ? storeInfo(this.open.ctx) : null,
      idleMinutes: this.settingsCache.idleMinutes,
      lockedBecause: this.open ? null : this.lockedBecause,
    };
  }

  /** The recovery code comes back this once, for the start screen to show and offer to print. */
  async create(role: Role, passphrase: string): Promise<SessionStatus & { recoveryCode: string }> {
    if (this.hasStore(role)) {
      throw refuse(
        'session.store-exists',
        '此角色在本机已有加密库，请直接解锁。',
        'This role already has a store on this machine; unlock it instead.',
      );
    }
    const { recoveryCode } = await this.openers.initStore({ role, path: this.storePath(role), passphrase });
    return { ...(await this.unlock(role, passphrase)), recoveryCode };
  }

  /** A forgotten passphrase reset with the recovery code, then the store unlocked with the new one. */
  async resetPassphrase(role: Role, recoveryCode: string, newPassphrase: string): Promise<SessionStatus> {
    if (!this.hasStore(role)) {
      throw refuse('session.no-store', '此角色在本机还没有加密库，请先创建。', 'This role has no store on this machine yet; create one first.');
    }
    await this.openers.resetPassphrase({ path: this.storePath(role), recoveryCode, newPassphrase });
    return this.unlock(role, newPassphrase);
  }

  async unlock(role: Role, passphrase: string): Promise<SessionStatus> {
    if (!this.hasStore(role)) {
      throw refuse('session.no-store', '此角色在本机还没有加密库，请先创建。', 'This role has no store on this machine yet; create one first.');
    }
    // a wrong passphrase must leave the store that is open as it is: open the new one first
    const opened = await this.openers.openStore({ path: this.storePath(role), passphrase }, role);
    await this.closeWhenDone();
    this.open = opened;
    this.lockedBecause = null;
    this.lastActivity = this.now();
    return this.status();
  }

  /**
   * A backup restored as this machine's store of its role (there must be none yet), then unlocked
   * with its passphrase, or with the new one when the recovery code proved it.
   */
  async restore(file: { fileName: string; bytes: Uint8Array }, proof: RestoreProof): Promise<SessionStatus> {
    const { role } = this.openers.backupHeader(file.bytes);
    if (this.hasStore(role)) {
      throw refuse(
        'session.store-exists',
        '本机已有此角色的加密库，恢复不会覆盖它；未做任何更改。请在另一台电脑或另一个数据文件夹中恢复，或先删除现有的库。',
        'This machine already has a store for this role, and a restore never overwrites it; nothing was changed. Restore on another machine or data folder, or delete the existing store first.',
      );
    }
    await this.openers.restoreStore({ bytes: file.bytes, fileName: file.fileName, path: this.storePath(role), proof });
    return this.unlock(role, 'passphrase' in proof ? proof.passphrase : proof.newPassphrase);
  }

  /** Closes the open store once the calls already running are done, then deletes its files. */
  async deleteOpenStore(): Promise<SessionStatus> {
    const path = this.open?.ctx.store.path;
    if (!path) throw lockedError();
    await this.closeWhenDone();
    removeStoreFiles(path);
    this.lockedBecause = null;
    return this.status();
  }

  /** Locks once the calls already running are done; calls arriving meanwhile are refused as locked. */
  async lock(reason: 'idle' | 'user'): Promise<SessionStatus> {
    if (this.open) this.lockedBecause = reason;
    await this.closeWhenDone();
    return this.status();
  }

  touch(): void {
    this.lastActivity = this.now();
  }

  /** Locks when idle past the setting, unless a call is still running. Returns true if it locked. */
  checkIdle(): boolean {
    if (!this.open || this.inFlight > 0) return false;
    if (this.now() - this.lastActivity < this.settingsCache.idleMinutes * 60_000) return false;
    this.lockedBecause = 'idle';
    this.close();
    return true;
  }

  /** Brackets a call so an idle check never closes the store under a running service call. */
  async running<T>(fn: () => Promise<T>): Promise<T> {
    this.inFlight++;
    try {
      return await fn();
    } finally {
      this.inFlight--;
      this.lastActivity = this.now();
      if (this.inFlight === 0) for (const done of this.waiters.splice(0)) done();
    }
  }

  /** Closes the store, but never under a running call: the ones already running finish first. */
  private async closeWhenDone(): Promise<void> {
    this.closing = true;
    try {
      if (this.inFlight > 0) await new Promise<void>((done) => this.waiters.push(done));
      this.close();
    } finally {
      this.closing = false;
    }
  }

  role(): Role | null {
    return this.open?.role ?? null;
  }

  /** the open store's context, for the store calls the dispatcher runs */
  storeCtx(): Ctx {
    if (!this.open || this.closing) throw lockedError();
    return this.open.ctx;
  }

  /** For state that belongs to the open store and must go with it (lock, role switch, quit). */
  onStoreClosed(listener: () => void): void {
    this.closeListeners.add(listener);
  }

  settings(): Settings {
    return { ...this.settingsCache };
  }

  saveSettings(settings: Settings): Settings {
    const file = join(this.dataDir, 'settings.json');
    writeFileSync(`${file}.tmp`, JSON.stringify(settings, null, 2), { mode: 0o600 });
    renameSync(`${file}.tmp`, file);
    this.settingsCache = { ...settings };
    return this.settings();
  }

  startIdleTimer(intervalMs = 15_000): void {
    if (this.timer) return;
    this.timer = setInterval(() => this.checkIdle(), intervalMs);
    this.timer.unref?.();
  }

  dispose(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.close();
  }

  private close(): void {
    const open = this.open;
    this.open = null;
    if (!open) return;
    open.close();
    for (const listener of this.closeListeners) listener();
  }

  private readSettings(): Settings {
    const file = join(this.dataDir, 'settings.json');
    if (!existsSync(file)) return { ...DEFAULT_SETTINGS };
    try {
      const parsed = JSON.parse(readFileSync(file, 'utf8')) as Partial<Settings>;
      const idle = parsed.idleMinutes;
      return { idleMinutes: Number.isInteger(idle) && idle! >= 1 && idle! <= 240 ? idle! : DEFAULT_SETTINGS.idleMinutes };
    } catch {
      return { ...DEFAULT_SETTINGS };
    }
  }
}
