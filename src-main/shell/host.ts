import { writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { app, dialog, type BrowserWindow } from 'electron';
import { safeFileName } from '../domain/file-names.js';
import type { Host } from '../ipc/host.js';

/** A name in the folder that does not overwrite what is already there. */
function freeName(folder: string, fileName: string): string {
  const safe = safeFileName(fileName);
  let candidate = safe;
  for (let i = 2; existsSync(join(folder, candidate)); i++) candidate = `${i}-${safe}`;
  return join(folder, candidate);
}

/** Saving through native dialogs: the user, not the page, picks where a file goes. */
export function electronHost(window: () => BrowserWindow | null, version: string): Host {
  async function pickFolder(): Promise<string | null> {
    const options = {
      defaultPath: app.getPath('documents'),
      properties: ['openDirectory' as const, 'createDirectory' as const],
    };
    const parent = window();
    const choice = parent ? await dialog.showOpenDialog(parent, options) : await dialog.showOpenDialog(options);
    const folder = choice.filePaths[0];
    return choice.canceled || !folder ? null : folder;
  }

  return {
    mode: 'electron',
    version,
    async saveFile(file) {
      const options = { defaultPath: join(app.getPath('documents'), safeFileName(file.fileName)) };
      const parent = window();
      const choice = parent ? await dialog.showSaveDialog(parent, options) : await dialog.showSaveDialog(options);
      if (choice.canceled || !choice.filePath) return { saved: false, path: null };
      await writeFile(choice.filePath, file.bytes);
      return { saved: true, path: choice.filePath };
    },
    async saveFiles(files) {
      const folder = await pickFolder();
      if (folder === null) return { saved: false, folder: null };
      for (const file of files) await writeFile(freeName(folder, file.fileName), file.bytes, { flag: 'wx' });
      return { saved: true, folder };
    },
    pickFolder,
  };
}
