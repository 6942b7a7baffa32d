/**
 * Worker thread of the build: resolves the files it is sent, in order, and posts the results
 * back. A thin adapter over `resolveFile`; the resolution context arrives once, at start.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { resolveFile } from './resolve-file.ts';
import type { CableInput } from './files.ts';
import { contextFromSources, type ContextSources } from './resolution-inputs.ts';

const context = contextFromSources(workerData as ContextSources);

parentPort!.on('message', ({ seq, files }: { seq: number; files: CableInput[] }) => {
  parentPort!.postMessage({ seq, outcomes: files.map((file) => resolveFile(file, context)) });
});
