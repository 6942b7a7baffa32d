import Graph from 'graphology';
import { describe, expect, it } from 'vitest';
import { addEgoNetwork, boundsOf, egoCenter, egoChange, removeEgoNetwork, ring } from '../../../src/app/view/ego-network.ts';
import type { EgoNetwork } from '../../../src/app/view/ego-network.ts';
import type { DrawnGraph, DrawnNode } from '../../../src/app/view/drawn-graph.ts';
import type { EdgeAttributes, EntityRecord, NeighborEntry } from '../../../src/core/dataset/format.ts';
import { jaccard } from '../../../src/core/graph/weights.ts';

const drawn = (key: string, x: number, y: number, community = 0): [string, DrawnNode] =>
  [key, { id: 0, label: key, entityType: 'ORG', community, paragraphs: 10, x, y, size: 5, color: '#000', ringSize: 0, ringColor: '#000' }];

function overview(): DrawnGraph {
  const g: DrawnGraph = new Graph<DrawnNode, EdgeAttributes>({ type: 'undirected' });
  for (const [key, a] of [drawn('pnp', 0, 0), drawn('vrae', 10, 0), drawn('lima', 0, 10, 1), drawn('cuzco', 10, 10, 1)]) g.addNode(key, a);
  g.addEdge('pnp', 'vrae', { weight: 2, jaccard: 0.1, npmi: 0.1, association: 1, alpha: 0.5 });
  return g;
}

const neighbor = (id: number, key: string, weight: number, paragraphs = 3): NeighborEntry => [id, weight, key, key.toUpperCase(), 'PER', 2, paragraphs, 0.25];

function record(key: string, neighbors: NeighborEntry[], community = 1): EntityRecord {
  return {
    id: 99, key, label: key, type: 'PER', types: { PER: 4 }, aliases: [[key, 4]], origins: { tagger: 4 },
    mentions: 4, paragraphs: 4, cables: 1, community, degree: neighbors.length, strength: 5, inOverview: false, neighbors, postings: [1, 2, 3, 4],
  };
}

const context = (g: DrawnGraph) => ({ corpusParagraphs: 100, colors: new Map([[1, '#f00']]), maxParagraphs: 10, bounds: boundsOf(g) });

describe('ego network', () => {
  it('places points evenly on a ring, the first above the centre', () => {
    const points = ring(1, 1, 2, 4);
    expect(points[0]!.x).toBeCloseTo(1);
    expect(points[0]!.y).toBeCloseTo(-1);
    expect(points[2]!.y).toBeCloseTo(3);
    expect(ring(0, 0, 1, 0)).toEqual([]);
  });

  it('centres among drawn neighbours by weight, else the community, kept inside the bounds', () => {
    const bounds = { minX: 0, minY: 0, maxX: 10, maxY: 10 };
    expect(egoCenter([{ x: 2, y: 2, weight: 3 }, { x: 6, y: 2, weight: 1 }], [], bounds, 1)).toEqual({ x: 3, y: 2 });
    expect(egoCenter([], [{ x: 8, y: 8 }, { x: 6, y: 6 }], bounds, 1)).toEqual({ x: 7, y: 7 });
    expect(egoCenter([], [], bounds, 1)).toEqual({ x: 5, y: 5 });
    expect(egoCenter([{ x: 0, y: 10, weight: 1 }], [], bounds, 2)).toEqual({ x: 2, y: 8 });
  });

  it('adds the entity and its neighbours the overview lacks, with every edge weighting, and takes them away again', () => {
    const g = overview();
    const before = { order: g.order, size: g.size, pnp: g.getNodeAttributes('pnp') };
    const r = record('quesada', [neighbor(1, 'pnp', 3), neighbor(2, 'tocache', 2), neighbor(3, 'sl', 1)]);
    const ego = addEgoNetwork(g, r, context(g));
    expect(ego.center).toBe('quesada');
    expect(ego.addedNodes).toEqual(['quesada', 'tocache', 'sl']);
    expect([...ego.members].sort()).toEqual(['pnp', 'quesada', 'sl', 'tocache']);
    expect(g.neighbors('quesada').sort()).toEqual(['pnp', 'sl', 'tocache']);
    // A drawn neighbour keeps its place; the entity sits at it (its only drawn neighbour), inside the bounds.
    expect(g.getNodeAttributes('pnp')).toEqual(before.pnp);
    const center = g.getNodeAttributes('quesada');
    expect(center).toMatchObject({ ego: 'center', entityType: 'PER', community: 1, color: '#f00', label: 'quesada' });
    expect(center.x).toBeGreaterThanOrEqual(0);
    expect(center.y).toBeGreaterThanOrEqual(0);
    const tocache = g.getNodeAttributes('tocache');
    expect(tocache).toMatchObject({ ego: 'neighbor', label: 'TOCACHE', community: 2 });
    expect(Math.hypot(tocache.x - center.x, tocache.y - center.y)).toBeCloseTo(0.6);
    const edge = g.getEdgeAttributes(g.edge('quesada', 'tocache')!);
    expect(edge).toMatchObject({ weight: 2, alpha: 0.25 });
    expect(edge.jaccard).toBeCloseTo(jaccard(2, 4, 3), 4);

    removeEgoNetwork(g, ego);
    expect([g.order, g.size]).toEqual([before.order, before.size]);
    expect(g.hasNode('tocache')).toBe(false);
  });

  it('sits in its community when no neighbour is drawn', () => {
    const g = overview();
    addEgoNetwork(g, record('alone', [], 1), context(g));
    expect(g.getNodeAttributes('alone')).toMatchObject({ x: 5, y: 10 - 0.6 });
  });

  it('follows the selection: drawn for an entity outside the overview, kept within it, cleared outside it', () => {
    const inOverview = (k: string) => ['pnp', 'vrae'].includes(k);
    const current: EgoNetwork = { center: 'quesada', members: new Set(['quesada', 'pnp', 'tocache']), addedNodes: [], addedEdges: [] };
    expect(egoChange(null, null, inOverview, current)).toEqual({ action: 'clear' });
    expect(egoChange('quesada', null, inOverview, null)).toEqual({ action: 'draw', key: 'quesada' });
    expect(egoChange('quesada', null, inOverview, current)).toEqual({ action: 'keep' });
    expect(egoChange('quesada', 'tocache', inOverview, current)).toEqual({ action: 'keep' });
    expect(egoChange('pnp', 'quesada', inOverview, current)).toEqual({ action: 'keep' });
    // A neighbour outside the overview, opened alone, brings its own network.
    expect(egoChange('tocache', null, inOverview, current)).toEqual({ action: 'draw', key: 'tocache' });
    expect(egoChange('pnp', null, inOverview, current)).toEqual({ action: 'clear' });
    expect(egoChange('pnp', 'elsewhere', inOverview, current)).toEqual({ action: 'draw', key: 'elsewhere' });
    expect(egoChange('pnp', 'vrae', inOverview, null)).toEqual({ action: 'clear' });
  });
});
