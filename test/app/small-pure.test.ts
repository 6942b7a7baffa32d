import { describe, expect, it } from 'vitest';
import { typeHue } from '../../src/app/colors.ts';
import { intersectSorted } from '../../src/app/evidence.ts';
import { segmentDistance } from '../../src/app/geometry.ts';
import { segments } from '../../src/app/text-segments.ts';
import { suggest } from '../../src/app/suggestions.ts';
import type { SearchEntry } from '../../src/core/dataset/format.ts';

describe('intersectSorted', () => {
  it('intersectSorted(a, b) returns the shared ids in order', () => {
    expect(intersectSorted([1, 3, 5, 8, 13], [2, 3, 8, 9, 13, 20])).toEqual([3, 8, 13]);
    expect(intersectSorted([], [1])).toEqual([]);
  });
});

describe('typeHue', () => {
  it('typeHue is fixed for CoNLL types and stable for custom ones', () => {
    expect(typeHue('PER')).toBe(210);
    expect(typeHue('WEAPON')).toBe(typeHue('WEAPON'));
  });

  it('typeHue gives a number for a type named like an object property', () => {
    for (const t of ['constructor', 'toString', '__proto__', 'valueOf']) expect(typeHue(t)).toEqual(expect.any(Number));
  });
});

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

describe('suggest', () => {
  const entries: SearchEntry[] = [
    ['pnp', 7, 'PNP', 'ORG', 12],
    ['pnp officers', 9, 'PNP officers', 'ORG', 1],
    ['pnpx', 7, 'PNP', 'ORG', 12],
    ['pn', 3, 'PN', 'MISC', 40],
  ];
  it('suggest(entries, query) returns one suggestion per entity, exact match first', () => {
    expect(suggest(entries, 'pnp').map((s) => s.id)).toEqual([7, 9]);
    expect(suggest(entries, 'pn').map((s) => s.id)).toEqual([3, 7, 9]);
    expect(suggest(entries, '')).toEqual([]);
  });
});

describe('segmentDistance', () => {
  it('segmentDistance(point, segment) measures to the nearest point of the segment, ends included', () => {
    expect(segmentDistance(5, 3, 0, 0, 10, 0)).toBe(3);
    expect(segmentDistance(13, 4, 0, 0, 10, 0)).toBe(5);
    expect(segmentDistance(1, 1, 2, 2, 2, 2)).toBeCloseTo(Math.SQRT2);
  });
});
