/**
 * A layout runner on a worker thread, for `DatasetOptions.layoutRunner`: started when the build's
 * reading ends (`start`), so that it has loaded its modules by the time the overview is ready, and
 * closed with the build. The job and the code are the same as in-process, so are the positions.
 */
import type { LayoutJob, LayoutResult, LayoutRunner } from '../core/graph/layout.ts';
import { jobThread, type RunnerThread } from './worker-thread.ts';

export function layoutThread(): RunnerThread<LayoutRunner> {
  const thread = jobThread('layout-worker');
  return {
    start: thread.start,
    run: (job: LayoutJob) => new Promise<LayoutResult>((resolve, reject) => {
      thread.run<LayoutResult>(job, [], (result) => (resolve(result), true), reject);
    }),
    close: () => thread.close(),
  };
}
