/**
 * A layout runner on a worker thread, for `DatasetOptions.layoutRunner`: started with the build,
 * so that it has loaded its modules by the time the overview is ready, and closed with it. The job
 * and the code are the same as in-process, so are the positions.
 */
import type { LayoutJob, LayoutResult, LayoutRunner } from '../core/graph/layout.ts';
import { startJobThread } from './worker-thread.ts';

export interface LayoutThread {
  run: LayoutRunner;
  close(): Promise<void>;
}

export function startLayoutThread(): LayoutThread {
  const thread = startJobThread('layout-worker');
  return {
    run: (job: LayoutJob) => new Promise<LayoutResult>((resolve, reject) => {
      thread.run<LayoutResult>(job, [], (result) => (resolve(result), true), reject);
    }),
    close: () => thread.close(),
  };
}
