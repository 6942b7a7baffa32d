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
      const graph = new LouvainGraph(edges);
      const expected = louvain.detailed(graphologyGraph(edges), { getEdgeWeight: 'weight', resolution, rng: seededRandom(seed) });
      const actual = detailedLouvain(graph, { resolution, seed });
      const byEntity = (community: Int32Array) => Object.fromEntries(Array.from(graph.nodes, (e, i) => [String(e), community[i]]));
      expect(byEntity(actual.community)).toEqual(expected.communities);
      expect(actual.modularity).toBe(expected.modularity);
      const plain = louvain(graphologyGraph(edges), { getEdgeWeight: 'weight', resolution, rng: seededRandom(seed) });
      expect(byEntity(louvainCommunities(graph, { resolution, seed }))).toEqual(plain);
    }), { numRuns: 200 });
  });

  it('has the nodes in order of first sight, shown to Louvain by their index, with their degrees, and the edges in order', () => {
    const graph = new LouvainGraph({ a: Uint32Array.of(7, 2, 7), b: Uint32Array.of(2, 4, 4), weight: Uint32Array.of(1, 5, 3) });
    expect(Array.from(graph.nodes)).toEqual([7, 2, 4]);
    expect([graph.order, graph.size]).toEqual([3, 3]);
    const nodes: number[] = [];
    graph.forEachNode((n) => nodes.push(n));
    expect(nodes).toEqual([0, 1, 2]);
    expect(nodes.map((n) => graph.undirectedDegreeWithoutSelfLoops(n))).toEqual([2, 2, 2]);
    const seen: number[][] = [];
    graph.forEachEdge((edge, _, s, t) => seen.push([edge, s, t, graph.weightOf(edge)]));
    expect(seen).toEqual([[0, 0, 1, 1], [1, 1, 2, 5], [2, 0, 2, 3]]);
  });

  it('refuses a loop and any change', () => {
    expect(() => new LouvainGraph({ a: Uint32Array.of(1), b: Uint32Array.of(1), weight: Uint32Array.of(1) })).toThrow('edge 0 is a loop on 1');
    const graph = new LouvainGraph({ a: Uint32Array.of(0), b: Uint32Array.of(1), weight: Uint32Array.of(1) });
    expect(() => graph.addUndirectedEdgeWithKey()).toThrow('read-only');
    expect(() => graph.dropNode()).toThrow('read-only');
  });
});
