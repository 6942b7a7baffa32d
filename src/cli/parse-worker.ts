/**
 * Worker thread of the build: resolves the files it is sent, in order, and posts the results
 * back. A thin adapter over `resolveFile`; the resolution context arrives once, at start.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { resolveFile } from './resolve-file.ts';
import type { CableInput } from './files.ts';
import { resolutionContext } from '../core/dataset/resolution-context.ts';
import { Vocabulary } from '../core/graph/vocabulary.ts';
import type { ParseWorkerData } from './parse-pool.ts';

const { sources, producer } = workerData as ParseWorkerData;
const { context } = resolutionContext(sources);
const vocabulary = new Vocabulary(producer);

parentPort!.on('message', ({ seq, files }: { seq: number; files: CableInput[] }) => {
  const outcomes = files.map((file) => resolveFile(file, context, vocabulary));
  // The records' bytes move to the main thread rather than being copied.
  parentPort!.postMessage({ seq, outcomes }, outcomes.flatMap((o) => (o.cable === null ? [] : [o.tally.records.buffer as ArrayBuffer])));
});
