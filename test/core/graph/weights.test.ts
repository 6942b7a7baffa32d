import { describe, expect, it } from 'vitest';
import { association, disparityAlpha, jaccard, npmi } from '../../../src/core/graph/weights.ts';

describe('weights', () => {
  it('jaccard(w, pa, pb) is shared over either, 1 for inseparable entities', () => {
    expect(jaccard(2, 4, 6)).toBeCloseTo(2 / 8);
    expect(jaccard(3, 3, 3)).toBe(1);
    expect(jaccard(0, 0, 0)).toBe(0);
  });

  it('npmi is 0 for independent entities, 1 for inseparable ones, -1 for none shared', () => {
    // Independent: p(ab) = p(a)p(b) with n = 100, pa = pb = 10, w = 1.
    expect(npmi(1, 10, 10, 100)).toBeCloseTo(0, 10);
    expect(npmi(5, 5, 5, 100)).toBeCloseTo(1, 10);
    expect(npmi(0, 5, 5, 100)).toBe(-1);
  });

  it('association is observed over expected co-occurrences', () => {
    expect(association(1, 10, 10, 100)).toBeCloseTo(1);
    expect(association(5, 10, 10, 100)).toBeCloseTo(5);
  });

  it('disparityAlpha is small for an edge that dominates a hub, 1 from the side of a leaf', () => {
    // Hub with strength 10 over 5 edges; this edge carries 8: (1 - 0.8)^4.
    expect(disparityAlpha(8, 10, 5, 8, 1)).toBeCloseTo(0.2 ** 4);
    // An even share of the hub's strength is not significant.
    expect(disparityAlpha(2, 10, 5, 2, 1)).toBeCloseTo(0.8 ** 4);
    expect(disparityAlpha(1, 1, 1, 1, 1)).toBe(1);
  });
});
