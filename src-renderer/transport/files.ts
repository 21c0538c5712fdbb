import type { Api } from '../../src-main/ipc/contract.js';
import type { Download, Upload } from '../../src-main/domain/files.js';

export async function toUpload(file: File): Promise<Upload> {
  return { fileName: file.name, bytes: new Uint8Array(await file.arrayBuffer()) };
}

function browserDownload(file: Download): void {
  const blob = new Blob([file.bytes as Uint8Array<ArrayBuffer>], { type: 'application/octet-stream' });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = file.fileName;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/**
 * Hands a file to the user: in Electron the shell's save dialog, in browser mode the browser's
 * download. Returns false when the user cancelled the dialog.
 */
export async function saveDownload(api: Api, mode: 'electron' | 'browser', file: Download): Promise<boolean> {
  if (mode === 'electron') return (await api.call('host.saveFile', file)).saved;
  browserDownload(file);
  return true;
}

export async function saveDownloads(api: Api, mode: 'electron' | 'browser', files: Download[]): Promise<boolean> {
  if (files.length === 0) return false;
  if (mode === 'electron') return (await api.call('host.saveFiles', { files })).saved;
  for (const file of files) {
    browserDownload(file);
    // browsers drop downloads started in the same instant
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return true;
}
