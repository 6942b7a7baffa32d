import { describe, expect, it } from 'vitest';
import { formatThreshold, passes, strengthScale, thresholdSteps, weightingById } from '../../../src/app/state/weighting.ts';

const attrs = (weight: number, alpha: number) => ({ weight, jaccard: weight / 10, npmi: 0.1 * weight, association: weight, alpha });
const w = (id: string) => weightingById(id)!;

describe('weighting', () => {
  it('passes(backbone) keeps small alpha; passes(weight) keeps large counts', () => {
    expect(passes(w('backbone'), attrs(1, 0.01), 0.05)).toBe(true);
    expect(passes(w('backbone'), attrs(9, 0.2), 0.05)).toBe(false);
    expect(passes(w('weight'), attrs(3, 1), 3)).toBe(true);
    expect(passes(w('weight'), attrs(2, 1), 3)).toBe(false);
  });

  it('thresholdSteps starts with the step that keeps every edge', () => {
    const values = [attrs(1, 0.3), attrs(4, 0.02), attrs(2, 0.3)];
    expect(thresholdSteps(w('weight'), values)).toEqual([1, 2, 4]);
    expect(thresholdSteps(w('backbone'), values)).toEqual([1, 0.3, 0.02]);
    expect(thresholdSteps(w('jaccard'), values)).toEqual([0, 0.1, 0.2, 0.4]);
  });

  it('thresholdSteps thins long value lists to maxSteps, keeping both ends', () => {
    const values = Array.from({ length: 1000 }, (_, i) => attrs(i + 1, 1));
    const steps = thresholdSteps(w('weight'), values, 50);
    expect(steps.length).toBe(50);
    expect(steps[0]).toBe(1);
    expect(steps.at(-1)).toBe(1000);
  });

  it('strengthScale maps the graph range to [0, 1], by count for backbone', () => {
    const values = [attrs(1, 0.9), attrs(5, 0.01)];
    expect(strengthScale(w('weight'), values)(attrs(3, 0))).toBe(0.5);
    expect(strengthScale(w('backbone'), values)(attrs(5, 0.9))).toBe(1);
    expect(strengthScale(w('weight'), [attrs(2, 1)])(attrs(2, 1))).toBe(0.5);
  });

  it('formatThreshold prints integers as they are and fractions briefly', () => {
    expect(formatThreshold(3)).toBe('3');
    expect(formatThreshold(0.123456)).toBe('0.123');
    expect(formatThreshold(0.05)).toBe('0.05');
  });
});
