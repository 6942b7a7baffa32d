import { describe, expect, it } from 'vitest';
import { clusteredEdges, communitiesOf, DEFAULT_COMMUNITY_OPTIONS, detectCommunities } from '../../../src/core/graph/communities.ts';
import { clusteringJob, runClusteringInPlace, runClusteringJob } from '../../../src/core/dataset/clustering-job.ts';
import { louvainSeeds, pairGraph } from '../../../src/core/standouts/stability.ts';
import { ringOfCliques } from './clustering-fixture.ts';

describe('runClusteringJob', () => {
  it('gives the communities detectCommunities gives, then the seed runs of the same graph', () => {
    const { entities, pairs } = ringOfCliques();
    const options = { ...DEFAULT_COMMUNITY_OPTIONS, seed: 3 };
    let graphSeen: Parameters<NonNullable<Parameters<typeof detectCommunities>[3]>>[0] | null = null;
    const direct = detectCommunities(entities, pairs, options, (g) => { graphSeen = g; });
    const expected = louvainSeeds(graphSeen!, { seeds: 10, firstSeed: 4, resolution: 1 });

    const edges = clusteredEdges(pairs, options.maxEdges);
    const order: string[] = [];
    let clustering = null as Parameters<Parameters<typeof runClusteringJob>[1]>[0] | null;
    const runs = runClusteringJob(clusteringJob(entities, edges, options, 10), (c) => { order.push('clustering'); clustering = c; });
    order.push('seeds');
    expect(order).toEqual(['clustering', 'seeds']);
    expect(communitiesOf(clustering!, pairs, edges.minWeight)).toEqual(direct);
    expect(runs.seeds).toEqual([4, 5, 6, 7, 8, 9, 10, 11, 12, 13]);
    expect(runs.nodes).toEqual(expected.nodes);
    expect(runs.partitions).toEqual(expected.partitions);
    // The seeds differ from one another on this graph: the comparison above is not between copies of one partition.
    expect(new Set(runs.partitions.map((p) => p.join())).size).toBeGreaterThan(1);
  });

  it('clusters only the pairs of weight ≥ the threshold, the seeds included', () => {
    const { entities, pairs } = ringOfCliques();
    const edges = clusteredEdges(pairs, 100);
    expect(edges.a.length).toBeLessThanOrEqual(100);
    expect(Math.min(...edges.weight)).toBe(edges.minWeight);
    const kept = Array.from(pairs.weight.keys()).filter((p) => pairs.weight[p]! >= edges.minWeight);
    const runs = runClusteringJob(clusteringJob(entities, edges, DEFAULT_COMMUNITY_OPTIONS, 3), () => {});
    const expected = louvainSeeds(pairGraph(pairs, kept), { seeds: 3, firstSeed: 2, resolution: 1 });
    expect(runs.partitions).toEqual(expected.partitions);
  });

  it('in place: the same results, and no seed run when none is asked for', async () => {
    const { entities, pairs } = ringOfCliques();
    const edges = clusteredEdges(pairs, DEFAULT_COMMUNITY_OPTIONS.maxEdges);
    const job = clusteringJob(entities, edges, DEFAULT_COMMUNITY_OPTIONS, 10);
    let clustering = null as Parameters<Parameters<typeof runClusteringJob>[1]>[0] | null;
    const runs = runClusteringJob(job, (c) => { clustering = c; });
    const inPlace = runClusteringInPlace(job);
    expect(await inPlace.clustering).toEqual(clustering);
    expect((await inPlace.seeds).partitions).toEqual(runs.partitions);
    const none = runClusteringInPlace(clusteringJob(entities, edges, DEFAULT_COMMUNITY_OPTIONS, 0));
    expect(await none.clustering).toEqual(clustering);
    expect((await none.seeds).partitions).toEqual([]);
  });
});
