import { describe, expect, it } from 'vitest';
import { segments } from '../../../src/app/panels/text-segments.ts';

describe('segments', () => {
  it('cuts text into plain and mention runs', () => {
    const text = 'The National Police (PNP) act.';
    const s = segments(text, [[21, 24, 2, 'ORG'], [4, 19, 1, 'ORG']]);
    expect(s.map((x) => [x.text, x.mention ? x.mention[2] : null])).toEqual([
      ['The ', null], ['National Police', 1], [' (', null], ['PNP', 2], [') act.', null],
    ]);
  });

  it('leaves overlapping or out-of-range mentions as plain text', () => {
    const s = segments('abcdef', [[0, 3, 1, 'X'], [2, 4, 2, 'X'], [5, 99, 3, 'X']]);
    expect(s.map((x) => x.text)).toEqual(['abc', 'def']);
    expect(s.filter((x) => x.mention).length).toBe(1);
  });
});
