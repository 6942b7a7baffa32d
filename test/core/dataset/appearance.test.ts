import { describe, expect, it } from 'vitest';
import { MAX_NODE_SIZE, MIN_NODE_SIZE, OTHER_COLOR, PALETTE, drawnCommunities, nodeSize, typeRing } from '../../../src/core/dataset/appearance.ts';
import type { GraphFile, NodeAttributes } from '../../../src/core/dataset/format.ts';

const graphOf = (communities: number[]): GraphFile => ({
  attributes: {},
  options: { type: 'undirected', multi: false, allowSelfLoops: false },
  nodes: communities.map((community, i) => ({ key: `n${i}`, attributes: { community } as NodeAttributes })),
  edges: [],
});

describe('drawnCommunities', () => {
  it('gives palette colours by rank among the drawn communities, and grey beyond the palette', () => {
    const communities = Array.from({ length: PALETTE.length + 3 }, (_, i) => ({ id: i, size: 100 - i, label: '', names: [], top: [], posts: [], years: [] }));
    // Community 1, the second largest, has no entity in the overview.
    const drawn = communities.map((c) => c.id).filter((id) => id !== 1);
    const result = drawnCommunities(communities, graphOf([...drawn, 0, 0]));
    expect(result.communities.map((c) => c.id)).toEqual(drawn);
    expect(result.counts.get(0)).toBe(3);
    expect(result.colors.get(0)).toBe(PALETTE[0]);
    expect(result.colors.has(1)).toBe(false);
    expect(result.colors.get(2)).toBe(PALETTE[1]);
    expect(result.colors.get(PALETTE.length + 1)).toBe(OTHER_COLOR);
  });
});

describe('nodeSize(paragraphs, maxParagraphs)', () => {
  it('gives the most cited entity the largest size and grows the area with paragraphs', () => {
    expect(nodeSize(400, 400)).toBe(MAX_NODE_SIZE);
    expect(nodeSize(0, 400)).toBe(MIN_NODE_SIZE);
    const quarter = nodeSize(100, 400) - MIN_NODE_SIZE;
    expect(quarter).toBeCloseTo((MAX_NODE_SIZE - MIN_NODE_SIZE) / 2);
    expect(nodeSize(5, 0)).toBe(MIN_NODE_SIZE);
  });
});

describe('typeRing(type)', () => {
  it('tells the CoNLL types apart by width and shade, never by hue', () => {
    const rings = ['PER', 'ORG', 'LOC', 'MISC'].map(typeRing);
    expect(new Set(rings.map((r) => `${r.size}/${r.color}`)).size).toBe(4);
    for (const r of rings) expect(['#3c4043', '#ffffff']).toContain(r.color);
  });

  it('gives custom types and types named like Object properties the shared ring', () => {
    expect(typeRing('WEAPON')).toEqual(typeRing('constructor'));
    expect(typeRing('__proto__')).toEqual(typeRing('GROUP'));
  });
});
