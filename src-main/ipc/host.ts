import type { Download } from '../domain/files.js';
import type { Session } from './session.js';
import type { Mode } from './types.js';

/**
 * What differs between Electron and browser mode, injected by the entry point: the shell saves
 * through native dialogs; browser mode has no host saving or folder picking (the page downloads
 * the bytes).
 */
export interface Host {
  readonly mode: Mode;
  readonly version: string;
  saveFile?(file: Download): Promise<{ saved: boolean; path: string | null }>;
  saveFiles?(files: Download[]): Promise<{ saved: boolean; folder: string | null }>;
  /** a folder the user picks to write into; null when the dialog is closed */
  pickFolder?(): Promise<string | null>;
}

/** What the app's own calls work with: the window's session and its host. */
export interface HostCtx {
  readonly session: Session;
  readonly host: Host;
}
