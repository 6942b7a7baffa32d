import { describe, expect, it } from 'vitest';
import { SliceEvidence } from '../../../src/core/slices/evidence.ts';
import type { SliceFilter } from '../../../src/core/slices/slice-index.ts';
import { buildFixture, memoryReader } from './fixture.ts';
import { SLICE_CABLES } from './fixtures.ts';
import { bruteCounts, inSlice, pairKey } from './brute-force.ts';

const files = await buildFixture(SLICE_CABLES);
const FILTERS: SliceFilter[] = [
  { tags: ['SNAR'] }, { from: '2006-02-01', to: '2006-02-01' }, { from: '2006-01-20' }, { to: '2006-12-31' },
  { origins: ['LIMA', 'Embassy Bogota'] }, { classifications: ['SECRET'], from: '2006-01-01', to: '2006-06-30' }, { tags: ['pe'] },
];

describe('SliceEvidence', () => {
  it('SliceEvidence.postings(e) keeps the paragraphs of the matching cables, as a count over the paragraphs does', async () => {
    const { reader } = await memoryReader(files);
    const cables = await reader.cables();
    for (const filter of FILTERS) {
      const evidence = new SliceEvidence(reader, filter);
      const counts = await bruteCounts(reader, filter);
      for (let e = 0; e < reader.entityCount; e++) {
        const kept = await evidence.postings(e);
        expect(kept.length, `${JSON.stringify(filter)} ${e}`).toBe(counts.entities.get(e) ?? 0);
        for (const p of kept) expect(inSlice(cables[(await reader.paragraph(p)).cable]!, filter)).toBe(true);
      }
    }
  });

  it('decides a slice from the paragraph keys and the cables, never reading a paragraph text', async () => {
    for (const filter of FILTERS) {
      const { reader, reads } = await memoryReader(files);
      const evidence = new SliceEvidence(reader, filter);
      for (let e = 0; e < reader.entityCount; e++) await evidence.postings(e);
      expect([...reads.keys()].filter((path) => path.startsWith('paragraphs/')), JSON.stringify(filter)).toEqual([]);
      expect(reads.has('paragraph-keys/0.json')).toBe(true);
      // A time range alone needs no cable record either.
      if (!filter.origins && !filter.tags && !filter.classifications) expect([...reads.keys()].filter((path) => path.startsWith('cables/'))).toEqual([]);
    }
  });

  it('without paragraph keys (a reader that lacks them), reads the paragraph records and gives the same answer', async () => {
    const { reader } = await memoryReader(files);
    const { paragraphKeys: _, ...bare } = reader;
    for (const filter of FILTERS) {
      const a = new SliceEvidence(reader, filter);
      const b = new SliceEvidence(bare, filter);
      for (let e = 0; e < reader.entityCount; e++) expect(await b.postings(e)).toEqual(await a.postings(e));
    }
  });

  it('finds neighbours from the paragraph-entities shards, never reading a paragraph text, as the paragraph records give them', async () => {
    const sorted = (m: Map<number, number>) => new Map([...m].sort((x, y) => x[0] - y[0]));
    const { reader: plain } = await memoryReader(files);
    const { paragraphEntities: _, ...bare } = plain;
    for (const filter of [{}, ...FILTERS]) {
      const { reader, reads } = await memoryReader(files);
      const indexed = new SliceEvidence(reader, filter);
      const fromRecords = new SliceEvidence(bare, filter);
      const counts = await bruteCounts(plain, filter);
      for (let e = 0; e < reader.entityCount; e++) {
        const got = await indexed.neighbours(e);
        expect(sorted(got), `${JSON.stringify(filter)} ${e}`).toEqual(sorted(await fromRecords.neighbours(e)));
        for (const [other, w] of got) expect(w).toBe(counts.pairs.get(pairKey(e, other)));
      }
      expect([...reads.keys()].filter((path) => path.startsWith('paragraphs/')), JSON.stringify(filter)).toEqual([]);
      expect(reads.get('paragraph-entities/0.json')).toBe(1);
    }
  });
});
