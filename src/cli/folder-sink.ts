/**
 * Writes a dataset into a folder, atomically: files go to a temporary sibling folder that
 * replaces the target only once everything is written, so an interrupted build (Ctrl-C, a crash,
 * a bad input) never leaves a half-written dataset where the explorer would read it.
 */
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import type { DatasetSink } from '../core/dataset/build-dataset.ts';

export class FolderSink implements DatasetSink {
  private readonly made = new Set<string>();
  /** Bytes written so far. */
  bytes = 0;

  constructor(readonly dir: string) {}

  async write(path: string, content: string): Promise<void> {
    const target = join(this.dir, path);
    const parent = dirname(target);
    if (!this.made.has(parent)) {
      await mkdir(parent, { recursive: true });
      this.made.add(parent);
    }
    await writeFile(target, content);
    this.bytes += Buffer.byteLength(content);
  }

  /** Reads back a file written before (the builder rewrites paragraph shards once entities merge). */
  async read(path: string): Promise<string> {
    return readFile(join(this.dir, path), 'utf8');
  }
}

/**
 * Runs `work` with a temporary folder next to `out`, then puts it in place of `out`. On failure or
 * interruption the temporary folder is removed and `out` stays as it was.
 */
export async function writeAtomically<T>(target: string, work: (dir: string) => Promise<T>): Promise<T> {
  // `out/` and `out` are the same folder; the temporary sibling is named after it, not inside it.
  const out = resolve(target);
  const temporary = `${out}.partial-${process.pid}`;
  const cleanUp = () => rm(temporary, { recursive: true, force: true });
  const onSignal = (signal: NodeJS.Signals) => {
    void cleanUp().finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    await cleanUp();
    await mkdir(temporary, { recursive: true });
    const result = await work(temporary);
    const previous = `${out}.previous-${process.pid}`;
    await rename(out, previous).catch((e: NodeJS.ErrnoException) => { if (e.code !== 'ENOENT') throw e; });
    await rename(temporary, out);
    await rm(previous, { recursive: true, force: true });
    return result;
  } catch (e) {
    await cleanUp();
    throw e;
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}
