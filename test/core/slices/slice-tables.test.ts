import { describe, expect, it } from 'vitest';
import { sliceIndex, type SliceFilter } from '../../../src/core/slices/slice-index.ts';
import { countSliceMentions, sliceEdgeAttributes, sliceSelection, sliceTables } from '../../../src/core/slices/slice-tables.ts';
import { edgeAttributes } from '../../../src/core/dataset/edge-attributes.ts';
import { buildFixture, memoryReader } from './fixture.ts';
import { SLICE_CABLES } from './fixtures.ts';
import { bruteFigures } from '../../cli/commands/slice-export-check.ts';
import { pairKey } from './brute-force.ts';

const { reader } = await memoryReader(await buildFixture(SLICE_CABLES));
const records = async () => Promise.all(Array.from({ length: reader.entityCount }, (_, e) => reader.entity(e)));

describe('sliceTables', () => {
  it('gives each entity its paragraphs, cables, degree and strength in the slice, as counting over the paragraphs does', async () => {
    for (const filter of [{}, { tags: ['SNAR'] }, { from: '2006-02-01', to: '2006-02-01' }, { origins: ['LIMA'] }, { tags: ['NONE'] }] as SliceFilter[]) {
      const selection = sliceSelection(sliceIndex(await reader.cables(), reader.manifest.corpus.paragraphs), filter);
      const seen = new Map<string, number>();
      const t = await sliceTables(await records(), reader.entityCount, selection, (e, f, w) => void seen.set(pairKey(e, f), w));
      const brute = await bruteFigures(reader, filter);
      const label = JSON.stringify(filter);
      expect(seen, label).toEqual(brute.counts.pairs);
      expect(t.pairCount).toBe(brute.counts.pairs.size);
      for (let e = 0; e < reader.entityCount; e++) {
        expect([t.paragraphs[e], t.cables[e], t.degree[e], t.strength[e]], `${label} ${e}`)
          .toEqual([brute.counts.entities.get(e) ?? 0, brute.cables.get(e) ?? 0, brute.degree.get(e) ?? 0, brute.strength.get(e) ?? 0]);
      }
      const mentions = new Uint32Array(reader.entityCount);
      for (let p = 0; p < reader.manifest.corpus.paragraphs; p++) countSliceMentions([await reader.paragraph(p)], p, selection.inSlice, mentions);
      expect([...mentions]).toEqual(Array.from({ length: reader.entityCount }, (_, e) => brute.mentions.get(e) ?? 0));
    }
  });

  it('weighs a pair against the slice\'s paragraphs, not the corpus\'s', async () => {
    const selection = sliceSelection(sliceIndex(await reader.cables(), reader.manifest.corpus.paragraphs), { tags: ['SNAR'] });
    expect(selection.paragraphs).toBe(3);
    expect(selection.cables).toBe(2);
    const pairs: [number, number, number][] = [];
    const t = await sliceTables(await records(), reader.entityCount, selection, (e, f, w) => void pairs.push([e, f, w]));
    expect(pairs.length).toBeGreaterThan(0);
    for (const [e, f, w] of pairs) {
      const a = sliceEdgeAttributes(t, e, f, w);
      expect(a.weight).toBe(w);
      expect(a.npmi).toBe(edgeAttributes(w, t.paragraphs[e]!, t.paragraphs[f]!, 3, 0).npmi);
      expect(a.npmi).not.toBe(edgeAttributes(w, t.paragraphs[e]!, t.paragraphs[f]!, reader.manifest.corpus.paragraphs, 0).npmi);
    }
  });

  it('refuses records out of id order', async () => {
    const selection = sliceSelection(sliceIndex(await reader.cables(), reader.manifest.corpus.paragraphs), {});
    await expect(sliceTables((await records()).reverse(), reader.entityCount, selection)).rejects.toThrow(/id order/);
  });
});
