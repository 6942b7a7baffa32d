/**
 * The page's side of the build worker (src/workers/build-worker.ts): one worker per dataset,
 * with one request at a time as a promise. `terminate()` is how a build is cancelled: the
 * worker stops at once, wherever it is, and the pending request rejects with `Cancelled`.
 */
import type { Diagnostic } from '../../core/diagnostics.ts';
import type { BuildProgress, FromWorker, SourceFile, Tables, ToWorker } from '../../workers/protocol.ts';
import { nextTask } from '../pace.ts';

export class Cancelled extends Error {
  constructor() {
    super('cancelled');
    this.name = 'Cancelled';
  }
}

export interface Built {
  files: Map<string, string>;
  problems: Diagnostic[];
  tables: Tables;
  seconds: number;
}

export interface DatasetWorker {
  build(sources: SourceFile[], tables: Partial<Tables>, onProgress: (p: BuildProgress) => void): Promise<Built>;
  open(name: string, data: Blob): Promise<Map<string, string>>;
  pack(): Promise<Blob>;
  terminate(): void;
}

/** The parts of a Worker used here, so tests can pass a fake. */
export interface WorkerLike {
  postMessage(message: ToWorker): void;
  addEventListener(type: 'message', listener: (e: MessageEvent<FromWorker>) => void): void;
  addEventListener(type: 'error', listener: (e: ErrorEvent) => void): void;
  terminate(): void;
}

/** Files per message: each batch is cloned in its own task, short enough not to hold the page. */
export const FILES_PER_MESSAGE = 64;

// Vite bundles the worker from this URL (a separate module file, so the page's CSP holds).
const spawn = (): WorkerLike => new Worker(new URL('../../workers/build-worker.ts', import.meta.url), { type: 'module', name: 'cablegraph-build' }) as WorkerLike;

interface Pending {
  expect: FromWorker['type'];
  resolve(message: FromWorker): void;
  reject(error: Error): void;
  progress?(p: BuildProgress): void;
}

export function createDatasetWorker(make: () => WorkerLike = spawn): DatasetWorker {
  const worker = make();
  let pending: Pending | null = null;
  let dead = false;

  const settle = (action: (p: Pending) => void) => {
    const p = pending;
    pending = null;
    if (p) action(p);
  };

  worker.addEventListener('message', (e) => {
    const message = e.data;
    if (message.type === 'progress') pending?.progress?.(message.progress);
    else if (message.type === 'failed') settle((p) => p.reject(new Error(message.message)));
    else if (pending?.expect === message.type) settle((p) => p.resolve(message));
  });
  worker.addEventListener('error', (e) => {
    // An error event means the worker's script failed (it could not load, or threw outside a request).
    dead = true;
    settle((p) => p.reject(new Error(`the build worker failed: ${e.message || 'it could not start'}`)));
  });

  const request = <T extends FromWorker['type']>(message: ToWorker, expect: T, progress?: (p: BuildProgress) => void) =>
    new Promise<Extract<FromWorker, { type: T }>>((resolve, reject) => {
      if (dead) return reject(new Error('the build worker has stopped'));
      if (pending) return reject(new Error(`the build worker is busy with a request for '${pending.expect}'`));
      pending = { expect, resolve: resolve as (m: FromWorker) => void, reject, ...(progress ? { progress } : {}) };
      worker.postMessage(message);
    });

  return {
    async build(sources, tables, onProgress) {
      for (let i = 0; i < sources.length; i += FILES_PER_MESSAGE) {
        if (i > 0) await nextTask();
        if (dead) throw new Cancelled();
        worker.postMessage({ type: 'add', sources: sources.slice(i, i + FILES_PER_MESSAGE) });
      }
      const { files, problems, tables: used, seconds } = await request({ type: 'build', tables }, 'built', onProgress);
      return { files, problems, tables: used, seconds };
    },
    async open(name, data) {
      return (await request({ type: 'open', name, data }, 'opened')).files;
    },
    async pack() {
      return (await request({ type: 'pack' }, 'packed')).blob;
    },
    terminate() {
      dead = true;
      worker.terminate();
      settle((p) => p.reject(new Cancelled()));
    },
  };
}
