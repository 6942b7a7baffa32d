/**
 * Worker thread of the build that clusters (core's `runClusteringJob`): it posts Louvain's result
 * for the build as soon as it has it, then the standouts' seed runs on the same graph, which it
 * drops after them. One job per message.
 */
import { parentPort } from 'node:worker_threads';
import { runClusteringJob, type ClusteringJob } from '../core/dataset/clustering-job.ts';

parentPort!.on('message', (job: ClusteringJob) => {
  const runs = runClusteringJob(job, (clustering) => {
    parentPort!.postMessage({ kind: 'clustering', clustering }, [clustering.raw.buffer as ArrayBuffer]);
  });
  parentPort!.postMessage({ kind: 'seeds', runs }, [runs.nodes.buffer, ...runs.partitions.map((p) => p.buffer)] as ArrayBuffer[]);
});
