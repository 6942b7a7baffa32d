import Graph from 'graphology';
import forceAtlas2 from 'graphology-layout-forceatlas2';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LAYOUT_OPTIONS, layoutGraph, layoutSettings, placeByCommunity } from '../../../src/core/graph/layout.ts';
import { seededRandom } from '../../../src/core/graph/random.ts';

/** A ring of `n` nodes in `communities` groups, with a chord from every 7th node to the one opposite. */
function ring(n: number, communities: number): Graph {
  const graph = new Graph({ type: 'undirected' });
  for (let i = 0; i < n; i++) graph.addNode(`n${i}`, { community: i % communities });
  for (let i = 0; i < n; i++) graph.addEdge(`n${i}`, `n${(i + 1) % n}`, { weight: 1 + (i % 3) });
  for (let i = 0; i < n / 2; i += 7) graph.addEdge(`n${i}`, `n${i + n / 2}`, { weight: 4 });
  return graph;
}

describe('layoutSettings(order)', () => {
  it('keeps hubs central and halves the pull of heavy pairs, on top of what ForceAtlas2 infers for the size', () => {
    for (const order of [10, 900, 5000]) {
      const settings = layoutSettings(order);
      expect(settings).toMatchObject({ outboundAttractionDistribution: false, linLogMode: false, edgeWeightInfluence: 0.5 });
      expect(settings.gravity).toBe(forceAtlas2.inferSettings(order).gravity);
      expect(settings.scalingRatio).toBe(forceAtlas2.inferSettings(order).scalingRatio);
    }
  });

  it('turns Barnes-Hut on past 1,000 nodes', () => {
    expect(layoutSettings(1000).barnesHutOptimize).toBe(false);
    expect(layoutSettings(1001).barnesHutOptimize).toBe(true);
  });
});

describe('layoutGraph(graph, options)', () => {
  it('gives every node finite coordinates, the same for the same seed', () => {
    const a = ring(140, 4);
    const b = ring(140, 4);
    layoutGraph(a, { ...DEFAULT_LAYOUT_OPTIONS, iterations: 50 });
    layoutGraph(b, { ...DEFAULT_LAYOUT_OPTIONS, iterations: 50 });
    a.forEachNode((node, attrs) => {
      expect(Number.isFinite(attrs.x) && Number.isFinite(attrs.y)).toBe(true);
      expect([attrs.x, attrs.y]).toEqual([b.getNodeAttribute(node, 'x'), b.getNodeAttribute(node, 'y')]);
    });
  });
});

describe('placeByCommunity(graph, random)', () => {
  /** Mean distance of nodes to their community's centroid, over the mean distance between centroids. */
  function compactness(graph: Graph): number {
    const sums = new Map<number, [number, number, number]>();
    graph.forEachNode((_, a) => {
      const s = sums.get(a.community) ?? [0, 0, 0];
      sums.set(a.community, [s[0] + a.x, s[1] + a.y, s[2] + 1]);
    });
    const centre = (c: number) => { const s = sums.get(c)!; return [s[0] / s[2], s[1] / s[2]] as const; };
    let inner = 0;
    graph.forEachNode((_, a) => { const [x, y] = centre(a.community); inner += Math.hypot(a.x - x, a.y - y); });
    const ids = [...sums.keys()];
    let between = 0;
    let pairs = 0;
    for (const i of ids) for (const j of ids) if (i < j) { between += Math.hypot(centre(i)[0] - centre(j)[0], centre(i)[1] - centre(j)[1]); pairs++; }
    return inner / graph.order / (between / pairs);
  }

  it('starts each community in a region of its own, the same for the same seed', () => {
    const graph = ring(400, 8);
    // Communities as arcs of the ring, so that the graph of communities is a ring too.
    graph.forEachNode((node) => graph.setNodeAttribute(node, 'community', Math.floor(Number(node.slice(1)) / 50)));
    placeByCommunity(graph, seededRandom(1));
    expect(compactness(graph)).toBeLessThan(0.5);
    const again = graph.copy();
    placeByCommunity(again, seededRandom(1));
    graph.forEachNode((node, a) => expect([a.x, a.y]).toEqual([again.getNodeAttribute(node, 'x'), again.getNodeAttribute(node, 'y')]));
  });

  it('places a graph of one community, or of no edges, at finite coordinates', () => {
    for (const graph of [ring(30, 1), (() => { const g = new Graph(); for (let i = 0; i < 5; i++) g.addNode(`n${i}`, { community: i }); return g; })()]) {
      placeByCommunity(graph, seededRandom(2));
      graph.forEachNode((_, a) => expect(Number.isFinite(a.x) && Number.isFinite(a.y)).toBe(true));
    }
  });
});
