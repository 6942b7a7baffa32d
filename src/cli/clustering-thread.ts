/**
 * A clustering runner on a worker thread, for `DatasetOptions.clusteringRunner`: Louvain runs
 * there on the clustered pairs (sent once, as typed arrays), and then the standouts' Louvain
 * seeds, while the main thread writes the entity and search shards and the layout thread lays
 * the overview out. Started when the build's reading ends, so that its modules load while the
 * pairs are counted; closed with the build. The job and the code are the same as in place, so
 * are the results.
 */
import type { ClusteringJob, ClusteringRunner } from '../core/dataset/clustering-job.ts';
import type { Clustering } from '../core/graph/communities.ts';
import type { SeedRuns } from '../core/standouts/stability.ts';
import { jobThread, type RunnerThread } from './worker-thread.ts';

type Message = { kind: 'clustering'; clustering: Clustering } | { kind: 'seeds'; runs: SeedRuns };

export function clusteringThread(): RunnerThread<ClusteringRunner> {
  const thread = jobThread('clustering-worker');
  return {
    start: thread.start,
    run: (job: ClusteringJob) => {
      const clustering = deferred<Clustering>();
      const seeds = deferred<SeedRuns>();
      const { a, b, weight } = job.edges;
      // The arrays are the build's own copies (clusteredEdges): handed over, not copied.
      thread.run<Message>(job, [a.buffer, b.buffer, weight.buffer] as ArrayBuffer[], (m) => {
        if (m.kind === 'clustering') {
          clustering.resolve(m.clustering);
          return false;
        }
        seeds.resolve(m.runs);
        return true;
      }, (e) => { clustering.reject(e); seeds.reject(e); });
      return { clustering: clustering.promise, seeds: seeds.promise };
    },
    close: () => thread.close(),
  };
}

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (e: Error) => void;
  const promise = new Promise<T>((yes, no) => { resolve = yes; reject = no; });
  // A rejection is thrown where the promise is awaited; until then it is not "unhandled".
  promise.catch(() => {});
  return { promise, resolve, reject };
}
