import { BrowserWindow } from 'electron';
import { allowNavigation } from './trust.js';
import { windowOptions } from './window-options.js';

/** The main window, with navigation and new windows blocked: the app is exactly one page. */
export function createMainWindow(opts: { preloadPath: string; devTools: boolean }): BrowserWindow {
  const window = new BrowserWindow(windowOptions(opts.preloadPath, { devTools: opts.devTools }));
  const contents = window.webContents;
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('will-navigate', (event, url) => {
    if (!allowNavigation(url)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!allowNavigation(url)) event.preventDefault();
  });
  contents.on('will-frame-navigate', (event) => {
    if (!event.isMainFrame || !allowNavigation(event.url)) event.preventDefault();
  });
  window.once('ready-to-show', () => window.show());
  return window;
}
