import './jitless.js';
import { runCli } from './program.js';

const code = await runCli(process.argv.slice(2));
// Once the command has answered and its output is written out, the process ends: left to end by
// itself, Node first waits for V8's background work (compiling hot code, finishing a garbage
// collection), which the answer does not need (issue 15). Output still queued, as for a pipe
// whose reader has not caught up yet, is waited for.
const queued = [process.stdout, process.stderr].filter((stream) => stream.writableLength > 0);
await Promise.all(queued.map((stream) => new Promise((written) => stream.write('', written))));
process.exit(code);
