import { describe, expect, it } from 'vitest';
import { repairFragments } from '../../../src/core/entities/fragments.ts';

/** Mentions of `text` found by their text, in order. */
function mentionsOf(text: string, ...names: [string, string][]) {
  let from = 0;
  return names.map(([type, name]) => {
    const start = text.indexOf(name, from);
    from = start + name.length;
    return { type, text: name, start, end: from };
  });
}

describe('repairFragments', () => {
  it('joins a qualifier to the untagged word after it, to the mention after it, and an untagged qualifier to the mention after it', () => {
    const text = 'Latin America and North Korea met South Korean envoys.';
    let n = 0;
    const out = repairFragments(text, mentionsOf(text, ['MISC', 'Latin'], ['MISC', 'North'], ['LOC', 'Korea'], ['MISC', 'Korean']), () => n++);
    expect(out.map((m) => [m.type, m.text])).toEqual([['MISC', 'Latin America'], ['LOC', 'North Korea'], ['MISC', 'South Korean']]);
    for (const m of out) expect(text.slice(m.start, m.end)).toBe(m.text);
    expect(n).toBe(3);
  });

  it('leaves names alone: a qualifier inside a longer mention, one before a lower-case word, other words', () => {
    const text = 'The Upper Huallaga and the west of Lima, with Western officials.';
    const ms = mentionsOf(text, ['ORG', 'Upper Huallaga'], ['LOC', 'Lima']);
    expect(repairFragments(text, ms)).toEqual(ms);
  });
});
