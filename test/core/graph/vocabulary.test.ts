import { describe, expect, it } from 'vitest';
import { Vocabulary, WordBooks } from '../../../src/core/graph/vocabulary.ts';

describe('Vocabulary and WordBooks', () => {
  it('numbers keys, each key\'s forms and names once, and sends each word once', () => {
    const v = new Vocabulary(0);
    const pnp = v.key('pnp');
    expect([pnp, v.key('mas'), v.key('pnp')]).toEqual([0, 1, 0]);
    expect([v.keyWord(0), v.keyWord(1)]).toEqual([0, 1]);
    expect([v.form(pnp, 'PNP'), v.form(pnp, 'National Police'), v.form(pnp, 'PNP'), v.name('ORG'), v.name('ORG')]).toEqual([2, 3, 2, 4, 4]);
    // A form of another key is a word of its own.
    expect(v.form(1, 'PNP')).toBe(5);
    expect(v.take()).toEqual(['pnp', 'mas', 'PNP', 'National Police', 'ORG', 'PNP']);
    expect(v.take()).toEqual([]);
  });

  it('numbers each form of a key with hundreds of forms once', () => {
    const v = new Vocabulary(0);
    const k = v.key('united states');
    const forms = Array.from({ length: 300 }, (_, i) => `US${i}`);
    const first = forms.map((f) => v.form(k, f));
    expect(forms.map((f) => v.form(k, f))).toEqual(first);
    expect(new Set(first).size).toBe(300);
    expect(v.take()).toEqual(['united states', ...forms]);
  });

  it('translates each word once per kind, per producer, and names a word never numbered', () => {
    const books = new WordBooks(2);
    const asked: string[] = [];
    const number = (word: string) => (asked.push(word), word.length);
    const a = books.learn({ producer: 0, words: ['pnp', 'mas'] });
    const b = books.learn({ producer: 1, words: ['mas'] });
    expect([a.translate(0, 1, number), a.translate(0, 1, number), b.translate(0, 0, number), b.translate(1, 0, number)]).toEqual([3, 3, 3, 3]);
    // The second look-up of 'mas' in producer 0's first kind asks nothing.
    expect(asked).toEqual(['mas', 'mas', 'mas']);
    expect(() => a.translate(0, 2, number)).toThrow(/never numbered/);
    books.learn({ producer: 0, words: ['farc'] });
    expect(a.translate(0, 2, number)).toBe(4);
  });
});
