import { describe, expect, it } from 'vitest';
import { selectOverview } from '../../../src/core/graph/overview.ts';
import { pairTable } from './table.ts';

describe('selectOverview', () => {
  const paragraphs = [10, 9, 8, 7, 1];
  const pairs = pairTable([[0, 1, 9], [0, 2, 8], [1, 2, 7], [2, 3, 1], [3, 4, 1]]);

  it('keeps the entities in most paragraphs and the pairs among them', () => {
    const o = selectOverview(paragraphs, pairs, { maxNodes: 4, maxEdges: 100 });
    expect([...o.nodes]).toEqual([0, 1, 2, 3]);
    expect([...o.edges]).toEqual([0, 1, 2, 3]);
  });

  it('gives each entity its strongest pair before filling with the heaviest', () => {
    const o = selectOverview(paragraphs, pairs, { maxNodes: 4, maxEdges: 3 });
    // 0-1 (covers 0 and 1), 0-2 (covers 2), 2-3 (covers 3, weight 1): then no room for 1-2 (7).
    expect([...o.edges].map((p) => [pairs.a[p], pairs.b[p]])).toEqual([[0, 1], [0, 2], [2, 3]]);
  });
});
