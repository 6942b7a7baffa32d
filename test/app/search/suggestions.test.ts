import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { suggest } from '../../../src/app/search/suggestions.ts';
import type { SearchEntry } from '../../../src/core/dataset/format.ts';

describe('suggest', () => {
  const entries: SearchEntry[] = [
    ['pnp', 7, 'PNP', 'ORG', 12],
    ['pnp officers', 9, 'PNP officers', 'ORG', 1],
    ['pnpx', 7, 'PNP', 'ORG', 12],
    ['pn', 3, 'PN', 'MISC', 40],
  ];
  it('suggest(entries, query) returns one suggestion per entity, the most cited first', () => {
    expect(suggest(entries, 'pnp').map((s) => s.id)).toEqual([7, 9]);
    expect(suggest(entries, 'pn').map((s) => s.id)).toEqual([3, 7, 9]);
    expect(suggest(entries, '')).toEqual([]);
  });

  // Entries as the sample corpus's search shards hold them.
  const sample: SearchEntry[] = [
    ['evo', 2567, 'Evo', 'ORG', 1],
    ['evo morales', 1275, 'Evo Morales', 'PER', 69],
    ['united', 6139, 'United', 'ORG', 2],
    ['united', 8902, 'Manchester United', 'ORG', 1],
    ['united arab emirates', 100, 'UAE', 'ORG', 180],
    ['united states', 266, 'United States', 'LOC', 805],
    ['morales', 1275, 'Evo Morales', 'PER', 69],
    ['morales', 1255, 'Morales', 'PER', 50],
  ];
  it('suggest ranks by paragraphs: an exact but rare label does not hide the frequent actor', () => {
    expect(suggest(sample, 'evo').map((s) => s.label)).toEqual(['Evo Morales', 'Evo']);
    expect(suggest(sample, 'united').map((s) => s.label)).toEqual(['United States', 'UAE', 'United', 'Manchester United']);
    expect(suggest(sample, 'morales').map((s) => [s.label, s.matched])).toEqual([['Evo Morales', 'morales'], ['Morales', 'morales']]);
  });

  it('suggest keeps the best exact match in the list even when more cited entities fill it', () => {
    const many: SearchEntry[] = Array.from({ length: 20 }, (_, i) => [`lima ${i}`, i, `Lima ${i}`, 'LOC', 100 + i]);
    many.push(['lima', 99, 'Lima', 'LOC', 3]);
    const shown = suggest(many, 'lima', 5);
    expect(shown.map((s) => s.id)).toEqual([19, 18, 17, 16, 99]);
  });

  it('suggest returns distinct entities whose matched text starts with the query, by paragraphs (but the kept exact match)', () => {
    const entry = fc.tuple(fc.stringMatching(/^[ab ]{1,4}$/), fc.integer({ min: 0, max: 8 }), fc.constant('x'), fc.constant('PER'), fc.integer({ min: 1, max: 50 }));
    fc.assert(fc.property(fc.array(entry, { maxLength: 30 }), fc.stringMatching(/^[ab]{1,2}$/), fc.integer({ min: 1, max: 6 }), (raw, query, limit) => {
      // One paragraph count per entity, as in a real shard.
      const entries = raw.map(([t, id, l, ty]) => [t, id, l, ty, id * 3 + 1] as SearchEntry);
      const out = suggest(entries, query, limit);
      expect(new Set(out.map((s) => s.id)).size).toBe(out.length);
      expect(out.length).toBe(Math.min(limit, new Set(entries.filter(([t]) => t.startsWith(query)).map(([, id]) => id)).size));
      for (const s of out) expect(s.matched.startsWith(query)).toBe(true);
      const body = out.some((s) => s.matched === query) ? out.filter((s) => s.matched !== query) : out;
      for (let i = 1; i < body.length; i++) expect(body[i - 1]!.paragraphs).toBeGreaterThanOrEqual(body[i]!.paragraphs);
    }));
  });
});
