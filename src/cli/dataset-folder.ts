/**
 * A built dataset in a folder, opened for the CLI's readers (`export`, `evidence`, `path`,
 * `refs`): files are read on demand through the core's reader, a missing file is told apart
 * from an unreadable one, and any problem becomes one `InputError` line naming the file and how
 * to fix it.
 */
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { DatasetError, openDatasetReader, type DatasetLoader, type DatasetReader } from '../core/dataset/read-dataset.ts';
import { describeFsError } from './files.ts';
import { InputError } from './usage.ts';

const REBUILD = 'build the dataset first: cablegraph build <cables> --out <dir>';

/**
 * Reads `<dir>/<path>` as bytes (the reader decodes what it needs: a paragraph shard's wanted
 * records only); a file that does not exist is `null`, any other failure a one-line error.
 */
export function folderLoader(dir: string): DatasetLoader {
  return async (path) => {
    try {
      return await readFile(join(dir, path));
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw new DatasetError('unreachable', join(dir, path), describeFsError(e));
    }
  };
}

/** Opens the dataset in `dir`, or throws an `InputError` saying what is wrong with it. */
export async function openDatasetFolder(dir: string): Promise<DatasetReader> {
  let info;
  try {
    info = await stat(dir);
  } catch (e) {
    throw new InputError(`${dir}: ${describeFsError(e)} (${REBUILD})`);
  }
  if (!info.isDirectory()) throw new InputError(`${dir}: not a folder (a dataset is the folder a build writes; ${REBUILD})`);
  try {
    return await openDatasetReader(folderLoader(dir));
  } catch (e) {
    throw datasetInputError(dir, e);
  }
}

/** A reader's error as one line naming the file: call it around any read of an opened dataset. */
export function datasetInputError(dir: string, e: unknown): unknown {
  if (!(e instanceof DatasetError)) return e;
  const where = e.path.startsWith(dir) ? e.path : join(dir, e.path);
  switch (e.kind) {
    case 'missing': return new InputError(`${where}: no such file (${REBUILD})`);
    case 'corrupt': return new InputError(`${where}: ${e.detail}; rebuild the dataset`);
    case 'unreachable': return new InputError(`${where}: ${e.detail}`);
  }
}

/** Runs `work` on the opened dataset, turning any dataset error it meets into a one-line `InputError`. */
export async function withDatasetFolder<T>(dir: string, work: (reader: DatasetReader) => Promise<T>): Promise<T> {
  const reader = await openDatasetFolder(dir);
  try {
    return await work(reader);
  } catch (e) {
    throw datasetInputError(dir, e);
  }
}
