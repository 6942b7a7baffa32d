/**
 * Writes a dataset into a folder, atomically: files go to a temporary sibling folder that
 * replaces the target only once everything is written, so an interrupted build (Ctrl-C, a crash,
 * a bad input) never leaves a half-written dataset where the explorer would read it.
 */
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import type { DatasetSink } from '../core/dataset/build-dataset.ts';

/** The build was stopped by a signal; the exit status follows the shell's 128 + signal number. */
export class Interrupted extends Error {
  constructor(readonly signal: NodeJS.Signals) {
    super(`interrupted (${signal})`);
  }

  get exitCode(): number {
    return this.signal === 'SIGINT' ? 130 : 143;
  }
}

/** A file the sink could not write, with its path (an ENOSPC names the file, not just the code). */
export class WriteError extends Error {
  constructor(readonly path: string, readonly error: NodeJS.ErrnoException) {
    super(`${path}: ${error.message}`);
  }
}

export class FolderSink implements DatasetSink {
  private readonly made = new Set<string>();
  /** Bytes written so far. */
  bytes = 0;

  /** Once `signal` is aborted every write throws: nothing is written into a folder being removed. */
  constructor(readonly dir: string, private readonly signal?: AbortSignal) {}

  async write(path: string, content: string | Uint8Array): Promise<void> {
    this.signal?.throwIfAborted();
    const target = join(this.dir, path);
    const parent = dirname(target);
    try {
      if (!this.made.has(parent)) {
        await mkdir(parent, { recursive: true });
        this.made.add(parent);
      }
      this.signal?.throwIfAborted();
      await writeFile(target, content);
    } catch (e) {
      if (this.signal?.aborted) throw this.signal.reason;
      throw new WriteError(target, e as NodeJS.ErrnoException);
    }
    this.bytes += typeof content === 'string' ? Buffer.byteLength(content) : content.length;
  }

  /** Reads back a file written before, as bytes (the builder rewrites paragraph shards once entities merge). */
  async read(path: string): Promise<Uint8Array> {
    return readFile(join(this.dir, path));
  }
}

/**
 * Runs `work` with a temporary folder next to `out`, then puts it in place of `out`. On failure or
 * interruption (SIGINT, SIGTERM) the work is stopped first — `signal` aborts, and `work` must stop
 * writing when it does (a FolderSink given the signal does) — then the temporary folder is removed,
 * and `out` stays as it was; an interruption is thrown as `Interrupted`.
 */
export async function writeAtomically<T>(target: string, work: (dir: string, signal: AbortSignal) => Promise<T>): Promise<T> {
  // `out/` and `out` are the same folder; the temporary sibling is named after it, not inside it.
  const out = resolve(target);
  const temporary = `${out}.partial-${process.pid}`;
  const cleanUp = () => rm(temporary, { recursive: true, force: true });
  const controller = new AbortController();
  // Removing the folder here, while the build still writes, would race with it: only abort, and
  // clean up once the work has stopped.
  const onSignal = (signal: NodeJS.Signals) => {
    if (!controller.signal.aborted) controller.abort(new Interrupted(signal));
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  try {
    await cleanUp();
    await mkdir(temporary, { recursive: true });
    const result = await work(temporary, controller.signal);
    controller.signal.throwIfAborted();
    // From here the swap is two renames: it completes even if a signal arrives meanwhile.
    const previous = `${out}.previous-${process.pid}`;
    await rename(out, previous).catch((e: NodeJS.ErrnoException) => { if (e.code !== 'ENOENT') throw e; });
    try {
      await rename(temporary, out);
    } catch (e) {
      await rename(previous, out).catch(() => {});
      throw e;
    }
    await rm(previous, { recursive: true, force: true });
    return result;
  } catch (e) {
    await cleanUp();
    if (controller.signal.aborted) throw controller.signal.reason;
    // The temporary file named in a write error is gone now: name the dataset folder instead.
    throw e instanceof WriteError ? new WriteError(out, e.error) : e;
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}
