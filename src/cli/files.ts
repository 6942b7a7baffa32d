/**
 * Expands the file and folder arguments of a command into the list of files to read: folders are
 * walked recursively for the files a command takes (`*.txt` cables; for a build also
 * metadata.csv and lexicon and alias tables), symbolic links followed, loops and second paths to
 * the same file skipped; files are taken as given; the result is sorted so that every run reads
 * the same files in the same order.
 */
import type { Dirent } from 'node:fs';
import { readFile, readdir, realpath, stat } from 'node:fs/promises';
import { basename, join, relative, resolve, sep } from 'node:path';
import { InputError } from './usage.ts';
import { byCodeUnits } from '../core/code-units.ts';

export const CABLE_EXTENSION = '.txt';

/** A cable file: where to read it, and the name it has in a dataset (relative, so no machine path is recorded). */
export interface CableInput {
  path: string;
  /** `cables/06LIMA2158.txt` for `/home/me/cables/06LIMA2158.txt` given as the folder `/home/me/cables`. */
  name: string;
}

/** An input file, with its real path (links resolved). */
export interface CorpusInput extends CableInput {
  real: string;
}

const isCable = (name: string) => name.endsWith(CABLE_EXTENSION);

export async function listCableFiles(paths: readonly string[]): Promise<string[]> {
  return (await listCorpusInputs(paths, isCable)).map((f) => f.path);
}

/** The files under `paths` whose name `accept` takes (a file given by itself is always taken). */
export async function listCorpusInputs(paths: readonly string[], accept: (name: string) => boolean): Promise<CorpusInput[]> {
  const found: (CableInput & { real?: string })[] = [];
  for (const path of paths) {
    let info;
    try {
      info = await stat(path);
    } catch (e) {
      throw new InputError(`${path}: ${describeFsError(e)}`);
    }
    if (info.isDirectory()) {
      const root = resolve(path);
      for (const file of await walk(path, accept)) {
        found.push({ path: file.path, name: slashes(join(basename(root), relative(path, file.path))), real: file.real });
      }
    } else {
      found.push({ path, name: basename(path) });
    }
  }
  found.sort((a, b) => byCodeUnits(a.path, b.path));
  // One file reached twice (named twice, or through a link) is read once, under its first path.
  const seen = new Set<string>();
  const unique: CorpusInput[] = [];
  for (const f of found) {
    const real = f.real ?? await realpath(f.path).catch(() => resolve(f.path));
    if (seen.has(real)) continue;
    seen.add(real);
    unique.push({ ...f, real });
  }
  return unique;
}

/** A whole text file, or an InputError naming it. */
export async function readText(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (e) {
    throw new InputError(`${path}: ${describeFsError(e)}`);
  }
}

/**
 * Files under `dir` that `accept` takes, by name, with their real path when they are not links. Links to files and folders are followed (a folder reached again
 * through a link is not walked twice, so a link loop ends); a broken link is listed, so reading it
 * reports it rather than skipping it silently. An unreadable folder stops the command, named.
 */
async function walk(dir: string, accept: (name: string) => boolean): Promise<{ path: string; real: string | undefined }[]> {
  const files: { path: string; real: string | undefined }[] = [];
  const visited = new Set<string>();
  const visit = async (folder: string): Promise<void> => {
    let real: string;
    let entries: Dirent[];
    try {
      real = await realpath(folder);
      if (visited.has(real)) return;
      visited.add(real);
      entries = await readdir(folder, { withFileTypes: true });
    } catch (e) {
      throw new InputError(`${folder}: ${describeFsError(e)} (a folder of the corpus: make it readable, or give the folders to read one by one)`);
    }
    entries.sort((a, b) => byCodeUnits(a.name, b.name));
    for (const entry of entries) {
      const path = join(folder, entry.name);
      let isDirectory = entry.isDirectory();
      let isFile = entry.isFile();
      if (entry.isSymbolicLink()) {
        const target = await stat(path).catch(() => null);
        isDirectory = target?.isDirectory() ?? false;
        // A broken link counts as a file when it is named like a cable.
        isFile = target ? target.isFile() : true;
      }
      if (isDirectory) await visit(path);
      // A plain file's real path is its real folder's and its name: no call for each of 251,287
      // files (that took 20 s). A link's is found later.
      else if (isFile && accept(entry.name)) files.push({ path, real: entry.isSymbolicLink() ? undefined : join(real, entry.name) });
    }
  };
  await visit(dir);
  return files;
}

/** Dataset names use `/` on every system. */
function slashes(path: string): string {
  return sep === '/' ? path : path.split(sep).join('/');
}


/**
 * `no such file or directory` rather than `ENOENT: no such file or directory, stat 'x'`, with
 * what to do where there is something to do.
 */
export function describeFsError(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  switch (err.code) {
    case 'ENOENT': return 'no such file or directory';
    case 'EACCES':
    case 'EPERM': return 'permission denied (check its permissions)';
    case 'EISDIR': return 'is a folder, not a file';
    case 'ENOTDIR': return 'not a folder';
    case 'ENOSPC': return 'no space left on the device (free some space, or write elsewhere)';
    case 'EDQUOT': return 'disk quota exceeded (free some space, or write elsewhere)';
    case 'EROFS': return 'read-only file system (write elsewhere)';
    case 'EMFILE':
    case 'ENFILE': return 'too many open files (raise the limit with `ulimit -n`, or use fewer --workers)';
    case 'ELOOP': return 'too many levels of symbolic links (a link points to itself)';
    case 'ENAMETOOLONG': return 'file name too long';
    case 'EIO': return 'input/output error (the disk or network share failed)';
    case 'EBUSY': return 'busy (another program holds it)';
    default: return err.message ?? String(e);
  }
}
