import { describe, expect, it } from 'vitest';
import { CorpusIndex } from '../../../src/core/graph/corpus-index.ts';
import type { ResolvedMention } from '../../../src/core/entities/model.ts';

const m = (key: string | null, surface = key ?? 'X', type = 'ORG', origin: 'tagger' | 'lexicon' = 'tagger'): ResolvedMention =>
  ({ start: 0, end: 1, type, origin, key, surface, dropped: key === null ? 'redaction' : null });

describe('CorpusIndex', () => {
  it('interns keys in order of first appearance and returns the entity of each mention', () => {
    const index = new CorpusIndex();
    index.addCable();
    expect(index.addParagraph([m('pnp'), m(null), m('vrae')])).toEqual({ paragraph: 0, entities: [0, -1, 1] });
    expect(index.addParagraph([m('vrae'), m('mas'), m('vrae')])).toEqual({ paragraph: 1, entities: [1, 2, 1] });
  });

  it('counts mentions, paragraphs and cables, surfaces and types, and lists postings in order', () => {
    const index = new CorpusIndex();
    index.addCable();
    index.addParagraph([m('pnp', 'PNP'), m('pnp', 'National Police'), m('vrae', 'VRAE', 'LOC')]);
    index.addParagraph([m('pnp', 'PNP')]);
    index.addCable();
    index.addParagraph([m('vrae', 'VRAE', 'ORG'), m('cocaleros', 'cocaleros', 'GROUP', 'lexicon'), m('pnp', 'PNP')]);
    const t = index.finish();
    expect(t.keys).toEqual(['pnp', 'vrae', 'cocaleros']);
    expect(t.mentions).toEqual([4, 2, 1]);
    expect(t.paragraphCounts).toEqual([3, 2, 1]);
    expect(t.cableCounts).toEqual([2, 2, 1]);
    expect(t.lexiconMentions).toEqual([0, 0, 1]);
    expect([...t.surfaces[0]!]).toEqual([['PNP', 3], ['National Police', 1]]);
    expect([...t.types[1]!]).toEqual([['LOC', 1], ['ORG', 1]]);
    const postings = (e: number) => [...t.postings.ids.subarray(t.postings.offsets[e], t.postings.offsets[e + 1])];
    expect([postings(0), postings(1), postings(2)]).toEqual([[0, 1, 2], [0, 2], [2]]);
    expect([...t.pairs.a].map((a, p) => [a, t.pairs.b[p], t.pairs.weight[p]])).toEqual([[0, 1, 2], [0, 2, 1], [1, 2, 1]]);
    expect(t.paragraphs).toBe(3);
    expect(t.cables).toBe(2);
  });
});

describe('CorpusIndex.finish(merge)', () => {
  it('merges entities: figures pooled, a shared paragraph counted once, pairs recounted', () => {
    const index = new CorpusIndex();
    const m = (key: string, type = 'PER') => ({ start: 0, end: 1, type, origin: 'tagger' as const, key, surface: key, dropped: null });
    index.addCable('venezuela');
    index.addParagraph([m('chavez'), m('hugo chavez'), m('lula')]);
    index.addParagraph([m('chavez', 'ORG'), m('lula')]);
    expect(index.figures().countries[0]).toEqual(new Map([['venezuela', 1]]));
    // chavez (0) and hugo chavez (1) become one entity (0); lula (2) becomes 1.
    const t = index.finish({ target: Uint32Array.from([0, 0, 1]), keys: ['hugo chavez', 'lula'], retype: new Map([[0, 'PER']]) });
    expect(t.keys).toEqual(['hugo chavez', 'lula']);
    expect(t.mentions).toEqual([3, 2]);
    expect(t.paragraphCounts).toEqual([2, 2]);
    expect(t.types[0]).toEqual(new Map([['PER', 3]]));
    expect(Array.from(t.pairs.weight.subarray(0, t.pairs.length))).toEqual([2]);
    expect(Array.from(t.postings.ids)).toEqual([0, 1, 0, 1]);
  });
});
