import { isBuiltin } from 'node:module';
import { resolve } from 'node:path';
import { defineConfig, type Plugin } from 'vite';

/**
 * Node's own modules taken with process.getBuiltinModule instead of an import statement. Importing
 * one builds its ES module face, which reads every export, and so loads what Node otherwise loads
 * only when asked: fs.promises with readline, crypto.webcrypto, process.report and more (issue 15:
 * some 10 ms of every start). Rolldown writes each import of one on a line of its own at the top of
 * a chunk, before any code that could use it.
 */
function builtinModules(): Plugin {
  const IMPORT = /^import (.+) from "([^"]+)";$/gm;
  const NAMED = /^\{ (.*) \}$/;
  const take = (clause: string, id: string): string => {
    const module = `process.getBuiltinModule(${JSON.stringify(id)})`;
    const named = (list: string) => `{ ${list.replace(/ as /g, ': ')} }`;
    if (clause.startsWith('* as ')) return `const ${clause.slice(5)} = ${module};`;
    const list = NAMED.exec(clause)?.[1];
    if (list !== undefined) return `const ${named(list)} = ${module};`;
    const [name, rest] = clause.split(/, (?=\{)/) as [string, string | undefined];
    const restList = rest === undefined ? undefined : NAMED.exec(rest)?.[1];
    if (rest !== undefined && restList === undefined) throw new Error(`cli build: cannot rewrite the import of ${id}: ${clause}`);
    return restList === undefined ? `const ${name} = ${module};` : `const ${name} = ${module}, ${named(restList)} = ${name};`;
  };
  return {
    name: 'pingshen-builtin-modules',
    renderChunk(code) {
      const rewritten = code.replace(IMPORT, (line, clause: string, id: string) => (isBuiltin(id) ? take(clause, id) : line));
      return rewritten === code ? null : { code: rewritten, map: null };
    },
  };
}

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
  plugins: [builtinModules()],
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
