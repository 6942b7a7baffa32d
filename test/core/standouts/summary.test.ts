import { describe, expect, it } from 'vitest';
import { checkStandouts, standoutsSummary } from '../../../src/core/standouts/summary.ts';
import type { StandoutsFile } from '../../../src/core/dataset/format.ts';

const file: StandoutsFile = {
  brokers: [1, 2].map((id) => ({
    id, key: `k${id}`, label: `L${id}`, community: 0, score: 0.5, strength: 30,
    bridges: [{ community: 0, weight: 15, neighbors: [] }, { community: 3, weight: 15, neighbors: [] }],
  })),
  pairs: [{ source: 1, target: 2, sourceKey: 'k1', targetKey: 'k2', sourceLabel: 'L1', targetLabel: 'L2', weight: 2, npmi: 0.9, communities: [0, 3] }],
  stability: {
    seeds: [2, 3, 4], resolution: 1, clustered: 5,
    communities: [{ id: 0, score: 1, size: 3 }, { id: 3, score: 0.5, size: 2 }],
    entities: [{ id: 4, key: 'k4', label: 'L4', community: 3, score: 0.3333 }],
    overview: { nodes: [], scores: [], partitions: [[], [], []], consensus: [] },
  },
  options: { brokers: { minStrength: 20, minShare: 0.1 }, pairs: { minSupport: 2, hubs: 50 } },
};

describe('standoutsSummary', () => {
  it('keeps the first `top` of each list, in the shape the CLI prints', () => {
    expect(standoutsSummary(file, 1)).toEqual({
      brokers: [{ id: 'k1', label: 'L1', score: 0.5, communities: [0, 3] }],
      pairs: [{ source: 'k1', target: 'k2', weight: 2, npmi: 0.9, communities: [0, 3] }],
      stability: { seeds: 3, communities: [{ id: 0, score: 1 }], entities: [{ id: 'k4', score: 0.3333 }] },
    });
  });
});

describe('checkStandouts', () => {
  it('accepts a standouts file and names what is missing otherwise', () => {
    expect(checkStandouts(file)).toBe(file);
    expect(checkStandouts([])).toBe('expected a JSON object');
    expect(checkStandouts({ ...file, pairs: 3 })).toBe('"pairs" is not a list');
    expect(checkStandouts({ ...file, stability: { seeds: [] } })).toMatch(/^"stability" lacks/);
  });
});
