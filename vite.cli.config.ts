import { resolve } from 'node:path';
import { defineConfig } from 'vite';

/**
 * The `pingshen` command as plain JavaScript for Node 22 (bin/pingshen.mjs runs out/cli/index.js):
 * no TypeScript compiler runs at start. Packages stay in node_modules, as in the app's main build
 * (the SQLCipher module is native). The report set's render thread is its own file, which pool.ts
 * finds beside index.js or one folder above a chunk.
 */
export default defineConfig({
  publicDir: false,
  logLevel: 'warn',
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
