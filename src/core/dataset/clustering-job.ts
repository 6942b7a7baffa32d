/**
 * The build's clustering as one job: Louvain with the build's seed on the clustered pairs, then,
 * on the same graph, the other seeds the standouts' stability needs (stability.ts). As plain
 * data in and out, so that the CLI can run it on a thread of its own (cli/clustering-thread.ts):
 * the graph is built once, where Louvain runs, and the seeds run there while the main thread
 * writes the entity and search shards. The page's worker runs it in place
 * (`runClusteringInPlace`). The same job gives the same results wherever it runs.
 */
import { louvainOnGraph, type ClusteredEdges, type Clustering, type CommunityOptions } from '../graph/communities.ts';
import { LouvainGraph } from '../graph/louvain-graph.ts';
import { louvainSeeds, type SeedRuns } from '../standouts/stability.ts';

export interface ClusteringJob {
  entities: number;
  edges: ClusteredEdges;
  resolution: number;
  seed: number;
  /** Louvain reruns for stability, seeds `seed + 1` on (0: none). */
  seeds: number;
}

/** Where the job runs: the build's result first (the build waits for it), the seeds' later. */
export type ClusteringRunner = (job: ClusteringJob) => { clustering: Promise<Clustering>; seeds: Promise<SeedRuns> };

export function clusteringJob(entities: number, edges: ClusteredEdges, options: CommunityOptions, seeds: number): ClusteringJob {
  return { entities, edges, resolution: options.resolution, seed: options.seed, seeds };
}

/** Runs `job`: `onClustering` gets the build's result as soon as it is there, the seeds' runs are returned. */
export function runClusteringJob(job: ClusteringJob, onClustering: (clustering: Clustering) => void): SeedRuns {
  const graph = new LouvainGraph(job.edges);
  onClustering(louvainOnGraph(graph, job.entities, job));
  return louvainSeeds(graph, { seeds: job.seeds, firstSeed: job.seed + 1, resolution: job.resolution });
}

/** The job in this thread, all of it at once (the page's worker, `--workers 0`). */
export const runClusteringInPlace: ClusteringRunner = (job) => {
  let clustering: Clustering | undefined;
  const runs = runClusteringJob(job, (c) => { clustering = c; });
  return { clustering: Promise.resolve(clustering!), seeds: Promise.resolve(runs) };
};
