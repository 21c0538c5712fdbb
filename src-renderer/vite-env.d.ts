/// <reference types="vite/client" />

interface Window {
  /** set by the Electron preload; absent in browser mode */
  pingshen?: { call(name: string, input: unknown): Promise<unknown> };
}
