/**
 * Resolves files on every core with worker threads, yielding the outcomes in the files' order
 * (so builds are deterministic) while keeping only a bounded number of batches in flight (so
 * memory does not grow with the corpus).
 */
import type { Worker } from 'node:worker_threads';
import { availableParallelism } from 'node:os';
import type { ResolveContext } from '../core/entities/resolve-cable.ts';
import { resolveFile, type FileOutcome } from './resolve-file.ts';
import type { ResolutionSources } from '../core/dataset/resolution-context.ts';
import type { CableInput } from './files.ts';
import { startWorker } from './worker-thread.ts';
import { Vocabulary } from '../core/graph/vocabulary.ts';

/** Files per message: large enough to amortise messaging, small enough to balance the workers. */
const BATCH = 32;
/** Batches queued per worker. */
const IN_FLIGHT = 3;
/**
 * A worker holds one batch of cables at a time: a small heap keeps its garbage collected early
 * instead of letting each worker grow to hundreds of MB between collections.
 */
const WORKER_LIMITS = { maxOldGenerationSizeMb: 512, maxYoungGenerationSizeMb: 32 };
/** Below this many files, starting workers costs more than it saves. */
const IN_PROCESS_BELOW = 64;

/** What a parse worker starts with: the resolution's sources, and its producer number for its tallies' words. */
export interface ParseWorkerData {
  sources: ResolutionSources;
  producer: number;
}

export function defaultWorkers(): number {
  return Math.max(1, availableParallelism());
}

/**
 * When `signal` aborts, the workers are terminated and the generator throws the signal's reason:
 * no more outcomes come, so nothing more is written.
 */
export async function* resolveFiles(
  files: readonly CableInput[], sources: ResolutionSources, context: ResolveContext, workers = defaultWorkers(), signal?: AbortSignal,
): AsyncGenerator<FileOutcome> {
  if (workers <= 0 || files.length < IN_PROCESS_BELOW) {
    const vocabulary = new Vocabulary(0);
    for (const file of files) {
      signal?.throwIfAborted();
      yield resolveFile(file, context, vocabulary);
    }
    return;
  }
  const pool = Array.from({ length: Math.min(workers, Math.ceil(files.length / BATCH)) }, (_, producer) =>
    startWorker('parse-worker', { workerData: { sources, producer } satisfies ParseWorkerData, resourceLimits: WORKER_LIMITS }));
  const pending = new Map<number, FileOutcome[]>();
  let failure: Error | null = null;
  let wake: (() => void) | null = null;
  const batches = Math.ceil(files.length / BATCH);
  // Results waiting for an earlier, slower batch are bounded too.
  const window = pool.length * IN_FLIGHT * 2;
  let next = 0;
  let sent = 0;
  const inFlight = new Map<Worker, number>();
  const send = (worker: Worker) => {
    while (sent < batches && sent < next + window && (inFlight.get(worker) ?? 0) < IN_FLIGHT) {
      worker.postMessage({ seq: sent, files: files.slice(sent * BATCH, (sent + 1) * BATCH) });
      inFlight.set(worker, (inFlight.get(worker) ?? 0) + 1);
      sent++;
    }
  };
  for (const worker of pool) {
    worker.on('message', ({ seq, outcomes }: { seq: number; outcomes: FileOutcome[] }) => {
      pending.set(seq, outcomes);
      inFlight.set(worker, inFlight.get(worker)! - 1);
      wake?.();
    });
    worker.on('error', (e) => { failure = e; wake?.(); });
    worker.on('exit', (code) => { if (code !== 0 && !failure) failure = new Error(`a parse worker stopped with code ${code}`); wake?.(); });
  }
  const stop = () => { failure = signal!.reason as Error; wake?.(); };
  signal?.addEventListener('abort', stop, { once: true });
  try {
    signal?.throwIfAborted();
    for (; next < batches; next++) {
      // Refill before waiting: workers keep busy while the caller consumes in order.
      for (const worker of pool) send(worker);
      while (!pending.has(next)) {
        if (failure) throw failure;
        await new Promise<void>((resolve) => { wake = resolve; });
        wake = null;
      }
      const outcomes = pending.get(next)!;
      pending.delete(next);
      yield* outcomes;
      signal?.throwIfAborted();
    }
  } finally {
    signal?.removeEventListener('abort', stop);
    await Promise.all(pool.map((w) => w.terminate()));
  }
}
