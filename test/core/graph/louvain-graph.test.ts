import fc from 'fast-check';
import Graph from 'graphology';
import louvain from 'graphology-communities-louvain';
import { describe, expect, it } from 'vitest';
import { detailedLouvain, louvainCommunities, LouvainGraph, type WeightedEdges } from '../../../src/core/graph/louvain-graph.ts';
import { seededRandom } from '../../../src/core/graph/random.ts';

/** The graphology graph the build used to cluster: nodes in order of first sight, edges by index. */
function graphologyGraph(edges: WeightedEdges): Graph {
  const graph = new Graph({ type: 'undirected', multi: false, allowSelfLoops: false });
  for (let i = 0; i < edges.a.length; i++) {
    const s = String(edges.a[i]);
    const t = String(edges.b[i]);
    graph.mergeNode(s);
    graph.mergeNode(t);
    graph.addUndirectedEdgeWithKey(String(i), s, t, { weight: edges.weight[i] });
  }
  return graph;
}

/** Random simple weighted graphs on up to 40 entity ids, in random edge order. */
const edgeLists = fc.uniqueArray(
  fc.record({ s: fc.nat(39), t: fc.nat(39), w: fc.integer({ min: 1, max: 9 }) }).filter(({ s, t }) => s !== t),
  { minLength: 1, maxLength: 150, selector: ({ s, t }) => `${Math.min(s, t)},${Math.max(s, t)}` },
).map((list): WeightedEdges => ({
  a: Uint32Array.from(list, (e) => e.s),
  b: Uint32Array.from(list, (e) => e.t),
  weight: Uint32Array.from(list, (e) => e.w),
}));

describe('LouvainGraph', () => {
  it('gives every seed the partition and modularity Louvain finds on the graphology graph', () => {
    fc.assert(fc.property(edgeLists, fc.integer({ min: 1, max: 1000 }), fc.constantFrom(0.5, 1, 2), (edges, seed, resolution) => {
      const expected = louvain.detailed(graphologyGraph(edges), { getEdgeWeight: 'weight', resolution, rng: seededRandom(seed) });
      const actual = detailedLouvain(new LouvainGraph(edges), { resolution, seed });
      expect(actual.communities).toEqual(expected.communities);
      expect(actual.modularity).toBe(expected.modularity);
      expect(actual.count).toBe(expected.count);
      const plain = louvain(graphologyGraph(edges), { getEdgeWeight: 'weight', resolution, rng: seededRandom(seed) });
      expect(louvainCommunities(new LouvainGraph(edges), { resolution, seed })).toEqual(plain);
    }), { numRuns: 200 });
  });

  it('has the nodes in order of first sight with their degrees, and the edges in order', () => {
    const graph = new LouvainGraph({ a: Uint32Array.of(7, 2, 7), b: Uint32Array.of(2, 4, 4), weight: Uint32Array.of(1, 5, 3) });
    expect(Array.from(graph.nodes)).toEqual([7, 2, 4]);
    expect([graph.order, graph.size]).toEqual([3, 3]);
    expect([7, 2, 4].map((n) => graph.undirectedDegreeWithoutSelfLoops(n))).toEqual([2, 2, 2]);
    const seen: number[][] = [];
    graph.forEachEdge((edge, _, s, t) => seen.push([edge, s, t, graph.weightOf(edge)]));
    expect(seen).toEqual([[0, 7, 2, 1], [1, 2, 4, 5], [2, 7, 4, 3]]);
  });

  it('refuses a loop and any change', () => {
    expect(() => new LouvainGraph({ a: Uint32Array.of(1), b: Uint32Array.of(1), weight: Uint32Array.of(1) })).toThrow('edge 0 is a loop on 1');
    const graph = new LouvainGraph({ a: Uint32Array.of(0), b: Uint32Array.of(1), weight: Uint32Array.of(1) });
    expect(() => graph.addUndirectedEdgeWithKey()).toThrow('read-only');
    expect(() => graph.dropNode()).toThrow('read-only');
  });
});
