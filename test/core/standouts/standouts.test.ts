import { describe, expect, it } from 'vitest';
import { STANDOUTS_PATH, type EntityRecord, type GraphFile, type StandoutsFile } from '../../../src/core/dataset/format.ts';
import { detectCommunities } from '../../../src/core/graph/communities.ts';
import { seedDataset } from '../dataset/seed-dataset.ts';
import { pairTable } from '../graph/table.ts';

describe('standouts.json in a build', () => {
  it('is written, repeats byte for byte, and names entities and communities as the dataset does', async () => {
    const first = await seedDataset();
    const second = await seedDataset();
    const text = first.files.get(STANDOUTS_PATH)!;
    expect(text).toBe(second.files.get(STANDOUTS_PATH));
    const standouts = JSON.parse(text) as StandoutsFile;
    const records = new Map<number, EntityRecord>();
    for (const [path, content] of first.files) {
      if (path.startsWith('entities/')) for (const r of JSON.parse(content) as EntityRecord[]) records.set(r.id, r);
    }
    expect(standouts.brokers.length).toBeGreaterThan(0);
    for (const b of standouts.brokers) {
      expect(records.get(b.id)).toMatchObject({ key: b.key, label: b.label, community: b.community, strength: b.strength });
      for (const bridge of b.bridges) for (const n of bridge.neighbors) expect(records.get(n.id)!.community).toBe(bridge.community);
    }
    for (const p of standouts.pairs) {
      expect(p.weight).toBeGreaterThanOrEqual(2);
      expect(p.communities).toEqual([records.get(p.source)!.community, records.get(p.target)!.community]);
    }
    const s = standouts.stability;
    expect(s.seeds).toHaveLength(10);
    expect(s.clustered).toBe(first.summary.manifest.clustering.nodes);
    const graph = JSON.parse(first.files.get('graph.json')!) as GraphFile;
    const drawn = new Set(graph.nodes.map((n) => n.attributes!.id));
    expect(s.overview.nodes.every((e) => drawn.has(e))).toBe(true);
    for (const p of [...s.overview.partitions, s.overview.consensus]) expect(p).toHaveLength(s.overview.nodes.length);
  });
});

describe('detectCommunities(withGraph)', () => {
  it('hands over the graph Louvain ran on: the pairs of weight >= minWeight', () => {
    const pairs = pairTable([[0, 1, 3], [1, 2, 3], [0, 2, 3], [2, 3, 1]]);
    let seen: { order: number; size: number } | undefined;
    const c = detectCommunities(5, pairs, { resolution: 1, seed: 1, maxEdges: 3 }, (g) => { seen = { order: g.order, size: g.size }; });
    expect(seen).toEqual({ order: c.nodes, size: c.edges });
    expect(seen).toEqual({ order: 3, size: 3 });
  });
});
