import { describe, expect, it } from 'vitest';
import { CorpusIndex } from '../../../src/core/graph/corpus-index.ts';
import { tallyCable } from '../../../src/core/graph/cable-tally.ts';
import type { ResolvedMention } from '../../../src/core/entities/model.ts';

/** Adds a cable of these paragraphs (each a list of mentions) as a build does; returns the paragraph ids. */
function add(index: CorpusIndex, paragraphs: ResolvedMention[][], country?: string): number[] {
  index.addCable(country);
  const tally = tallyCable(paragraphs.map((mentions) => ({ mentions })));
  const entities = index.addMentions(tally);
  return tally.local.map((local) => index.addParagraph(local, entities));
}

const m = (key: string | null, surface = key ?? 'X', type = 'ORG', origin: 'tagger' | 'lexicon' = 'tagger'): ResolvedMention =>
  ({ start: 0, end: 1, type, origin, key, surface, dropped: key === null ? 'redaction' : null });

describe('CorpusIndex', () => {
  it('interns keys in order of first appearance, once per cable, and tells each mention its key', () => {
    const index = new CorpusIndex();
    index.addCable();
    const tally = tallyCable([{ mentions: [m('pnp'), m(null), m('vrae')] }, { mentions: [m('vrae'), m('mas'), m('vrae', 'Vrae', 'LOC')] }]);
    expect(tally.keys).toEqual(['pnp', 'vrae', 'mas']);
    expect(tally.local).toEqual([[0, -1, 1], [1, 2, 1]]);
    expect(tally.mentions).toEqual([1, 3, 1]);
    expect(tally.surfaces[1]).toEqual([['vrae', 2], ['Vrae', 1]]);
    expect(tally.types[1]).toEqual([['ORG', 2], ['LOC', 1]]);
    // Spans: start, end, type number, reason number (-1: kept), for records written without the mentions.
    expect(tally.typeNames).toEqual(['ORG', 'LOC']);
    expect(tally.reasons).toEqual(['redaction']);
    expect([...tally.spans[0]!]).toEqual([0, 1, 0, -1, 0, 1, 0, 0, 0, 1, 0, -1]);
    expect([...tally.spans[1]!]).toEqual([0, 1, 0, -1, 0, 1, 0, -1, 0, 1, 1, -1]);
    expect([...index.addMentions(tally)]).toEqual([0, 1, 2]);
    index.addCable();
    expect([...index.addMentions(tallyCable([{ mentions: [m('mas'), m('farc')] }]))]).toEqual([2, 3]);
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
