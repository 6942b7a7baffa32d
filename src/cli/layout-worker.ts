/**
 * Worker thread of the build that lays out the overview (`runLayoutJob`) while the main thread
 * writes the entity and search shards. One job per message.
 */
import { parentPort } from 'node:worker_threads';
import { runLayoutJob, type LayoutJob } from '../core/graph/layout.ts';

parentPort!.on('message', (job: LayoutJob) => {
  const { x, y } = runLayoutJob(job);
  parentPort!.postMessage({ x, y });
});
