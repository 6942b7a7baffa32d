import { describe, expect, it } from 'vitest';
import { cableTableFiles, cableTableRow } from '../../../src/core/dataset/cable-table.ts';
import { CABLE_TABLE_INDEX_PATH, CABLE_TABLE_PER_SHARD, MANIFEST_PATH, cableTableShardPath, type Manifest } from '../../../src/core/dataset/format.ts';
import { DatasetError, type DatasetReader } from '../../../src/core/dataset/read-dataset.ts';
import { cableDirectory, type CableDirectory } from '../../../src/core/slices/cable-directory.ts';
import { cableKey, cableRefGraph } from '../../../src/core/slices/cable-refs.ts';
import { SliceEvidence } from '../../../src/core/slices/evidence.ts';
import { cableFacts, readSliceIndex, sliceIndex } from '../../../src/core/slices/slice-index.ts';
import { buildFixture, memoryReader } from '../slices/fixture.ts';
import { SLICE_CABLES } from '../slices/fixtures.ts';

const files = await buildFixture(SLICE_CABLES);

/** The same dataset as a build before the cable table wrote it: no manifest entry, no files. */
function withoutTable(source: ReadonlyMap<string, string>): Map<string, string> {
  const old = new Map([...source].filter(([path]) => !path.startsWith('cable-table/')));
  const manifest = JSON.parse(old.get(MANIFEST_PATH)!) as Manifest;
  delete manifest.cableTable;
  old.set(MANIFEST_PATH, JSON.stringify(manifest));
  return old;
}

/** Everything the directory says of every cable, for comparing two directories. */
async function everything(d: CableDirectory) {
  const out = [];
  for (let c = 0; c < d.cables; c++) out.push({ facts: d.facts(c), paragraphs: d.paragraphs(c)[1], subject: await d.subject(c), refs: await d.refs(c) });
  return out;
}

describe('the cable table', () => {
  it('is written by the build and listed in the manifest', async () => {
    const { reader } = await memoryReader(files);
    expect(reader.manifest.cableTable).toEqual({ index: CABLE_TABLE_INDEX_PATH, shards: 1 });
    expect(files.has(CABLE_TABLE_INDEX_PATH) && files.has(cableTableShardPath(0))).toBe(true);
  });

  it('says of every cable what its record says: facts, names, key, paragraphs, subject and matched references', async () => {
    const { reader } = await memoryReader(files);
    const records = await reader.cables();
    const table = (await reader.cableTable!())!;
    const shard = await reader.cableTableShard!(0);
    const graph = cableRefGraph(records);
    records.forEach((record, c) => {
      expect(table.facts(c)).toEqual(cableFacts(record));
      const names = table.names(c);
      expect([names.id, names.header, names.key()]).toEqual([record.listing?.id || record.id, record.id, cableKey(record)]);
      expect(table.paragraphs(c)[1]).toBe(record.paragraphs[1]);
      if (record.paragraphs[1] > 0) expect(table.paragraphs(c)[0]).toBe(record.paragraphs[0]);
      expect(shard.subjects[c]).toBe(record.subject);
      expect(shard.references[c]!.map(([ref, cable]) => ({ ref, cable }))).toEqual(graph.references[c]);
      expect(shard.referencedBy[c]!.map(([cable, ref]) => ({ cable, ref }))).toEqual(graph.referencedBy[c]);
    });
    // The fixture has a cable without a metadata row, whose key is not its facts id's.
    expect(JSON.parse(files.get(CABLE_TABLE_INDEX_PATH)!).keys.length).toBeGreaterThan(0);
  });

  it('splits detail shards every CABLE_TABLE_PER_SHARD cables, and gives the same bytes for the same cables', async () => {
    const records = await (await memoryReader(files)).reader.cables();
    const rows = Array.from({ length: CABLE_TABLE_PER_SHARD + 3 }, (_, i) => cableTableRow({ ...records[i % records.length]!, serial: String(i) }));
    const written = cableTableFiles(rows);
    expect([...written.keys()]).toEqual([CABLE_TABLE_INDEX_PATH, cableTableShardPath(0), cableTableShardPath(1)]);
    expect(JSON.parse(written.get(cableTableShardPath(1))!).subjects).toHaveLength(3);
    expect(cableTableFiles(rows)).toEqual(written);
    const again = await buildFixture(SLICE_CABLES);
    for (const [path, text] of files) if (path.startsWith('cable-table/')) expect(again.get(path), path).toBe(text);
  });

  it('answers as the cable records do in a dataset built before it, which is read the old way', async () => {
    const { reader } = await memoryReader(files);
    const { reader: old, reads } = await memoryReader(withoutTable(files));
    expect(await old.cableTable!()).toBeNull();
    const [d, o] = [await cableDirectory(reader), await cableDirectory(old)];
    expect(await everything(d)).toEqual(await everything(o));
    for (const id of ['07lima300', 'LIMA 000400', 'lima 400', 'LIMA 100', '06 LIMA 100', 'nothing']) expect(d.find(id), id).toEqual(o.find(id));
    expect([...reads.keys()].some((p) => p.startsWith('cables/'))).toBe(true);
    expect(await readSliceIndex(reader)).toEqual(sliceIndex(await old.cables(), old.manifest.corpus.paragraphs));
  });

  it('serves slices and refs without reading any cable shard', async () => {
    const { reader, reads } = await memoryReader(files);
    await (await cableDirectory(reader)).refs(2);
    await readSliceIndex(reader);
    // A slice of every cable makes the evidence reader take the table.
    const evidence = new SliceEvidence(reader, { tags: ['PTER'] });
    await evidence.paragraphs(Array.from({ length: reader.manifest.corpus.paragraphs }, (_, p) => p));
    expect([...reads.keys()].filter((p) => p.startsWith('cables/'))).toEqual([]);
  });

  it('is a corrupt-dataset error naming the file when it breaks the format', async () => {
    const broken = async (path: string, edit: (value: Record<string, unknown>) => void) => {
      const copy = new Map(files);
      const value = JSON.parse(copy.get(path)!) as Record<string, unknown>;
      edit(value);
      copy.set(path, JSON.stringify(value));
      return (await memoryReader(copy)).reader;
    };
    const error = async (reader: DatasetReader, read: (r: DatasetReader) => Promise<unknown>) => {
      const e = await read(reader).then(() => null, (x: unknown) => x);
      expect(e).toBeInstanceOf(DatasetError);
      return e as DatasetError;
    };
    const short = await error(await broken(CABLE_TABLE_INDEX_PATH, (t) => { (t.dates as string[]).pop(); }), (r) => r.cableTable!());
    expect([short.kind, short.path, short.message]).toEqual(['corrupt', CABLE_TABLE_INDEX_PATH, `${CABLE_TABLE_INDEX_PATH}: 'dates' should list 5 strings`]);
    const origin = await error(await broken(CABLE_TABLE_INDEX_PATH, (t) => { (t.origin as number[])[0] = 99; }), (r) => r.cableTable!());
    expect(origin.message).toContain("'origin' should list 5 indexes into 'origins'");
    const count = await error(await broken(CABLE_TABLE_INDEX_PATH, (t) => { t.cables = 4; }), (r) => r.cableTable!());
    expect(count.message).toContain('lists 4 cables, the manifest 5');
    const shard = await error(await broken(cableTableShardPath(0), (s) => { (s.references as unknown[][])[2]![0] = ['LIMA 1', 77]; }), (r) => r.cableTableShard!(0));
    expect([shard.path, shard.detail]).toEqual([cableTableShardPath(0), "'references' should list 5 lists of [ref, cable or null]"]);
    const copy = new Map(files);
    copy.set(CABLE_TABLE_INDEX_PATH, '{"cables":');
    const json = await error((await memoryReader(copy)).reader, (r) => r.cableTable!());
    expect(json.message).toMatch(/^cable-table\/index\.json: not valid JSON/);
    copy.delete(CABLE_TABLE_INDEX_PATH);
    expect((await error((await memoryReader(copy)).reader, (r) => r.cableTable!())).kind).toBe('missing');
  });
});
