#!/usr/bin/env node
/**
 * `npx pingshen …`: checks the Node version first (the encrypted store's native module needs
 * Node 22, and Node's own modules are taken with process.getBuiltinModule, from 22.3 on), then
 * runs the compiled CLI in out/cli (`npm run build:cli`; `npm install` builds it). A build older
 * than its sources is refused rather than run, so what runs is what the sources say.
 */
const [major] = process.versions.node.split('.').map(Number);
if (major < 22 || typeof process.getBuiltinModule !== 'function') {
  process.stderr.write(
    `Pingshen 需要 Node 22.3 或更高版本，当前为 ${process.versions.node}：请在项目目录中通过 npm 脚本或 npx 运行，项目的 node 开发依赖会提供 Node 22。 / ` +
      `Pingshen needs Node 22.3 or newer (this is ${process.versions.node}): run it through npm scripts or npx in the project folder, where the project's node devDependency provides Node 22.\n`,
  );
  process.exit(2);
}

const { CLI_COMPILE_CACHE, CLI_ENTRY, cliBuildProblem } = await import('../scripts/cli-build.mjs');
const problem = cliBuildProblem();
if (problem) {
  process.stderr.write(`${problem.zh} / ${problem.en}\n`);
  process.exit(2);
}
// V8 keeps the compiled build (cli-build.mjs says where), so later starts skip compiling it
process.getBuiltinModule('node:module').enableCompileCache?.(CLI_COMPILE_CACHE);
await import(process.getBuiltinModule('node:url').pathToFileURL(CLI_ENTRY).href);
