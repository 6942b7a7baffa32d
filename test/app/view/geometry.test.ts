import { describe, expect, it } from 'vitest';
import { segmentDistance } from '../../../src/app/view/geometry.ts';

describe('segmentDistance', () => {
  it('segmentDistance(point, segment) measures to the nearest point of the segment, ends included', () => {
    expect(segmentDistance(5, 3, 0, 0, 10, 0)).toBe(3);
    expect(segmentDistance(13, 4, 0, 0, 10, 0)).toBe(5);
    expect(segmentDistance(1, 1, 2, 2, 2, 2)).toBeCloseTo(Math.SQRT2);
  });
});
