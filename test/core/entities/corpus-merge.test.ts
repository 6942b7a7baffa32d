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

describe('planMerges with time', () => {
  /** Rows as in `figures`, each with the first and last day of its cables. */
  const dated = (rows: [string, number, string, string[], number, number][]) => {
    const f = { ...figures(rows.map((r) => [r[0], r[1], r[2], r[3]])), firstDay: rows.map((r) => r[4]), lastDay: rows.map((r) => r[5]) };
    const plan = planMerges(f);
    return { groups: f.keys.map((_, i) => f.keys[plan.target[i]!]), plan };
  };
  const year = (y: number) => (y - 1970) * 365;

  it('keeps a surname from a full name that outweighs the others but is years away, when another candidate overlaps it in time', () => {
    // Without days, the 2009 name (fivefold heavier) takes the surname of 2003.
    expect(joined([['morales', 10, 'PER', []], ['evo morales', 100, 'PER', []], ['jorge morales', 5, 'PER', []]]).groups[0]).toBe('evo morales');
    const { groups, plan } = dated([
      ['morales', 10, 'PER', [], year(2003), year(2003) + 100],
      ['evo morales', 100, 'PER', [], year(2009), year(2010)],
      ['jorge morales', 5, 'PER', [], year(2002), year(2003) + 50],
    ]);
    expect(groups).toEqual(['morales', 'evo morales', 'jorge morales']);
    expect(plan.review[0]).toMatchObject({ kind: 'partial-name', key: 'morales', candidates: ['evo morales', 'jorge morales'] });
  });

  it('lets time veto, never choose: a lone or overlapping winner joins, and time does not break a tie', () => {
    const near = dated([['morales', 10, 'PER', [], year(2003), year(2003)], ['evo morales', 100, 'PER', [], year(2003) + 300, year(2010)], ['jorge morales', 5, 'PER', [], year(2003), year(2003)]]);
    expect(near.groups[0]).toBe('evo morales');
    const lone = dated([['castro', 10, 'PER', [], year(2003), year(2003)], ['fidel castro', 100, 'PER', [], year(2009), year(2009)]]);
    expect(lone.groups[0]).toBe('fidel castro');
    const none = dated([['castro', 10, 'PER', [], year(2003), year(2003)], ['fidel castro', 100, 'PER', [], year(2009), year(2009)], ['raul castro', 5, 'PER', [], Number.NaN, Number.NaN]]);
    expect(none.groups[0]).toBe('castro');
    const tie = dated([['lee', 10, 'PER', [], year(2003), year(2003)], ['donna lee', 10, 'PER', [], year(2003), year(2004)], ['robert lee', 10, 'PER', [], year(2009), year(2009)]]);
    expect(tie.groups[0]).toBe('lee');
  });
});

describe('planMerges with decisions', () => {
  const decided = (d: { separate?: string[]; different?: [string, string][]; types?: [string, string][] }) => {
    const different = new Map<string, Set<string>>();
    for (const [a, b] of d.different ?? []) {
      for (const [x, y] of [[a, b], [b, a]] as const) different.set(x, new Set([...(different.get(x) ?? []), y]));
    }
    return { separate: new Set(d.separate ?? []), different, types: new Map(d.types ?? []) };
  };
  const rows: [string, number, string, string[]][] = [
    ['chavez', 200, 'PER', ['venezuela']], ['hugo chavez', 150, 'PER', ['venezuela']], ['adan chavez', 4, 'PER', ['venezuela']],
    ['us', 30, 'ORG', []], ['usa', 2, 'LOC', []], ['cfk', 20, 'ORG', []], ['ana', 30, 'PER', []],
  ];
  const run = (d: Parameters<typeof decided>[0]) => {
    const f = figures(rows);
    f.types[6] = new Map([['PER', 20], ['ORG', 10]]);
    const plan = planMerges(f, [], decided(d));
    return { groups: f.keys.map((_, i) => f.keys[plan.target[i]!]), plan };
  };

  it('keeps a key kept apart out of every rule, and out of the review queue', () => {
    const before = run({});
    expect(before.groups.slice(0, 5)).toEqual(['hugo chavez', 'hugo chavez', 'adan chavez', 'us', 'us']);
    const after = run({ separate: ['chavez', 'usa'] });
    expect(after.groups.slice(0, 5)).toEqual(['chavez', 'hugo chavez', 'adan chavez', 'us', 'usa']);
  });

  it('never puts two keys said to be different in one entity, and lets the partial name join the candidate left', () => {
    const { groups } = run({ different: [['chavez', 'hugo chavez']] });
    expect(groups.slice(0, 3)).toEqual(['adan chavez', 'hugo chavez', 'adan chavez']);
    const both = run({ different: [['chavez', 'hugo chavez'], ['chavez', 'adan chavez']] });
    expect(both.groups.slice(0, 3)).toEqual(['chavez', 'hugo chavez', 'adan chavez']);
    expect(both.plan.review.some((r) => r.key === 'chavez')).toBe(false);
    const countries = run({ different: [['us', 'usa']] });
    expect(countries.groups.slice(3, 5)).toEqual(['us', 'usa']);
  });

  it('gives every key of an entity the type decided for it, and leaves its type conflict out of the queue', () => {
    const before = run({});
    expect(before.plan.review.some((r) => r.kind === 'type-conflict' && r.key === 'ana')).toBe(true);
    const { plan } = run({ types: [['cfk', 'PER'], ['hugo chavez', 'ORG'], ['ana', 'LOC']] });
    expect([plan.retype.get(5), plan.retype.get(0), plan.retype.get(1), plan.retype.get(2), plan.retype.get(6)]).toEqual(['PER', 'ORG', 'ORG', undefined, 'LOC']);
    expect(plan.review.some((r) => r.kind === 'type-conflict')).toBe(false);
  });

  it('leaves an acronym out of the queue once every long form is said to be different from it', () => {
    const f = figures([['iaea', 10, 'ORG', []], ['international atomic energy agency', 5, 'ORG', []], ['iaee', 1, 'ORG', []]]);
    const defs = [{ acronym: 'iaea', long: 'international atomic energy agency', type: 'ORG', count: 3 }, { acronym: 'iaea', long: 'international atomic energy association', type: 'ORG', count: 1 }];
    expect(planMerges(f, defs).review).toContainEqual(expect.objectContaining({ kind: 'acronym', key: 'iaea', candidates: ['international atomic energy agency', 'international atomic energy association'] }));
    const one = planMerges(f, defs, decided({ different: [['iaea', 'international atomic energy association']] })).review.find((r) => r.key === 'iaea');
    expect(one?.candidates).toEqual(['international atomic energy agency']);
    const both = planMerges(f, defs, decided({ different: [['iaea', 'international atomic energy association'], ['iaea', 'international atomic energy agency']] }));
    expect(both.review.some((r) => r.key === 'iaea')).toBe(false);
  });
});
