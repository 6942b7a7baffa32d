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
  it('suggest(entries, query) returns one suggestion per entity, exact match first', () => {
    expect(suggest(entries, 'pnp').map((s) => s.id)).toEqual([7, 9]);
    expect(suggest(entries, 'pn').map((s) => s.id)).toEqual([3, 7, 9]);
    expect(suggest(entries, '')).toEqual([]);
  });
});
