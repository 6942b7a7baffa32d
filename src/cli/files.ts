/**
 * Expands the file and folder arguments of a command into the list of cable files to read:
 * folders are walked recursively for `*.txt`, files are taken as given, and the result is
 * sorted so that every run reads the same files in the same order.
 */
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { InputError } from './usage.ts';

export const CABLE_EXTENSION = '.txt';

export async function listCableFiles(paths: readonly string[]): Promise<string[]> {
  const found = new Set<string>();
  for (const path of paths) {
    let info;
    try {
      info = await stat(path);
    } catch (e) {
      throw new InputError(`${path}: ${describeFsError(e)}`);
    }
    if (info.isDirectory()) {
      for (const file of await walk(path)) found.add(file);
    } else {
      found.add(path);
    }
  }
  return [...found].sort(compareCodeUnits);
}

async function walk(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((e) => e.isFile() && e.name.endsWith(CABLE_EXTENSION))
    .map((e) => join(e.parentPath ?? e.path, e.name));
}

/** Plain code-unit order: the same on every machine and locale. */
export function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** `no such file or directory` rather than `ENOENT: no such file or directory, stat 'x'`. */
export function describeFsError(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  switch (err.code) {
    case 'ENOENT': return 'no such file or directory';
    case 'EACCES': return 'permission denied';
    case 'EISDIR': return 'is a folder, not a file';
    case 'ENOTDIR': return 'not a folder';
    default: return err.message ?? String(e);
  }
}
