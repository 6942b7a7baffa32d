import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readCable } from '../../../src/core/cable/read-cable.ts';
import { resolveCable } from '../../../src/core/entities/resolve-cable.ts';
import { DatasetBuilder, DEFAULT_DATASET_OPTIONS, memorySink } from '../../../src/core/dataset/build-dataset.ts';
import { remapMentions } from '../../../src/core/dataset/remap-mentions.ts';
import { paragraphShardPath, type ParagraphRecord } from '../../../src/core/dataset/format.ts';
import type { ResolvedCable } from '../../../src/core/entities/model.ts';
import { SEED_FILE } from '../../helpers.ts';
import { shippedContext } from './seed-dataset.ts';

const seed = (() => {
  const { cable, diagnostics } = readCable(readFileSync(SEED_FILE, 'utf8'), 'seed.txt');
  return resolveCable(cable!, diagnostics, shippedContext());
})();

/** The paragraph shard of a build of `cable`, given its texts in JSON or not. */
async function paragraphShard(cable: ResolvedCable, withTexts: boolean): Promise<string> {
  const files = new Map<string, string>();
  const builder = new DatasetBuilder(memorySink(files), DEFAULT_DATASET_OPTIONS);
  await builder.addCable(cable, undefined, withTexts ? cable.paragraphs.map((p) => JSON.stringify(p.text)) : undefined);
  await builder.finish();
  return files.get(paragraphShardPath(0))!;
}

describe('paragraph records written as JSON pieces', () => {
  it('are the bytes JSON.stringify writes for the records, with the texts in JSON or without, whatever the text', async () => {
    await fc.assert(fc.asyncProperty(fc.array(fc.string({ unit: 'binary' }), { minLength: seed.paragraphs.length, maxLength: seed.paragraphs.length }), async (texts) => {
      const cable: ResolvedCable = { ...seed, paragraphs: seed.paragraphs.map((p, i) => ({ ...p, text: texts[i]! })) };
      const given = await paragraphShard(cable, true);
      expect(given).toBe(await paragraphShard(cable, false));
      const records = JSON.parse(given) as ParagraphRecord[];
      expect(JSON.stringify(records)).toBe(given);
      expect(records.map((r) => r.text)).toEqual(texts);
    }), { numRuns: 25 });
  });
});

describe('entity records written with their postings joined in', () => {
  it('are the bytes JSON.stringify writes for the records', async () => {
    const files = new Map<string, string>();
    const builder = new DatasetBuilder(memorySink(files), DEFAULT_DATASET_OPTIONS);
    await builder.addCable(seed);
    await builder.addCable({ ...seed, id: 'again' });
    await builder.finish();
    const shard = files.get('entities/0.json')!;
    const records = JSON.parse(shard) as { postings: number[] }[];
    expect(JSON.stringify(records)).toBe(shard);
    expect(records.some((r) => r.postings.length > 1)).toBe(true);
  });
});

describe('paragraph shards remapped after entities merge', () => {
  // Texts and types that look like the record's own keys, quotes and brackets among them.
  const tricky = fc.oneof(fc.string({ unit: 'binary' }), fc.constantFrom('"mentions":[[1,2,3,"X"]]', '},{"cable":0,"n":1', '\\"', ']}', '}]'));
  const record = fc.record({
    cable: fc.nat(),
    n: fc.nat(),
    text: tricky,
    mentions: fc.array(fc.oneof(
      fc.tuple(fc.nat(), fc.nat(), fc.nat({ max: 9 }), tricky),
      fc.tuple(fc.nat(), fc.nat(), fc.constant(-1), tricky, tricky),
    )),
  });
  it('are the bytes of the records parsed, their ids remapped and written again, whatever the texts and types', () => {
    fc.assert(fc.property(fc.array(record), fc.array(fc.nat({ max: 99 }), { minLength: 10, maxLength: 10 }), (records, ids) => {
      const target = Uint32Array.from(ids);
      const shard = JSON.stringify(records);
      const parsed = JSON.parse(shard) as ParagraphRecord[];
      for (const r of parsed) for (const m of r.mentions) if (m[2] >= 0) m[2] = target[m[2]]!;
      expect(new TextDecoder().decode(remapMentions(new TextEncoder().encode(shard), target))).toBe(JSON.stringify(parsed));
    }), { numRuns: 300 });
  });

  it('names what it expected where a shard is not as the build writes it', () => {
    const remap = (text: string) => () => remapMentions(new TextEncoder().encode(text), Uint32Array.from([0, 1]));
    expect(remap('[{"cable":0,"n":1,"text":"a","mentions":[[1,2,"x","PER"]]}]')).toThrow('expected a number at byte 46');
    expect(remap('[{"cable":0,"n":1,"text":"a","mentions":[[1,2,5,"PER"]]}]')).toThrow('expected an entity id below 2 at byte 46');
    expect(remap('[{"cable":0,"n":1,"text":"a","mentions":[[1,2,1,"PER]]}]')).toThrow('expected the end of a string');
    expect(new TextDecoder().decode(remapMentions(new TextEncoder().encode('[{"cable":0,"n":1,"text":"é [x]","mentions":[]}]'), Uint32Array.from([0])))).toBe('[{"cable":0,"n":1,"text":"é [x]","mentions":[]}]');
  });
});
