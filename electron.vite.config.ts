import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import type { Plugin } from 'vite';

/**
 * pdf.js needs its character maps (Chinese PDFs use CID fonts) and standard fonts at run time,
 * and the decoders of scanned images (CCITT fax, JBIG2, JPEG 2000). They are copied into the
 * renderer build so the viewer never fetches anything from the network. Of the decoders only the
 * JavaScript builds: the CSP allows no WebAssembly ('wasm-unsafe-eval').
 */
const PDFJS_ASSETS: Record<string, (name: string) => boolean> = {
  cmaps: (name) => !name.endsWith('.md') && name !== 'LICENSE',
  standard_fonts: (name) => !name.endsWith('.md') && name !== 'LICENSE',
  wasm: (name) => name.endsWith('_nowasm_fallback.js'),
};

function pdfjsAssets(): Plugin {
  const base = resolve('node_modules/pdfjs-dist');
  return {
    name: 'pingshen:pdfjs-assets',
    apply: 'build',
    generateBundle() {
      for (const [folder, wanted] of Object.entries(PDFJS_ASSETS)) {
        for (const name of readdirSync(join(base, folder))) {
          if (!wanted(name)) continue;
          this.emitFile({ type: 'asset', fileName: `pdfjs/${folder}/${name}`, source: readFileSync(join(base, folder, name)) });
        }
      }
    },
  };
}

export default defineConfig({
  main: {
    build: {
      outDir: resolve('out/main'),
      externalizeDeps: true,
      rolldownOptions: {
        // the report set's render thread is its own file, which pool.ts finds beside index.js
        input: { index: resolve('src-main/shell/main.ts'), 'render-worker': resolve('src-main/report/render-worker.ts') },
        output: { entryFileNames: '[name].js', chunkFileNames: 'chunks/[name]-[hash].js' },
      },
    },
  },
  preload: {
    build: {
      outDir: resolve('out/preload'),
      // a sandboxed preload cannot require packages: one self-contained CommonJS file
      externalizeDeps: false,
      rolldownOptions: {
        input: { index: resolve('src-main/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve('src-renderer'),
    base: './',
    plugins: [react(), pdfjsAssets()],
    build: {
      outDir: resolve('out/renderer'),
      emptyOutDir: true,
      chunkSizeWarningLimit: 4000,
      rolldownOptions: { input: resolve('src-renderer/index.html') },
    },
  },
});
