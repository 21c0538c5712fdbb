import { contextBridge, ipcRenderer } from 'electron';

/**
 * The renderer's only way out: one function, one channel. The main process checks the sender,
 * the call's name and its input; the preload adds nothing and exposes no Electron object.
 */
contextBridge.exposeInMainWorld(
  'pingshen',
  Object.freeze({
    call: (name: string, input: unknown): Promise<unknown> => ipcRenderer.invoke('pingshen:call', name, input),
  }),
);
