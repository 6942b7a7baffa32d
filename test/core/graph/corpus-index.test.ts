import { describe, expect, it } from 'vitest';
import { CorpusIndex } from '../../../src/core/graph/corpus-index.ts';
import { tallyCable, type CableTally } from '../../../src/core/graph/cable-tally.ts';
import { Vocabulary } from '../../../src/core/graph/vocabulary.ts';
import type { ResolvedMention } from '../../../src/core/entities/model.ts';

/** A paragraph of these mentions (its text is not read by the index). */
const paragraph = (mentions: ResolvedMention[], n = 1) => ({ n, text: 'x', mentions });

const vocabularies = new WeakMap<CorpusIndex, Vocabulary>();
/** The tally of a cable of these paragraphs (each a list of mentions), its words numbered for `index` as one producer's. */
function tallyOf(index: CorpusIndex, paragraphs: ResolvedMention[][]): CableTally {
  let vocabulary = vocabularies.get(index);
  if (vocabulary === undefined) vocabularies.set(index, (vocabulary = new Vocabulary(0)));
  return tallyCable(paragraphs.map(paragraph), vocabulary);
}

/** Adds a cable of these paragraphs (each a list of mentions) as a build does; returns the paragraph ids. */
function add(index: CorpusIndex, paragraphs: ResolvedMention[][], country?: string): number[] {
  index.addCable(country);
  const tally = tallyOf(index, paragraphs);
  const entities = index.addMentions(tally);
  return tally.local.map((local) => index.addParagraph(local, entities));
}

const m = (key: string | null, surface = key ?? 'X', type = 'ORG', origin: 'tagger' | 'lexicon' = 'tagger'): ResolvedMention =>
  ({ start: 0, end: 1, type, origin, key, surface, dropped: key === null ? 'redaction' : null });

describe('CorpusIndex', () => {
  it('interns keys in order of first appearance, once per cable, and tells each mention its key', () => {
    const index = new CorpusIndex();
    index.addCable();
    const vocabulary = new Vocabulary(3);
    const tally = tallyCable([paragraph([m('pnp'), m(null), m('vrae')]), paragraph([m('vrae'), m('mas'), m('vrae', 'Vrae', 'LOC')])], vocabulary);
    // Words numbered in order of first use: keys, then forms (each key's own) and types as they
    // are laid out.
    expect(tally.producer).toBe(3);
    expect(tally.words).toEqual(['pnp', 'vrae', 'mas', 'pnp', 'vrae', 'Vrae', 'mas', 'ORG', 'LOC']);
    expect(tally.keys).toEqual([0, 1, 2]);
    expect(tally.local).toEqual([[0, -1, 1], [1, 2, 1]]);
    expect(tally.mentions).toEqual([1, 3, 1]);
    // Key 1 ('vrae'): forms 'vrae' ×2 and 'Vrae' ×1, types ORG ×2 and LOC ×1.
    expect([...tally.forms.subarray(2 * tally.formStart[1]!, 2 * tally.formStart[2]!)]).toEqual([4, 2, 5, 1]);
    expect([...tally.types.subarray(2 * tally.typeStart[1]!, 2 * tally.typeStart[2]!)]).toEqual([7, 2, 8, 1]);
    // The records but their opening, each mention naming its key by its number in the tally.
    expect(tally.kept).toBe(5);
    expect(tally.dropped).toEqual([['redaction', 1]]);
    const records = new TextDecoder().decode(tally.records);
    expect([records.slice(0, tally.recordEnds[0]), records.slice(tally.recordEnds[0])]).toEqual([
      '"n":1,"text":"x","mentions":[[0,1,0,"ORG"],[0,1,-1,"ORG","redaction"],[0,1,1,"ORG"]]}',
      '"n":1,"text":"x","mentions":[[0,1,1,"ORG"],[0,1,2,"ORG"],[0,1,1,"LOC"]]}',
    ]);
    expect([...index.addMentions(tally)]).toEqual([0, 1, 2]);
    index.addCable();
    const next = tallyCable([paragraph([m('mas'), m('farc')])], vocabulary);
    // Only the new words cross: the new key and its form.
    expect(next.words).toEqual(['farc', 'farc']);
    expect([...index.addMentions(next)]).toEqual([2, 3]);
    expect([...index.finish().surfaces[1]!]).toEqual([['vrae', 2], ['Vrae', 1]]);
  });

  it('gives the same entities and counts whichever producer numbered a cable\'s words', () => {
    const cables = [[[m('pnp', 'PNP'), m('vrae', 'VRAE')]], [[m('vrae', 'Vrae', 'LOC'), m('mas', 'MAS')]], [[m('mas', 'MAS'), m('pnp', 'National Police')]]];
    const one = new CorpusIndex();
    for (const cable of cables) add(one, cable, 'PE');
    const two = new CorpusIndex();
    const producers = [new Vocabulary(0), new Vocabulary(1)];
    cables.forEach((cable, i) => {
      two.addCable('PE');
      const tally = tallyCable(cable.map((mentions) => paragraph(mentions)), producers[i % 2]!);
      const entities = two.addMentions(tally);
      for (const local of tally.local) two.addParagraph(local, entities);
    });
    const [a, b] = [one.figures(), two.figures()];
    expect(b.keys).toEqual(a.keys);
    expect(b.surfaces.map((s) => [...s])).toEqual(a.surfaces.map((s) => [...s]));
    expect(b.types.map((s) => [...s])).toEqual(a.types.map((s) => [...s]));
    expect(b.countries.map((s) => [...s])).toEqual([[['PE', 2]], [['PE', 2]], [['PE', 2]]]);
  });

  it('learns the words of a tally it does not count, and names a tally handed over out of order', () => {
    const index = new CorpusIndex();
    const vocabulary = new Vocabulary(0);
    // A duplicate cable: its words are learnt, nothing is counted.
    index.learnWords(tallyCable([paragraph([m('pnp')])], vocabulary));
    index.addCable();
    const later = tallyCable([paragraph([m('pnp'), m('mas')])], vocabulary);
    expect(later.words).toEqual(['mas', 'mas']);
    expect([...index.addMentions(later)]).toEqual([0, 1]);
    expect(index.figures().mentions).toEqual([1, 1]);

    const skipped = new CorpusIndex();
    const other = new Vocabulary(0);
    tallyCable([paragraph([m('pnp')])], other);
    skipped.addCable();
    expect(() => skipped.addMentions(tallyCable([paragraph([m('pnp')])], other))).toThrow(/out of order/);
  });

  it('counts mentions, paragraphs and cables, surfaces and types, and lists postings in order', () => {
    const index = new CorpusIndex();
    expect(add(index, [[m('pnp', 'PNP'), m('pnp', 'National Police'), m('vrae', 'VRAE', 'LOC')], [m('pnp', 'PNP')]])).toEqual([0, 1]);
    expect(add(index, [[m('vrae', 'VRAE', 'ORG'), m('cocaleros', 'cocaleros', 'GROUP', 'lexicon'), m('pnp', 'PNP')]])).toEqual([2]);
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
    add(index, [[m('chavez'), m('hugo chavez'), m('lula')], [m('chavez', 'ORG'), m('lula')]], 'venezuela');
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
