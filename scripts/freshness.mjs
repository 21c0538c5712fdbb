// Whether a build is missing or older than what it is built from, by file times: `npm start`
// rebuilds the app by it, and the `pingshen` bin refuses to run a CLI build older than its sources.
// Node's modules taken as they are, not imported: an import builds each one's ES module face,
// which loads much the bin never uses (issue 15)
const { existsSync, readdirSync, statSync } = process.getBuiltinModule('node:fs');
const { sep } = process.getBuiltinModule('node:path');

// The bin walks src-main on every start: paths are joined as they are, since path.join's
// normalizing of every one was most of the walk's time (issue 15).
function newest(path) {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  // a folder's own time changes when a file in it is added or removed
  let latest = stat.mtimeMs;
  for (const entry of readdirSync(path, { withFileTypes: true })) {
    const child = `${path}${sep}${entry.name}`;
    latest = Math.max(latest, entry.isFile() ? statSync(child).mtimeMs : newest(child));
  }
  return latest;
}

/** 'missing' when an output is absent, 'stale' when a source (file or folder, walked) changed after the oldest output, else null. */
export function buildState(outputs, sources) {
  if (!outputs.every((f) => existsSync(f))) return 'missing';
  const built = Math.min(...outputs.map((f) => statSync(f).mtimeMs));
  return Math.max(...sources.map(newest)) > built ? 'stale' : null;
}
