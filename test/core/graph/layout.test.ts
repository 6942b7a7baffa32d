import Graph from 'graphology';
import forceAtlas2 from 'graphology-layout-forceatlas2';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LAYOUT_OPTIONS, layoutGraph, layoutSettings } from '../../../src/core/graph/layout.ts';
import { mapQuality } from '../../../src/core/graph/map-quality.ts';
import { seededRandom } from '../../../src/core/graph/random.ts';

/**
 * `sizes.length` planted communities, dense inside, with links between them that hubs of
 * different communities share: the case where one ForceAtlas2 run mixed regions together.
 */
function planted(sizes: number[], seed = 7): Graph {
  const random = seededRandom(seed);
  const graph = new Graph({ type: 'undirected' });
  const nodes: string[][] = sizes.map((n, c) => Array.from({ length: n }, (_, i) => `c${c}n${i}`));
  nodes.forEach((list, c) => list.forEach((node) => graph.addNode(node, { community: c })));
  for (const list of nodes) {
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length; j++) if (random() < 0.15) graph.addEdge(list[i]!, list[j]!, { weight: 1 + Math.floor(random() * 3) });
    }
  }
  // Each community's first three nodes are hubs with heavy links into half of every other one.
  nodes.forEach((list, c) => {
    nodes.forEach((other, d) => {
      if (d === c) return;
      for (const hub of list.slice(0, 3)) for (let j = 0; j < other.length; j += 2) graph.mergeEdge(hub, other[j]!, { weight: 4 });
    });
  });
  // A member with no link inside its community.
  graph.addNode('stray', { community: 0 });
  graph.addEdge('stray', nodes[1]![2]!, { weight: 1 });
  return graph;
}

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

  it('turns Barnes-Hut on past 300 nodes', () => {
    expect(layoutSettings(300).barnesHutOptimize).toBe(false);
    expect(layoutSettings(301).barnesHutOptimize).toBe(true);
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

describe('layoutGraph(graph, options) as a map', () => {
  const sizes = [80, 60, 40, 25, 10, 3, 1];
  const points = (graph: Graph) => graph.mapNodes((_, a) => ({ x: a.x as number, y: a.y as number, community: a.community as number }));

  it('puts each community in a region of its own: nearest neighbours of the same community, positive silhouette', () => {
    const graph = planted(sizes);
    layoutGraph(graph, DEFAULT_LAYOUT_OPTIONS);
    const quality = mapQuality(points(graph));
    expect(quality.nearestSameCommunity).toBeGreaterThanOrEqual(0.95);
    expect(quality.silhouette).toBeGreaterThanOrEqual(0.3);
  });

  it('gives regions room by membership, none squashed into a point', () => {
    const graph = planted(sizes);
    layoutGraph(graph, DEFAULT_LAYOUT_OPTIONS);
    const { spread } = mapQuality(points(graph));
    expect(spread.communities).toBe(5);
    expect(spread.min).toBeGreaterThan(spread.median / 2);
  });

  it('keeps a member with no link inside its community within its region', () => {
    const graph = planted(sizes);
    layoutGraph(graph, DEFAULT_LAYOUT_OPTIONS);
    const own = graph.filterNodes((n, a) => a.community === 0 && n !== 'stray');
    const cx = own.reduce((s, n) => s + (graph.getNodeAttribute(n, 'x') as number), 0) / own.length;
    const cy = own.reduce((s, n) => s + (graph.getNodeAttribute(n, 'y') as number), 0) / own.length;
    const reach = Math.max(...own.map((n) => Math.hypot((graph.getNodeAttribute(n, 'x') as number) - cx, (graph.getNodeAttribute(n, 'y') as number) - cy)));
    const stray = Math.hypot((graph.getNodeAttribute('stray', 'x') as number) - cx, (graph.getNodeAttribute('stray', 'y') as number) - cy);
    expect(stray).toBeLessThanOrEqual(reach * 1.01);
  });
});
