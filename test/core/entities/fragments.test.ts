import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { QUALIFIERS, repairFragments } from '../../../src/core/entities/fragments.ts';
import type { Mention } from '../../../src/core/cable/model.ts';

/** Mentions of `text` found by their text, in order. */
function mentionsOf(text: string, ...names: [string, string][]) {
  let from = 0;
  return names.map(([type, name]) => {
    const start = text.indexOf(name, from);
    from = start + name.length;
    return { type, text: name, start, end: from };
  });
}

/** The repair as first written, each regex run on every mention: what the shortcuts must give. */
function reference(text: string, mentions: readonly Mention[]): Mention[] {
  const qualifier = new Set(QUALIFIERS);
  const word = (w: string) => w.toLowerCase().replace(/[^\p{L}-]/gu, '');
  const joined = (start: number, end: number, type: string) => ({ type, text: text.slice(start, end), start, end });
  const out: Mention[] = [];
  for (let i = 0; i < mentions.length; i++) {
    const m = mentions[i]!;
    const next = mentions[i + 1];
    if (qualifier.has(word(m.text)) && !m.text.includes(' ')) {
      if (next !== undefined && next.start === m.end + 1 && text[m.end] === ' ' && /^\p{Lu}[\p{L}'-]*$/u.test(next.text.split(' ')[0]!)) {
        out.push(joined(m.start, next.end, next.type));
        i++;
        continue;
      }
      const after = /^ (\p{Lu}[\p{L}'-]*)/u.exec(text.slice(m.end, m.end + 40));
      if (after !== null && (next === undefined || next.start >= m.end + after[0].length)) {
        out.push(joined(m.start, m.end + after[0].length, m.type));
        continue;
      }
    }
    const before = /(\p{Lu}[\p{L}-]*) $/u.exec(text.slice(Math.max(0, m.start - 20), m.start));
    const previousEnd = out.length > 0 ? out[out.length - 1]!.end : 0;
    if (before !== null && qualifier.has(word(before[1]!)) && m.start - before[0].length >= previousEnd) {
      out.push(joined(m.start - before[0].length, m.end, m.type));
      continue;
    }
    out.push(m);
  }
  return out;
}

/** Words of every case, qualifiers among them, with the letters whose lower case is ASCII (İ, the Kelvin sign). */
const WORDS = [
  ...QUALIFIERS, ...QUALIFIERS.map((q) => q.toUpperCase()), ...QUALIFIERS.map((q) => q[0]!.toUpperCase() + q.slice(1)),
  'LATİN', 'Latİn', 'MİDDLE', '\u212Aorea', 'Korea', 'Korean', 'America', 'Africa', 'the', 'of', 'Sudan', 'Ürümqi', 'O\'Neill',
  'north-east', 'Sub-Saharan', 'East.', '(North', 'x', 'Ab', 'Far,', 'Near-', '-West', 'Él', 'de', 'Mc', 'FAR',
];

/** A text of random words and separators, with random words tagged as mentions (sorted, apart). */
const taggedText = fc.array(fc.tuple(fc.constantFrom(...WORDS), fc.constantFrom(' ', ' ', ' ', '  ', ', ', '\n', ''), fc.boolean(), fc.boolean()), { maxLength: 30 })
  .map((parts) => {
    let text = '';
    const mentions: Mention[] = [];
    let open: number | null = null;
    for (const [word, separator, tag, extend] of parts) {
      const start = text.length;
      text += word;
      if (open !== null && extend && separator === ' ') {
        text += separator;
        continue;
      }
      if (open !== null) {
        mentions.push({ type: 'MISC', text: text.slice(open, start).trimEnd(), start: open, end: open + text.slice(open, start).trimEnd().length });
        open = null;
      }
      if (tag) open = start;
      text += separator;
    }
    if (open !== null) {
      const end = open + text.slice(open).trimEnd().length;
      if (end > open) mentions.push({ type: 'LOC', text: text.slice(open, end), start: open, end });
    }
    return { text, mentions: mentions.filter((m) => m.end > m.start) };
  });

describe('repairFragments', () => {
  it('gives what running every regex on every mention gives, whatever the words and cases (property)', () => {
    fc.assert(fc.property(taggedText, ({ text, mentions }) => {
      expect(repairFragments(text, mentions)).toEqual(reference(text, mentions));
    }), { numRuns: 2000 });
  });

  it('reads a qualifier spelled with a dotted capital I as the qualifier', () => {
    const text = 'LATİN Korea';
    expect(repairFragments(text, mentionsOf(text, ['LOC', 'Korea'])).map((m) => m.text)).toEqual(['LATİN Korea']);
  });

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
