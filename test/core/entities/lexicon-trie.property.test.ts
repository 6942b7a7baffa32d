import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LexiconTrie } from '../../../src/core/entities/lexicon-trie.ts';
import { matchLexicon, parseLexicon } from '../../../src/core/entities/lexicon.ts';

/**
 * The matcher the lexicon used before the tree, kept as the oracle: one alternation of every form,
 * longest first, whole-word and case-insensitive, spaces matching any whitespace run.
 */
function regexMatches(forms: readonly string[], text: string): { start: number; end: number }[] {
  const alternatives = forms.map((v) => v.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+'));
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}\\p{M}_])(?:${alternatives.join('|')})(?![\\p{L}\\p{N}\\p{M}_])`, 'giu');
  return [...text.matchAll(pattern)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
}

const byPreference = (forms: string[]) =>
  [...new Map(forms.map((f) => [f.toLowerCase(), f])).values()].sort((a, b) => b.length - a.length || (a < b ? -1 : a > b ? 1 : 0));

/** Letters of two cases, accents, digits, `_`, punctuation and several kinds of space: the places the two could differ. */
const CHARS = [...'aAbBéÉ1_.- ', '\u00a0', '\t', '\n', 'ß', 'ſ', 'Σ', 'ς', '\u0301', '😀'];
const chars = (min: number, max: number) => fc.string({ unit: fc.constantFrom(...CHARS), minLength: min, maxLength: max });
const form = chars(1, 5).map((s) => s.trim()).filter((s) => s !== '');

describe('LexiconTrie(forms).matches(text)', () => {
  it('finds what the one-regex matcher found: same places, same ends', () => {
    fc.assert(fc.property(fc.array(form, { minLength: 1, maxLength: 8 }), chars(0, 40), (forms, text) => {
      const ordered = byPreference(forms);
      expect([...new LexiconTrie(ordered).matches(text)]).toEqual(regexMatches(ordered, text));
    }), { numRuns: 600 });
  });

  it('prefers the earlier form where two end on a word boundary at one place', () => {
    // `a    b` is the longer form, so it wins over `a b.` though the latter's match is longer.
    const forms = byPreference(['a b.', 'a    b']);
    expect([...new LexiconTrie(forms).matches('x a b. y')]).toEqual(regexMatches(forms, 'x a b. y'));
  });
});

describe('a lexicon with a 5 MB term', () => {
  it('parses and matches without crashing, and still finds the other terms', () => {
    const huge = 'x'.repeat(5 * 2 ** 20);
    const { lexicon, diagnostics } = parseLexicon(`${huge}\tGROUP\ncocaleros\tGROUP\n`, 'lexicon.tsv');
    expect(diagnostics).toEqual([]);
    const text = `the cocaleros met ${huge.slice(0, 1000)} and ${huge}.`;
    expect(matchLexicon(text, lexicon, []).map((m) => [m.start, m.end - m.start, m.entry.type])).toEqual([[4, 9, 'GROUP'], [1023, huge.length, 'GROUP']]);
  });
});
