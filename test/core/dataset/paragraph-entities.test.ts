import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeParagraphEntities, paragraphEntityShards } from '../../../src/core/dataset/paragraph-entities.ts';
import { openDatasetReader } from '../../../src/core/dataset/read-dataset.ts';
import { MANIFEST_PATH, paragraphEntitiesPath, type Manifest, type ParagraphRecord } from '../../../src/core/dataset/format.ts';
import { seedText } from '../../helpers.ts';
import { buildInMemory } from './seed-dataset.ts';

/** Postings (each entity's paragraphs, ascending) as the corpus index gives them. */
function postingsOf(lists: number[][]): { offsets: Uint32Array; ids: Uint32Array } {
  const offsets = new Uint32Array(lists.length + 1);
  lists.forEach((l, e) => { offsets[e + 1] = offsets[e]! + l.length; });
  return { offsets, ids: Uint32Array.from(lists.flat()) };
}

describe('paragraph entities', () => {
  it('paragraphEntityShards then decodeParagraphEntities give each paragraph its entities, ascending (property)', () => {
    fc.assert(fc.property(
      fc.integer({ min: 1, max: 20 }), fc.integer({ min: 1, max: 8 }), fc.integer({ min: 1, max: 7 }),
      fc.array(fc.tuple(fc.nat(7), fc.nat(19))),
      (paragraphs, entities, perShard, incidences) => {
        const sets = Array.from({ length: entities }, () => new Set<number>());
        for (const [e, p] of incidences) if (e < entities && p < paragraphs) sets[e]!.add(p);
        const lists = sets.map((s) => [...s].sort((x, y) => x - y));
        const { counts, shards } = paragraphEntityShards(postingsOf(lists), paragraphs, perShard);
        expect(shards.length).toBe(Math.ceil(paragraphs / perShard));
        for (let p = 0; p < paragraphs; p++) {
          const want = lists.flatMap((l, e) => (l.includes(p) ? [e] : []));
          const d = decodeParagraphEntities(JSON.parse(JSON.stringify(shards[Math.floor(p / perShard)])), Math.floor(p / perShard), paragraphs, entities, perShard);
          const i = p - d.first;
          expect([...d.entities.subarray(d.offsets[i]!, d.offsets[i + 1]!)]).toEqual(want);
          expect(counts[p]).toBe(want.length);
        }
      }));
  });

  it('refuses a shard that does not add up, naming what is wrong', () => {
    const check = (raw: unknown) => () => decodeParagraphEntities(raw, 0, 3, 5);
    expect(check([1, 2])).toThrow('expected {counts, entities}');
    expect(check({ counts: [1, 1], entities: [0, 1] })).toThrow('counts for 2 paragraphs, expected 3');
    expect(check({ counts: [1, 1, 1], entities: [0, 1] })).toThrow('counts add up to 3, entities list 2');
    expect(check({ counts: [1, -1, 1], entities: [0] })).toThrow('count 1 is -1');
    expect(check({ counts: [1, 0, 1], entities: [0, 5] })).toThrow('entity 5 at 1 is not an entity id');
    expect(decodeParagraphEntities({ counts: [2, 0, 1], entities: [0, 4, 3] }, 0, 3, 5).offsets).toEqual(Uint32Array.from([0, 2, 2, 3]));
  });

  it('a built dataset lists in each paragraph the entities its mentions name, and its reader names a corrupt shard', async () => {
    const { files } = await buildInMemory([{ name: 'seed.txt', text: seedText() }]);
    const manifest = JSON.parse(files.get(MANIFEST_PATH)!) as Manifest;
    expect(manifest.shards.paragraphEntities).toBe(1);
    const reader = await openDatasetReader(async (path) => files.get(path) ?? null);
    const decoded = (await reader.paragraphEntities!(0))!;
    for (let p = 0; p < manifest.corpus.paragraphs; p++) {
      const record: ParagraphRecord = await reader.paragraph(p);
      const named = [...new Set(record.mentions.map((m) => m[2]).filter((e) => e >= 0))].sort((x, y) => x - y);
      expect([...decoded.entities.subarray(decoded.offsets[p]!, decoded.offsets[p + 1]!)], `paragraph ${p}`).toEqual(named);
    }
    await expect(reader.paragraphEntities!(1)).rejects.toThrow('paragraph entities shard 1: not in this dataset');
    const broken = new Map(files).set(paragraphEntitiesPath(0), '{"counts":[],"entities":[]}');
    const bad = await openDatasetReader(async (path) => broken.get(path) ?? null);
    await expect(bad.paragraphEntities!(0)).rejects.toThrow(/paragraph-entities\/0\.json.*counts for 0 paragraphs/);
  });
});
