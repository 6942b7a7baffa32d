import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readCable } from '../../../src/core/cable/read-cable.ts';
import { resolveCable } from '../../../src/core/entities/resolve-cable.ts';
import { DatasetBuilder, DEFAULT_DATASET_OPTIONS, memorySink } from '../../../src/core/dataset/build-dataset.ts';
import { remapMentions } from '../../../src/core/dataset/remap-mentions.ts';
import { tallyCable } from '../../../src/core/graph/cable-tally.ts';
import { Vocabulary } from '../../../src/core/graph/vocabulary.ts';
import { paragraphShardPath, type EntityRecord, type ParagraphRecord } from '../../../src/core/dataset/format.ts';
import { entityKeyOfDatasetKey } from '../../../src/core/dataset/dataset-key.ts';
import type { ResolvedCable } from '../../../src/core/entities/model.ts';
import { SEED_FILE } from '../../helpers.ts';
import { shippedContext } from './seed-dataset.ts';

const seed = (() => {
  const { cable, diagnostics } = readCable(readFileSync(SEED_FILE, 'utf8'), 'seed.txt');
  return resolveCable(cable!, diagnostics, shippedContext());
})();

/** The paragraph shard of a build of `cable`, given its tally made elsewhere (as a worker thread does) or not. */
async function paragraphShard(cable: ResolvedCable, withTally: boolean): Promise<string> {
  const files = new Map<string, string>();
  const builder = new DatasetBuilder(memorySink(files), DEFAULT_DATASET_OPTIONS);
  await builder.addCable(cable, undefined, withTally ? tallyCable(cable.paragraphs, new Vocabulary(0)) : undefined);
  await builder.finish();
  return files.get(paragraphShardPath(0))!;
}

describe('paragraph records written as UTF-8 pieces', () => {
  it('are the bytes JSON.stringify writes for the records, with a tally made elsewhere or without, whatever the text', async () => {
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

describe('entity records written with their neighbours and postings joined in', () => {
  async function entityShard(labels: Map<string, string>): Promise<string> {
    const files = new Map<string, string>();
    const builder = new DatasetBuilder(memorySink(files), { ...DEFAULT_DATASET_OPTIONS, labels });
    await builder.addCable(seed);
    await builder.addCable({ ...seed, id: 'again' });
    await builder.finish();
    return files.get('entities/0.json')!;
  }

  it('are the bytes JSON.stringify writes for the records, whatever the labels', async () => {
    const plain = JSON.parse(await entityShard(new Map())) as EntityRecord[];
    const keys = plain.map((r) => entityKeyOfDatasetKey(r.key));
    await fc.assert(fc.asyncProperty(fc.array(fc.string({ unit: 'binary' }), { minLength: keys.length, maxLength: keys.length }), async (names) => {
      const shard = await entityShard(new Map(keys.map((k, i) => [k, names[i]!])));
      const records = JSON.parse(shard) as EntityRecord[];
      expect(JSON.stringify(records)).toBe(shard);
      expect(records.map((r) => r.label)).toEqual(names);
      // A neighbour entry carries the other entity's label as its own record does.
      for (const r of records) for (const n of r.neighbors) expect(n[3]).toBe(names[n[0]]);
    }), { numRuns: 20 });
    expect(plain.some((r) => r.postings.length > 1)).toBe(true);
    expect(plain.some((r) => r.neighbors.length > 0)).toBe(true);
  });
});

describe('paragraph shards remapped once every cable is read', () => {
  // Texts and types that look like the record's own keys, quotes and brackets among them.
  const tricky = fc.oneof(fc.string({ unit: 'binary' }), fc.constantFrom('"mentions":[[1,2,3,"X"]]', '},{"cable":0,"n":1', '{"cable":1,', '\\"', ']}', '}]'));
  const record = fc.record({
    cable: fc.nat({ max: 4 }),
    n: fc.nat(),
    text: tricky,
    mentions: fc.array(fc.oneof(
      fc.tuple(fc.nat(), fc.nat(), fc.nat({ max: 9 }), tricky),
      fc.tuple(fc.nat(), fc.nat(), fc.constant(-1), tricky, tricky),
    )),
  });
  // Cable c's keys are numbers 10c to 10c + 9 of the table.
  const keyStart = [0, 10, 20, 30, 40, 50];
  const encode = (text: string) => new TextEncoder().encode(text);
  const decode = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

  it('are the bytes of the records parsed, each key number replaced by its entity id and written again, whatever the texts and types', () => {
    fc.assert(fc.property(fc.array(record), fc.array(fc.nat({ max: 999 }), { minLength: 50, maxLength: 50 }), (records, table) => {
      const ids = Uint32Array.from(table);
      const shard = JSON.stringify(records);
      const parsed = JSON.parse(shard) as ParagraphRecord[];
      for (const r of parsed) for (const m of r.mentions) if (m[2] >= 0) m[2] = ids[keyStart[r.cable]! + m[2]]!;
      expect(decode(remapMentions(encode(shard), keyStart, ids))).toBe(JSON.stringify(parsed));
    }), { numRuns: 300 });
  });

  it('names what it expected where a shard is not as the build writes it', () => {
    const remap = (text: string) => () => remapMentions(encode(text), [0, 2], Uint32Array.from([7, 8]));
    expect(remap('[{"cable":0,"n":1,"text":"a","mentions":[[1,2,"x","PER"]]}]')).toThrow('expected a number at byte 46');
    expect(remap('[{"cable":0,"n":1,"text":"a","mentions":[[1,2,5,"PER"]]}]')).toThrow('expected a key number below 2 at byte 46');
    expect(remap('[{"cable":1,"n":1,"text":"a","mentions":[]}]')).toThrow('expected a cable below 1 at byte 10');
    expect(remap('[{"cable":0,"n":1,"text":"a","mentions":[[1,2,1,"PER]]}]')).toThrow('expected the end of a string');
    expect(remap('[{"cable":0,"n":1,"text":"a","mentions":[]},{"n":1}]')).toThrow("expected 'c' at byte 46");
    expect(decode(remapMentions(encode('[{"cable":0,"n":1,"text":"é [x]","mentions":[[0,1,1,"PER"]]}]'), [0, 2], Uint32Array.from([7, 8]))))
      .toBe('[{"cable":0,"n":1,"text":"é [x]","mentions":[[0,1,8,"PER"]]}]');
    expect(decode(remapMentions(encode('[]'), [0], new Uint32Array(0)))).toBe('[]');
  });
});
