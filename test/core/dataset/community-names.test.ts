import { describe, expect, it } from 'vitest';
import { characteristicScores, communitySubtitle, distinctNames, restates, topValues } from '../../../src/core/dataset/community-names.ts';
import type { PairTable } from '../../../src/core/graph/pair-counts.ts';

function pairs(list: [number, number, number][]): PairTable {
  return {
    length: list.length,
    a: Uint32Array.from(list.map((p) => p[0])),
    b: Uint32Array.from(list.map((p) => p[1])),
    weight: Uint32Array.from(list.map((p) => p[2])),
  } as PairTable;
}

describe('characteristicScores(pairs, community)', () => {
  // Entities 0-2 form community 0, 3-5 community 1; 0 is a hub linked evenly to both.
  const community = Int32Array.from([0, 0, 0, 1, 1, 1]);
  const table = pairs([[0, 1, 5], [0, 2, 5], [0, 3, 5], [0, 4, 5], [1, 2, 8], [3, 4, 8], [4, 5, 8], [3, 5, 8]]);
  const scores = characteristicScores(table, community);

  it('scores s_in · ln((s_in / s) / (S_c / S)), computed by hand', () => {
    const total = [20, 13, 13, 21, 21, 16];
    const inside = [10, 13, 13, 16, 16, 16];
    const all = total.reduce((s, x) => s + x, 0);
    const share = [46 / all, 58 / all];
    for (let e = 0; e < 6; e++) {
      const lift = inside[e]! / total[e]! / share[community[e]!]!;
      expect(scores[e]).toBeCloseTo(lift > 1 ? inside[e]! * Math.log(lift) : 0, 10);
    }
  });

  it('ranks a hub tied to both communities below the members that live in one', () => {
    expect(scores[0]).toBeLessThan(scores[1]! / 4);
    expect(scores[0]).toBeLessThan(scores[5]! / 4);
  });
});

describe('restates(a, b)', () => {
  it('sees a demonym beside its country, regular or not', () => {
    expect(restates('Russian', 'Russia')).toBe(true);
    expect(restates('Chinese', 'China')).toBe(true);
    expect(restates('French', 'France')).toBe(true);
    expect(restates('North Korean', 'North Korea')).toBe(true);
    expect(restates('Korean', 'North Korea')).toBe(true);
    expect(restates('U.S.', 'US')).toBe(true);
  });

  it('keeps different names apart, even with a shared start', () => {
    expect(restates('Iran', 'Iraq')).toBe(false);
    expect(restates('United States', 'United Nations')).toBe(false);
    expect(restates('Paris', 'Pakistan')).toBe(false);
    expect(restates('Austria', 'Australia')).toBe(false);
  });
});

describe('distinctNames(ranked, count)', () => {
  it('keeps the first names that say something new', () => {
    expect(distinctNames(['Russia', 'Russian', 'Moscow', 'Putin', 'Medvedev'])).toEqual(['Russia', 'Moscow', 'Putin']);
    expect(distinctNames(['French', 'France', 'Paris'], 2)).toEqual(['French', 'Paris']);
  });
});

describe('topValues(counts, k)', () => {
  it('orders by count, then by value, and keeps k', () => {
    expect(topValues(new Map([['b', 2], ['a', 2], ['c', 5], ['d', 1]]), 3)).toEqual([['c', 5], ['a', 2], ['b', 2]]);
  });
});

describe('communitySubtitle(posts, years)', () => {
  it('names the posts without their kind and spans the years', () => {
    expect(communitySubtitle([['Embassy Islamabad', 9], ['Consulate Lahore', 4], ['Secretary of State', 2]], [['2009', 5], ['2007', 3], ['2010', 1]]))
      .toBe('Islamabad · Lahore · State, 2007–2010');
    expect(communitySubtitle([], [['2009', 1]])).toBe('2009');
    expect(communitySubtitle([], [])).toBe('');
  });
});
