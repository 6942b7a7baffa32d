import { describe, expect, it } from 'vitest';
import { planMerges, skeleton } from '../../../src/core/entities/corpus-merge.ts';

/** Figures for keys given as [key, mentions, type, countries]. */
function figures(rows: [string, number, string, string[]][]) {
  return {
    keys: rows.map((r) => r[0]),
    mentions: rows.map((r) => r[1]),
    paragraphCounts: rows.map((r) => r[1]),
    types: rows.map((r) => new Map([[r[2], r[1]]])),
    countries: rows.map((r) => new Map(r[3].map((c) => [c, 1] as [string, number]))),
  };
}
const joined = (rows: [string, number, string, string[]][], defs = []) => {
  const f = figures(rows);
  const plan = planMerges(f, defs);
  return { groups: f.keys.map((_, i) => f.keys[plan.target[i]!]), plan };
};

describe('skeleton', () => {
  it('skeleton(key) gives transliterations one key', () => {
    expect(skeleton('qadhafi')).toBe(skeleton('gaddafi'));
    expect(skeleton('hizballah')).toBe(skeleton('hezbollah'));
    expect(skeleton('al-qaida')).toBe(skeleton('al qaeda'));
    expect(skeleton('abbas')).not.toBe(skeleton('abbasi'));
  });
});

describe('planMerges', () => {
  it('merges country names and abbreviations into the common name', () => {
    const { groups, plan } = joined([['us', 30, 'ORG', []], ['united states', 10, 'LOC', []], ['usa', 2, 'LOC', []], ['united states of america', 1, 'LOC', []], ['usg', 5, 'ORG', []]]);
    expect(groups).toEqual(['united states', 'united states', 'united states', 'united states', 'usg']);
    expect(plan.rule[0]).toBe('country-name');
  });

  it('merges transliterations of one type, and keeps Saudis and Swedish apart', () => {
    const { groups } = joined([['hizballah', 10, 'ORG', []], ['hezbollah', 8, 'ORG', []], ['saudis', 5, 'MISC', []], ['swedish', 5, 'MISC', []], ['lee administration', 3, 'ORG', []], ['lula administration', 2, 'ORG', []]]);
    expect(groups).toEqual(['hizballah', 'hizballah', 'saudis', 'swedish', 'lee administration', 'lula administration']);
  });

  it('joins a surname to its one full name, keeps it apart (for review) when full names compete, and keeps full names apart', () => {
    const { groups, plan } = joined([
      ['chavez', 200, 'PER', ['venezuela']], ['hugo chavez', 150, 'PER', ['venezuela']], ['adan chavez', 4, 'PER', ['venezuela']],
      ['silva', 20, 'PER', ['brazil']], ['marina silva', 7, 'PER', ['brazil']], ['lula da silva', 9, 'PER', ['brazil']],
    ]);
    expect(groups).toEqual(['hugo chavez', 'hugo chavez', 'adan chavez', 'silva', 'marina silva', 'lula da silva']);
    expect(plan.review.find((r) => r.key === 'silva')).toMatchObject({ kind: 'partial-name', candidates: ['lula da silva', 'marina silva'] });
  });

  it('joins a name to the longer name it starts, and a family name written first', () => {
    const { groups } = joined([['hu jintao', 40, 'PER', ['china']], ['hu', 10, 'PER', ['china']], ['barack obama', 4, 'PER', []], ['barack hussein obama', 1, 'PER', []], ['honorable barack obama', 1, 'PER', []]]);
    expect(groups).toEqual(['hu jintao', 'hu jintao', 'barack obama', 'barack obama', 'barack obama']);
  });

  it('joins initials defined as a person to the person, voting PER', () => {
    const { groups, plan } = joined([['kim jong-il', 20, 'PER', []], ['kji', 5, 'ORG', []]], [{ acronym: 'kji', long: 'kim jong-il', type: 'PER', count: 1 }] as never);
    expect(groups).toEqual(['kim jong-il', 'kim jong-il']);
    expect(plan.retype.get(1)).toBe('PER');
  });
});
