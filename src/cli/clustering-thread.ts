/**
 * A clustering runner on a worker thread, for `DatasetOptions.clusteringRunner`: Louvain runs
 * there on the clustered pairs (sent once, as typed arrays), and then the standouts' Louvain
 * seeds, while the main thread writes the entity and search shards and the layout thread lays
 * the overview out. Started with the build, so that graphology is loaded by the time the pairs
 * are counted; closed with it. The job and the code are the same as in place, so are the results.
 */
import type { ClusteringJob, ClusteringRunner } from '../core/dataset/clustering-job.ts';
import type { Clustering } from '../core/graph/communities.ts';
import type { SeedRuns } from '../core/standouts/stability.ts';
import { startWorker } from './worker-thread.ts';

export interface ClusteringThread {
  run: ClusteringRunner;
  close(): Promise<void>;
}

type Message = { kind: 'clustering'; clustering: Clustering } | { kind: 'seeds'; runs: SeedRuns };

export function startClusteringThread(): ClusteringThread {
  const worker = startWorker('clustering-worker', {});
  // Idle until the job comes: it must not keep the process alive on its own.
  worker.unref();
  let failed: Error | null = null;
  worker.on('error', (e) => { failed = e; });
  return {
    run: (job: ClusteringJob) => {
      const clustering = deferred<Clustering>();
      const seeds = deferred<SeedRuns>();
      const fail = (e: Error) => { clustering.reject(e); seeds.reject(e); };
      const result = { clustering: clustering.promise, seeds: seeds.promise };
      if (failed) {
        fail(failed);
        return result;
      }
      worker.ref();
      const done = () => {
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onExit);
        worker.unref();
      };
      const onMessage = (m: Message) => {
        if (m.kind === 'clustering') return clustering.resolve(m.clustering);
        done();
        seeds.resolve(m.runs);
      };
      const onError = (e: Error) => { done(); fail(e); };
      const onExit = (code: number) => { done(); fail(new Error(`the clustering worker stopped with code ${code}`)); };
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.on('exit', onExit);
      const { a, b, weight } = job.edges;
      // The arrays are the build's own copies (clusteredEdges): handed over, not copied.
      worker.postMessage(job, [a.buffer, b.buffer, weight.buffer] as ArrayBuffer[]);
      return result;
    },
    close: async () => { await worker.terminate(); },
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
