/**
 * Which folders a build may replace: only its own output. `--out` must be a path that does not
 * exist yet, an empty folder, or a folder holding a previous dataset and nothing else; and no
 * input may lie inside it (replacing the folder would delete it). Anything else is refused before
 * a single file is written, so a mistyped `--out cables/` can never cost a user's corpus.
 */
import { lstat, readFile, readdir, realpath } from 'node:fs/promises';
import { dirname, resolve, sep } from 'node:path';
import { GRAPH_PATH, MANIFEST_PATH } from '../core/dataset/format.ts';
import { describeFsError } from './files.ts';
import { InputError } from './usage.ts';

/** What a dataset folder holds at its top level: the manifest, the graph and the shard folders. */
export const DATASET_ENTRIES: ReadonlySet<string> = new Set([MANIFEST_PATH, GRAPH_PATH, 'entities', 'paragraphs', 'cables', 'search', 'paragraph-keys']);

/**
 * Why `out` must not be replaced by a build of `inputs`, or null when it may. Reads only; the
 * caller turns a reason into an error.
 */
export async function outputRefusal(out: string, inputs: readonly string[]): Promise<string | null> {
  const held = await heldInput(out, inputs);
  if (held !== null) return held;
  let info;
  try {
    info = await lstat(out);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    return describeFsError(e);
  }
  if (!info.isDirectory()) return info.isSymbolicLink() ? 'it is a symbolic link, not a dataset folder' : 'it is a file, not a dataset folder';
  const entries = await readdir(out);
  if (entries.length === 0) return null;
  const strangers = entries.filter((name) => !DATASET_ENTRIES.has(name)).sort();
  if (strangers.length > 0) {
    const shown = strangers.slice(0, 3).join(', ') + (strangers.length > 3 ? `, and ${strangers.length - 3} more` : '');
    return `it holds files a build did not write (${shown})`;
  }
  if (!entries.includes(MANIFEST_PATH)) return `it has no ${MANIFEST_PATH}: not a dataset written by cablegraph build`;
  let manifest: unknown;
  try {
    manifest = JSON.parse(await readFile(resolve(out, MANIFEST_PATH), 'utf8'));
  } catch {
    return `its ${MANIFEST_PATH} is not one a build wrote`;
  }
  return isDatasetManifest(manifest) ? null : `its ${MANIFEST_PATH} is not one a build wrote`;
}

/** Refuses, naming the folder and what to do, unless `out` may be replaced by a build of `inputs`. */
export async function checkOutputFolder(out: string, inputs: readonly string[]): Promise<void> {
  const why = await outputRefusal(out, inputs);
  if (why !== null) {
    throw new InputError(`--out ${out}: not replaced: ${why}. A build replaces only an empty folder or a dataset it wrote; choose a new folder (nothing was changed)`);
  }
}

/** What `npm run build` writes into its site folder (vite's page and assets, our plugin's dataset copy). */
export const SITE_ENTRIES: ReadonlySet<string> = new Set(['index.html', 'assets', 'dataset']);

/**
 * Why the static site folder `dir` must not be emptied and rewritten (vite's emptyOutDir) for a
 * build of `inputs`, or null when it may: it must be absent, empty, or a site this project built.
 */
export async function siteRefusal(dir: string, inputs: readonly string[]): Promise<string | null> {
  const held = await heldInput(dir, inputs);
  if (held !== null) return held;
  let entries: string[];
  try {
    entries = await readdir(dir);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return null;
    return code === 'ENOTDIR' ? 'it is a file, not a folder' : describeFsError(e);
  }
  if (entries.length === 0) return null;
  const strangers = entries.filter((name) => !SITE_ENTRIES.has(name)).sort();
  if (strangers.length > 0) return `it holds files the build did not write (${strangers.slice(0, 3).join(', ')}${strangers.length > 3 ? ', ...' : ''})`;
  const page = await readFile(resolve(dir, 'index.html'), 'utf8').catch(() => '');
  return page.includes('<title>Cablegraph</title>') ? null : 'its index.html is not the explorer\'s page';
}

/** A refusal when one of `inputs` is `dir` or lies inside it (replacing `dir` would delete it). */
async function heldInput(dir: string, inputs: readonly string[]): Promise<string | null> {
  const target = await realish(dir);
  for (const input of inputs) {
    const source = await realish(input);
    if (source === target || source.startsWith(target.endsWith(sep) ? target : target + sep)) {
      return `it holds the input ${input}, which replacing it would delete`;
    }
  }
  return null;
}

/** The shape every manifest a build writes has, whatever its version: enough to tell ours from a stranger's. */
export function isDatasetManifest(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const m = value as Record<string, unknown>;
  const object = (v: unknown) => typeof v === 'object' && v !== null && !Array.isArray(v);
  return Number.isInteger(m.version) && object(m.corpus) && object(m.shards) && Array.isArray(m.communities);
}

/** The real path of `path`, or of its nearest existing ancestor with the rest appended (for outputs not made yet). */
async function realish(path: string): Promise<string> {
  const absolute = resolve(path);
  try {
    return await realpath(absolute);
  } catch {
    const parent = dirname(absolute);
    if (parent === absolute) return absolute;
    return resolve(await realish(parent), absolute.slice(parent.length + 1));
  }
}
