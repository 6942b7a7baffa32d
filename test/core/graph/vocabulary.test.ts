import { describe, expect, it } from 'vitest';
import { Vocabulary, WordBooks } from '../../../src/core/graph/vocabulary.ts';

describe('Vocabulary and WordBooks', () => {
  it('sends each word once and translates it once per kind, per producer', () => {
    const a = new Vocabulary(0);
    const b = new Vocabulary(1);
    const ids = [a.id('pnp'), a.id('mas'), a.id('pnp')];
    expect(ids).toEqual([0, 1, 0]);
    expect(a.take()).toEqual(['pnp', 'mas']);
    expect(a.take()).toEqual([]);
    expect(b.id('mas')).toBe(0);
    const books = new WordBooks(2);
    const asked: string[] = [];
    const number = (word: string) => (asked.push(word), word.length);
    const bookA = books.learn({ producer: 0, words: ['pnp', 'mas'] });
    const bookB = books.learn({ producer: 1, words: b.take() });
    expect([bookA.translate(0, 1, number), bookA.translate(0, 1, number), bookB.translate(0, 0, number), bookB.translate(1, 0, number)]).toEqual([3, 3, 3, 3]);
    // Once per producer and kind: the second look-up of 'mas' in producer 0's first kind asks nothing.
    expect(asked).toEqual(['mas', 'mas', 'mas']);
    expect(() => bookA.translate(0, 2, number)).toThrow(/never numbered/);
  });
});
