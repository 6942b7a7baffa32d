import Graph from 'graphology';
import forceAtlas2 from 'graphology-layout-forceatlas2';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LAYOUT_OPTIONS, layoutGraph, layoutSettings } from '../../../src/core/graph/layout.ts';

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
