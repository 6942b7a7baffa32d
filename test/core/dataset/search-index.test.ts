import { describe, expect, it } from 'vitest';
import { wordStarts } from '../../../src/core/dataset/search-index.ts';

describe('wordStarts', () => {
  it('wordStarts(name) gives the later words of three characters or more that are not stop words', () => {
    const starts = (s: string) => wordStarts(s).map((i) => s.slice(i));
    expect(starts('evo morales')).toEqual(['morales']);
    expect(starts('united states of america')).toEqual(['states of america', 'america']);
    expect(starts('banco de la nacion')).toEqual(['nacion']);
    expect(starts('the united states')).toEqual(['united states', 'states']);
    expect(starts('iran')).toEqual([]);
    expect(starts('jose maría álvarez')).toEqual(['maría álvarez', 'álvarez']);
  });
});
