/**
 * Worker thread of the build: resolves the files it is sent, in order, and posts the results
 * back. A thin adapter over `resolveFile`; the resolution context arrives once, at start.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { resolveFile } from './resolve-file.ts';
import type { CableInput } from './files.ts';
import { resolutionContext, type ResolutionSources } from '../core/dataset/pipeline.ts';

const { context } = resolutionContext(workerData as ResolutionSources);

parentPort!.on('message', ({ seq, files }: { seq: number; files: CableInput[] }) => {
  parentPort!.postMessage({ seq, outcomes: files.map((file) => resolveFile(file, context)) });
});
