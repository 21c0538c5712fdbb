import type { Localized } from '../domain/localized.js';
import type { Role } from '../domain/vocabulary.js';
import type { StoreInfo } from '../domain/store.js';

/** A file handed in by the user: bytes from a file picker, never a path the renderer chose. */
export interface Upload {
  fileName: string;
  bytes: Uint8Array;
}

/** A file handed back to the user: the renderer saves it (download, or the shell's save dialog). */
export interface Download {
  fileName: string;
  bytes: Uint8Array;
}

export type Mode = 'electron' | 'browser';

export interface AppInfo {
  name: string;
  version: string;
  mode: Mode;
  dataDir: string;
}

export interface SessionStatus {
  /** the role whose store is open, null while locked */
  role: Role | null;
  /** which roles already have a store in this data folder */
  stores: Record<Role, boolean>;
  info: StoreInfo | null;
  idleMinutes: number;
  /** why the session was last locked, so the start screen can say so */
  lockedBecause: 'idle' | 'user' | null;
}

export interface Settings {
  idleMinutes: number;
}

/** What crosses the boundary when a call fails: a stable code and a bilingual message, no stack. */
export interface CallError {
  code: string;
  message: Localized;
  details?: unknown;
}

export type CallResult<T> = { ok: true; value: T } | { ok: false; error: CallError };
