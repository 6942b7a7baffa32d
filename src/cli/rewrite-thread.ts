/**
 * A rewrite runner on a worker thread, for `DatasetOptions.rewriteRunner`: the paragraph shards
 * of the dataset folder being written are rewritten there, while the main thread writes the
 * entity and search shards. The code is the same as in place, so are the bytes.
 */
import type { RewriteJob, RewriteRunner } from '../core/dataset/build-dataset.ts';
import { WriteError, type FolderSink } from './folder-sink.ts';
import type { RewriteMessage } from './rewrite-worker.ts';
import { jobThread, type RunnerThread } from './worker-thread.ts';

/** Rewrites the shards in `sink`'s folder, counting what it writes in the sink's bytes. */
export function rewriteThread(sink: FolderSink): RunnerThread<RewriteRunner> {
  const thread = jobThread('rewrite-worker');
  return {
    start: thread.start,
    run: (job: RewriteJob) => new Promise<void>((resolve, reject) => {
      thread.run<RewriteMessage>({ ...job, dir: sink.dir }, [job.keyStart.buffer, job.ids.buffer] as ArrayBuffer[], (m) => {
        if ('failed' in m) {
          const { path, message, code } = m.failed;
          // A file system error reads as any write's; a shard not as the build wrote it, as itself.
          reject(code === undefined ? new Error(`${path}: ${message}`) : new WriteError(path, Object.assign(new Error(message), { code })));
        } else {
          sink.bytes += m.bytes;
          resolve();
        }
        return true;
      }, reject);
    }),
    close: () => thread.close(),
  };
}
