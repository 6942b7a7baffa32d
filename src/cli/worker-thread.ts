/**
 * Starts a worker thread on a module next to this one, running the same code as the caller: the
 * compiled JavaScript when the CLI runs from build/node (what users run), else the TypeScript
 * source through tsx (tests that import the CLI's modules as TypeScript). In Node 20, ESM loader
 * hooks do not reach a worker's entry module, so there a CommonJS bootstrap installs tsx's require
 * hook and requires the worker through it.
 */
import { Worker, type WorkerOptions } from 'node:worker_threads';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

/** `name` without extension, e.g. 'parse-worker'. */
export function startWorker(name: string, options: WorkerOptions): Worker {
  if (import.meta.url.endsWith('.js')) return new Worker(new URL(`./${name}.js`, import.meta.url), options);
  const tsx = createRequire(import.meta.url).resolve('tsx/cjs');
  const entry = fileURLToPath(new URL(`./${name}.ts`, import.meta.url));
  return new Worker(`require(${JSON.stringify(tsx)}); require(${JSON.stringify(entry)});`, { ...options, eval: true });
}

/** A job thread as the build holds it: its runner (one of `DatasetOptions`' runners), started early or at its first job. */
export interface RunnerThread<R> {
  /** Starts the thread before its job (see `jobThread`). */
  start(): void;
  run: R;
  close(): Promise<void>;
}

/** A build's thread for one kind of job (the layout, the clustering, the rewrite), as `jobThread` gives it. */
export interface JobThread {
  /**
   * Starts the worker if it is not started yet, so that it has loaded its modules by the time its
   * job is ready; idle until then, it does not keep the process alive on its own.
   */
  start(): void;
  /** Whether the worker was started. */
  readonly started: boolean;
  /**
   * Sends a job (starting the worker if need be) and listens to its messages until `onMessage`
   * says the job is over or the worker fails (`fail` hears it; a worker that failed before the
   * job fails it at once). Meanwhile the worker keeps the process alive.
   */
  run<M>(job: unknown, transfer: ArrayBuffer[], onMessage: (message: M) => boolean, fail: (e: Error) => void): void;
  close(): Promise<void>;
}

/**
 * A thread for worker `name`, started by `start` or by its first job. The build starts its
 * threads when reading ends rather than with the build: on two cores, three threads loading
 * their modules beside the parse workers as they start slowed the reading by more than the
 * threads' start costs once the cores are free (the sample: 5.9 → 5.3 s, median of five).
 */
export function jobThread(name: string): JobThread {
  let worker: Worker | null = null;
  let failed: Error | null = null;
  const begun = (): Worker => {
    if (worker === null) {
      worker = startWorker(name, {});
      worker.unref();
      worker.on('error', (e) => { failed = e; });
    }
    return worker;
  };
  return {
    start: () => void begun(),
    get started() {
      return worker !== null;
    },
    run<M>(job: unknown, transfer: ArrayBuffer[], onMessage: (message: M) => boolean, fail: (e: Error) => void) {
      const worker = begun();
      if (failed) return fail(failed);
      worker.ref();
      const done = () => {
        worker.off('message', message);
        worker.off('error', error);
        worker.off('exit', exit);
        worker.unref();
      };
      const message = (m: M) => {
        if (onMessage(m)) done();
      };
      const error = (e: Error) => { done(); fail(e); };
      const exit = (code: number) => { done(); fail(new Error(`the ${name.replace(/-/g, ' ')} stopped with code ${code}`)); };
      worker.on('message', message);
      worker.on('error', error);
      worker.on('exit', exit);
      worker.postMessage(job, transfer);
    },
    close: async () => { await worker?.terminate(); },
  };
}
