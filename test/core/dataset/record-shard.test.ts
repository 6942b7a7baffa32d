import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { indexRecords, parseRecord } from '../../../src/core/dataset/record-shard.ts';
import { openDatasetReader } from '../../../src/core/dataset/read-dataset.ts';
import { paragraphShardPath } from '../../../src/core/dataset/format.ts';
import { seedText } from '../../helpers.ts';
import { buildInMemory } from './seed-dataset.ts';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('record shards', () => {
  it('picks each record out of a shard as JSON.stringify writes it, whatever its text holds (property)', () => {
    const text = fc.string({ unit: fc.constantFrom('a', 'é', '中', '😀', '{', '}', '"', '\\', ',', '{"cable":', '},{"cable":1}', '\n', ']') });
    fc.assert(fc.property(fc.array(fc.record({ cable: fc.nat(), n: fc.nat(), text, mentions: fc.array(fc.tuple(fc.nat(), fc.nat(), fc.integer({ min: -1, max: 9 }), fc.constantFrom('PER', 'ORG'))) }), { minLength: 1, maxLength: 6 }), (records) => {
      const shard = indexRecords(bytes(JSON.stringify(records)), records.length);
      expect(shard).not.toBeNull();
      records.forEach((r, k) => expect(parseRecord(shard!, k)).toEqual(r));
    }));
  });

  it('gives up (for a whole parse) on another form or another count of records', () => {
    const records = [{ cable: 0, n: 1, text: 'a', mentions: [] }, { cable: 0, n: 2, text: 'b', mentions: [] }];
    expect(indexRecords(bytes(JSON.stringify(records)), 3)).toBeNull();
    expect(indexRecords(bytes(JSON.stringify(records, null, 1)), 2)).toBeNull();
    expect(indexRecords(bytes(`${JSON.stringify(records)}\n`), 2)).toBeNull();
    expect(indexRecords(bytes(JSON.stringify(records.map(({ n, cable, text, mentions }) => ({ n, cable, text, mentions })))), 2)).toBeNull();
    expect(indexRecords(bytes('[]'), 0)).toBeNull();
  });

  it('a reader gives the same records from bytes, from text and from a shard in another form, and names a broken record', async () => {
    const { files } = await buildInMemory([{ name: 'seed.txt', text: seedText() }]);
    const shard = paragraphShardPath(0);
    const records = JSON.parse(files.get(shard)!) as unknown[];
    const asBytes = await openDatasetReader(async (path) => (files.has(path) ? bytes(files.get(path)!) : null));
    const asText = await openDatasetReader(async (path) => files.get(path) ?? null);
    const spaced = new Map(files).set(shard, JSON.stringify(records, null, 2));
    const asSpaced = await openDatasetReader(async (path) => spaced.get(path) ?? null);
    for (let p = 0; p < records.length; p++) {
      expect(await asBytes.paragraph(p)).toEqual(records[p]);
      expect(await asText.paragraph(p)).toEqual(records[p]);
      expect(await asSpaced.paragraph(p)).toEqual(records[p]);
    }
    const broken = new Map(files).set(shard, files.get(shard)!.replace('"text":"', '"text":'));
    const reader = await openDatasetReader(async (path) => broken.get(path) ?? null);
    await expect(reader.paragraph(0)).rejects.toThrow(/paragraphs\/0\.json: record 0 is not valid JSON/);
  });
});
