// When `npm start` must build its dataset again (bin/start.js): a dataset is stale when it is
// missing, of another format version, older than one of its inputs, or older than the build
// command that would write it now (recompiled since: a new version of Cablegraph may resolve or
// lay out differently, and the user should see what it gives, not last version's map).
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Newest modification time among the inputs (folders walked; dot-folders and build outputs skipped). */
function newestInput(paths, out) {
  let newest = 0;
  const visit = (path) => {
    const s = statSync(path);
    if (s.isDirectory()) {
      if (path === out) return;
      for (const name of readdirSync(path)) if (!name.startsWith('.')) visit(join(path, name));
    } else newest = Math.max(newest, s.mtimeMs);
  };
  for (const p of paths) visit(p);
  return newest;
}

/**
 * Why the dataset in `out` must be (re)built, or null when it is up to date. `compiledAt`: when
 * the build command was last compiled (build/node/stamp.json's modification time).
 */
export function datasetStaleness({ inputs, lexicon, aliases, out }, version, compiledAt) {
  const manifest = join(out, 'manifest.json');
  if (!existsSync(manifest)) return 'no dataset yet';
  let found;
  try {
    found = JSON.parse(readFileSync(manifest, 'utf8')).version;
  } catch {
    return 'its manifest.json cannot be read';
  }
  if (found !== version) return `it is format version ${found}, the explorer reads version ${version}`;
  const built = statSync(manifest).mtimeMs;
  if (newestInput([...inputs, lexicon, aliases].filter(Boolean), out) > built) return 'its inputs changed since';
  if (compiledAt > built) return 'the build command changed since';
  return null;
}
