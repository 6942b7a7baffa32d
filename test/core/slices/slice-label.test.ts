import { describe, expect, it } from 'vitest';
import { describeSlice, sliceSlug } from '../../../src/core/slices/slice-label.ts';

describe('describeSlice', () => {
  it('describeSlice({}) is empty: the whole corpus says nothing', () => {
    expect(describeSlice({})).toBe('');
    expect(describeSlice({ origins: [], tags: [] })).toBe('');
  });

  it('names the days, then each kind with its values joined by "or", each value once', () => {
    expect(describeSlice({ from: '2008-01-01', to: '2008-12-31', origins: ['Embassy Lima', 'Embassy Bogota', 'embassy lima'], tags: ['SNAR'] }))
      .toBe('slice: cables from 2008-01-01 to 2008-12-31 · origin Embassy Lima or Embassy Bogota · tag SNAR');
    expect(describeSlice({ from: '2008-01-01' })).toBe('slice: cables from 2008-01-01');
    expect(describeSlice({ to: '2008-01-01' })).toBe('slice: cables up to 2008-01-01');
    expect(describeSlice({ from: '2008-01-01', to: '2008-01-01' })).toBe('slice: cables of 2008-01-01');
    expect(describeSlice({ classifications: ['SECRET', 'CONFIDENTIAL'] })).toBe('slice: classification SECRET or CONFIDENTIAL');
  });
});

describe('sliceSlug', () => {
  it('sliceSlug keeps letters, digits, - and _ only, and is empty for the whole corpus', () => {
    expect(sliceSlug({})).toBe('');
    expect(sliceSlug({ from: '2008-01-01', to: '2008-12-31', origins: ['Embassy Lima'], tags: ['SNAR', 'PTER'] })).toBe('2008-01-01_2008-12-31_Embassy-Lima_SNAR-PTER');
    expect(sliceSlug({ from: '2008-01-01' })).toBe('from-2008-01-01');
    expect(sliceSlug({ to: '2008-01-01', origins: ['../etc/passwd <x>'] })).toBe('to-2008-01-01_etc-passwd-x');
  });

  it('sliceSlug stays within 80 characters however many values', () => {
    const slug = sliceSlug({ origins: Array.from({ length: 40 }, (_, i) => `Embassy Number ${i}`) });
    expect(slug.length).toBeLessThanOrEqual(80);
    expect(slug).toMatch(/^[\p{L}\p{N}_-]+$/u);
    expect(slug).not.toMatch(/[-_]$/);
  });
});
