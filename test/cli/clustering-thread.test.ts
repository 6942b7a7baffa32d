import { describe, expect, it } from 'vitest';
import { clusteringThread } from '../../src/cli/clustering-thread.ts';
import { clusteringJob, runClusteringInPlace } from '../../src/core/dataset/clustering-job.ts';
import { DEFAULT_COMMUNITY_OPTIONS, clusteredEdges } from '../../src/core/graph/communities.ts';
import { ringOfCliques } from '../core/dataset/clustering-fixture.ts';

const job = () => {
  const { entities, pairs } = ringOfCliques();
  return clusteringJob(entities, clusteredEdges(pairs, DEFAULT_COMMUNITY_OPTIONS.maxEdges), DEFAULT_COMMUNITY_OPTIONS, 10);
};

describe('the clustering thread', () => {
  it('gives the communities and seed runs of the job in place, and runs jobs one after another', async () => {
    const here = runClusteringInPlace(job());
    const [clustering, seeds] = [await here.clustering, await here.seeds];
    expect(new Set(seeds.partitions.map((p) => p.join())).size).toBeGreaterThan(1);
    const thread = clusteringThread();
    try {
      for (let run = 0; run < 2; run++) {
        const there = thread.run(job());
        expect(await there.clustering).toEqual(clustering);
        const theirs = await there.seeds;
        expect(theirs.seeds).toEqual(seeds.seeds);
        expect(theirs.nodes).toEqual(seeds.nodes);
        expect(theirs.partitions).toEqual(seeds.partitions);
      }
    } finally {
      await thread.close();
    }
  });
});
