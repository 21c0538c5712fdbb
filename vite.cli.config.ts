import { resolve } from 'node:path';
import { defineConfig } from 'vite';

/**
 * The `pingshen` command as plain JavaScript for Node 22 (bin/pingshen.mjs runs out/cli/index.js):
 * no TypeScript compiler runs at start. Packages are bundled in, because resolving and loading
 * them file by file from node_modules cost more than the command's own work; three stay outside:
 * the SQLCipher module is native, pdfmake (through pdfkit) reads its own data files, and exceljs
 * is large and loaded only for an Excel import (fontkit too, which fonts.ts requires at run time).
 * The report set's render thread is its own file, which pool.ts finds beside index.js or one
 * folder above a chunk.
 */
export default defineConfig({
  publicDir: false,
  logLevel: 'warn',
  ssr: { noExternal: true, external: ['better-sqlite3-multiple-ciphers', 'pdfmake', 'exceljs'] },
  build: {
    ssr: true,
    target: 'node22',
    outDir: resolve('out/cli'),
    emptyOutDir: true,
    minify: false,
    rolldownOptions: {
      input: { index: resolve('src-main/cli/index.ts'), 'render-worker': resolve('src-main/report/render-worker.ts') },
      output: { format: 'es', entryFileNames: '[name].js', chunkFileNames: 'chunks/[name]-[hash].js' },
    },
  },
});
