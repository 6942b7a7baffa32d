/**
 * The build worker: a thin message adapter over core's in-memory build (buildFromFiles) and
 * dataset bundles, so parsing, community detection and layout never run on the page's thread.
 * One worker serves one dataset: it builds it (or reopens a bundle), posts throttled progress
 * and the dataset's files, then keeps the files to pack them into one download on request.
 * Cancelling is the page terminating the worker. Messages: protocol.ts.
 */
import { buildFromFiles } from '../core/dataset/build-from-files.ts';
import { packBundle, unpackBundle } from '../core/dataset/bundle.ts';
import { applyTables, expandSources, tablesOf } from './expand-sources.ts';
import type { BuildProgress, FromWorker, SourceFile, ToWorker } from './protocol.ts';
import { throttle } from './throttle.ts';

/** The parts of a dedicated worker's global scope used here (the project's lib is DOM's). */
interface WorkerScope {
  postMessage(message: FromWorker): void;
  addEventListener(type: 'message', listener: (e: MessageEvent<ToWorker>) => void): void;
}
const scope = self as unknown as WorkerScope;
const post = (message: FromWorker) => scope.postMessage(message);

let held: Map<string, string> | null = null;
let added: SourceFile[] = [];

async function build(message: Extract<ToWorker, { type: 'build' }>): Promise<void> {
  const t0 = performance.now();
  const sources = added;
  added = [];
  const progress: BuildProgress = { stage: 'files', files: 0, totalFiles: sources.length, cables: 0, totalCables: 0, paragraphs: 0, entities: 0 };
  const report = throttle((p: BuildProgress) => post({ type: 'progress', progress: { ...p } }));
  report(progress, true);
  const expanded = await expandSources(sources, {
    onFile(done) {
      progress.files = done;
      report(progress, done === sources.length);
    },
  });
  const inputs = applyTables(expanded.inputs, message.tables);
  const result = await buildFromFiles(inputs, {
    onProgress(p) {
      const stageChanged = p.phase !== progress.stage;
      Object.assign(progress, { stage: p.phase, cables: p.cables, totalCables: p.totalCables, paragraphs: p.paragraphs, entities: p.entities });
      report(progress, stageChanged || p.cables === p.totalCables);
    },
  });
  // The CLI's rule too (emptiness.ts): a build without one entity is not a dataset to open.
  if (result.empty) {
    post({ type: 'failed', message: `no dataset built: ${result.empty.message}${result.empty.hint ? `; ${result.empty.hint}` : ''}` });
    return;
  }
  held = result.files;
  post({ type: 'built', files: result.files, problems: [...expanded.problems, ...result.problems], tables: tablesOf(inputs), seconds: (performance.now() - t0) / 1000 });
}

async function open(message: Extract<ToWorker, { type: 'open' }>): Promise<void> {
  const unpacked = unpackBundle(await message.data.text());
  if ('error' in unpacked) {
    post({ type: 'failed', message: `${message.name}: ${unpacked.error}` });
    return;
  }
  held = unpacked.files;
  post({ type: 'opened', files: unpacked.files });
}

function pack(): void {
  if (!held) {
    post({ type: 'failed', message: 'no dataset to download yet: build or open one first' });
    return;
  }
  post({ type: 'packed', blob: new Blob([packBundle(held)], { type: 'application/json' }) });
}

scope.addEventListener('message', (e) => {
  const message = e.data;
  if (message.type === 'add') {
    added.push(...message.sources);
    return;
  }
  const work = message.type === 'build' ? build(message) : message.type === 'open' ? open(message) : Promise.resolve(pack());
  work.catch((error: unknown) => post({ type: 'failed', message: error instanceof Error ? error.message : String(error) }));
});
