import { describe, expect, it } from 'vitest';
import { intersectSorted } from '../../../src/app/data/evidence.ts';

describe('intersectSorted', () => {
  it('intersectSorted(a, b) returns the shared ids in order', () => {
    expect(intersectSorted([1, 3, 5, 8, 13], [2, 3, 8, 9, 13, 20])).toEqual([3, 8, 13]);
    expect(intersectSorted([], [1])).toEqual([]);
  });
});
