import fc from 'fast-check';
import Graph from 'graphology';
import louvainGraphology from 'graphology-communities-louvain';
import { describe, expect, it } from 'vitest';
import { csrFromEdges, louvain, modularity, type CsrGraph } from '../../../src/core/graph/louvain.ts';
import { seededRandom } from '../../../src/core/graph/random.ts';

type Edge = [number, number, number];

const csr = (nodes: number, edges: Edge[]): CsrGraph =>
  csrFromEdges(nodes, edges.map((e) => e[0]), edges.map((e) => e[1]), edges.map((e) => e[2]), edges.length);

/** `k` cliques of `size` nodes (weight 5 inside), each joined to the next by one weight-1 edge. */
function cliques(k: number, size: number): Edge[] {
  const edges: Edge[] = [];
  for (let c = 0; c < k; c++) {
    for (let i = 0; i < size; i++) for (let j = i + 1; j < size; j++) edges.push([c * size + i, c * size + j, 5]);
    if (c > 0) edges.push([c * size - 1, c * size, 1]);
  }
  return edges;
}

/** Modularity straight from its definition: Σ_ij [A_ij − r k_i k_j / 2m] δ(c_i, c_j) / 2m. */
function naiveModularity(nodes: number, edges: Edge[], community: ArrayLike<number>, resolution: number): number {
  const A = Array.from({ length: nodes }, () => new Float64Array(nodes));
  for (const [a, b, w] of edges) { A[a]![b]! += w; A[b]![a]! += w; }
  const k = A.map((row) => row.reduce((s, x) => s + x, 0));
  const m2 = k.reduce((s, x) => s + x, 0);
  let q = 0;
  for (let i = 0; i < nodes; i++) {
    for (let j = 0; j < nodes; j++) if (community[i] === community[j]) q += A[i]![j]! - (resolution * k[i]! * k[j]!) / m2;
  }
  return q / m2;
}

/** Random simple graphs: distinct pairs a < b with positive weights. */
const graphs = fc.integer({ min: 2, max: 30 }).chain((nodes) =>
  fc.uniqueArray(fc.tuple(fc.nat({ max: nodes - 1 }), fc.nat({ max: nodes - 1 }), fc.integer({ min: 1, max: 9 }))
    .filter(([a, b]) => a < b), { selector: ([a, b]) => `${a}-${b}`, minLength: 1, maxLength: 80 })
    .map((edges) => ({ nodes, edges: edges as Edge[] })));

describe('louvain (typed arrays)', () => {
  it('finds planted cliques, each one community', () => {
    const result = louvain(csr(60, cliques(6, 10)), { resolution: 1, random: seededRandom(1) });
    expect(result.count).toBe(6);
    for (let i = 0; i < 60; i++) expect(result.community[i]).toBe(result.community[Math.floor(i / 10) * 10]);
  });

  it('reports the modularity of its partition, as the definition gives it', () => {
    fc.assert(fc.property(graphs, fc.integer({ min: 1, max: 1000 }), fc.double({ min: 0.2, max: 3, noNaN: true }), ({ nodes, edges }, seed, resolution) => {
      const result = louvain(csr(nodes, edges), { resolution, random: seededRandom(seed) });
      expect(result.modularity).toBeCloseTo(naiveModularity(nodes, edges, result.community, resolution), 9);
      // Never worse than every node on its own, its starting point.
      const singletons = Int32Array.from({ length: nodes }, (_, i) => i);
      expect(result.modularity).toBeGreaterThanOrEqual(modularity(csr(nodes, edges), singletons, nodes, resolution) - 1e-12);
    }), { numRuns: 200 });
  });

  it('repeats exactly with the same seed', () => {
    fc.assert(fc.property(graphs, fc.integer(), ({ nodes, edges }, seed) => {
      const run = () => Array.from(louvain(csr(nodes, edges), { resolution: 1, random: seededRandom(seed) }).community);
      expect(run()).toEqual(run());
    }), { numRuns: 50 });
  });

  it('clusters as well as graphology-communities-louvain on a noisy planted partition', () => {
    // 20 groups of 15, dense inside, plus random noise between groups.
    const random = seededRandom(3);
    const edges: Edge[] = [];
    const seen = new Set<string>();
    const add = (a: number, b: number, w: number) => {
      const [x, y] = a < b ? [a, b] : [b, a];
      if (x === y || seen.has(`${x}-${y}`)) return;
      seen.add(`${x}-${y}`);
      edges.push([x, y, w]);
    };
    for (let i = 0; i < 300; i++) {
      for (let t = 0; t < 6; t++) add(i, Math.floor(i / 15) * 15 + Math.floor(random() * 15), 1 + Math.floor(random() * 4));
      for (let t = 0; t < 3; t++) add(i, Math.floor(random() * 300), 1);
    }
    const ours = louvain(csr(300, edges), { resolution: 1, random: seededRandom(1) });
    const graph = new Graph({ type: 'undirected' });
    for (let i = 0; i < 300; i++) graph.addNode(String(i));
    for (const [a, b, w] of edges) graph.addEdge(String(a), String(b), { weight: w });
    const theirs = louvainGraphology.detailed(graph, { getEdgeWeight: 'weight', rng: seededRandom(1) });
    expect(ours.modularity).toBeGreaterThanOrEqual(theirs.modularity - 0.005);
    expect(ours.modularity).toBeCloseTo(naiveModularity(300, edges, ours.community, 1), 9);
  });
});
