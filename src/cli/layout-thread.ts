/**
 * A layout runner on a worker thread, for `DatasetOptions.layoutRunner`: started with the build,
 * so that it has loaded its modules by the time the overview is ready, and closed with it. The job
 * and the code are the same as in-process, so are the positions.
 */
import type { LayoutJob, LayoutResult, LayoutRunner } from '../core/graph/layout.ts';
import { startWorker } from './worker-thread.ts';

export interface LayoutThread {
  run: LayoutRunner;
  close(): Promise<void>;
}

export function startLayoutThread(): LayoutThread {
  const worker = startWorker('layout-worker', {});
  // Idle until the job comes: it must not keep the process alive on its own.
  worker.unref();
  let failed: Error | null = null;
  worker.on('error', (e) => { failed = e; });
  return {
    run: (job: LayoutJob) => new Promise<LayoutResult>((resolve, reject) => {
      if (failed) return reject(failed);
      worker.ref();
      const done = () => {
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onExit);
        worker.unref();
      };
      const onMessage = (result: LayoutResult) => { done(); resolve(result); };
      const onError = (e: Error) => { done(); reject(e); };
      const onExit = (code: number) => { done(); reject(new Error(`the layout worker stopped with code ${code}`)); };
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.on('exit', onExit);
      worker.postMessage(job);
    }),
    close: async () => { await worker.terminate(); },
  };
}
