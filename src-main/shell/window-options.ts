import type { BrowserWindowConstructorOptions } from 'electron';

/**
 * The main window's options. The webPreferences are the hardened set from Electron's security
 * checklist: isolated, sandboxed renderer with no Node, same-origin policy on, no webviews,
 * no insecure content. Only the preload (one sandboxed CommonJS bundle) talks to the main process.
 */
export function windowOptions(preloadPath: string, opts: { devTools: boolean }): BrowserWindowConstructorOptions {
  return {
    width: 1440,
    height: 900,
    minWidth: 1024,
    minHeight: 680,
    show: false,
    title: 'Pingshen',
    autoHideMenuBar: true,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: false,
      devTools: opts.devTools,
    },
  };
}
