import { describe, expect, it } from 'vitest';
import { MANIFEST_PATH, GRAPH_PATH, entityShardPath } from '../../../src/core/dataset/format.ts';
import { DatasetError, openDatasetReader } from '../../../src/core/dataset/read-dataset.ts';
import { seedDataset } from './seed-dataset.ts';
import { buildFixture, memoryReader } from '../slices/fixture.ts';

const { files: seed } = await seedDataset();

const withFile = (path: string, text: string | undefined) => {
  const copy = new Map(seed);
  if (text === undefined) copy.delete(path);
  else copy.set(path, text);
  return copy;
};

async function openError(files: Map<string, string>): Promise<DatasetError> {
  const e: unknown = await memoryReader(files).then(() => null, (err: unknown) => err);
  expect(e).toBeInstanceOf(DatasetError);
  return e as DatasetError;
}

describe('openDatasetReader', () => {
  it('reads the manifest at once and every shard once, on first use', async () => {
    const { reader, reads } = await memoryReader(seed);
    expect([...reads.keys()]).toEqual([MANIFEST_PATH]);
    const first = await reader.entity(0);
    const again = await reader.entity(1);
    expect(first.id).toBe(0);
    expect(again.id).toBe(1);
    expect(reads.get(entityShardPath(0))).toBe(1);
    const paragraph = await reader.paragraph(0);
    expect(await reader.cable(paragraph.cable)).toMatchObject({ paragraphs: [0, expect.any(Number)] });
    expect((await reader.cables()).length).toBe(reader.manifest.corpus.cables);
    expect(reads.has(GRAPH_PATH)).toBe(false);
    expect((await reader.graph()).nodes.length).toBe(reader.manifest.overview.nodes);
  });

  it('names the manifest when its version is not the one it reads', async () => {
    const manifest = JSON.parse(seed.get(MANIFEST_PATH)!) as Record<string, unknown>;
    const e = await openError(withFile(MANIFEST_PATH, JSON.stringify({ ...manifest, version: 1 })));
    expect(e.kind).toBe('corrupt');
    expect(e.message).toMatch(/^manifest\.json: dataset version 1, .*rebuild/);
  });

  it('tells a missing manifest from one that is not JSON or lacks its shards', async () => {
    expect((await openError(withFile(MANIFEST_PATH, undefined))).kind).toBe('missing');
    const bad = await openError(withFile(MANIFEST_PATH, '{"version": 2,'));
    expect([bad.kind, bad.path]).toEqual(['corrupt', MANIFEST_PATH]);
    const manifest = JSON.parse(seed.get(MANIFEST_PATH)!) as Record<string, unknown>;
    const noShards = await openError(withFile(MANIFEST_PATH, JSON.stringify({ ...manifest, shards: {} })));
    expect(noShards.message).toContain('shards.entityStarts');
    const shards = manifest.shards as Record<string, unknown>;
    for (const starts of [[5, 2], 'x', [0, 0, 0]]) {
      const e = await openError(withFile(MANIFEST_PATH, JSON.stringify({ ...manifest, shards: { ...shards, cables: 2, cableParagraphStarts: starts } })));
      expect(e.message).toContain('shards.cableParagraphStarts');
    }
    const { cableParagraphStarts: _, ...older } = shards;
    const { reader } = await memoryReader(withFile(MANIFEST_PATH, JSON.stringify({ ...manifest, shards: older })));
    expect(reader.manifest.shards.cableParagraphStarts).toBeUndefined();
  });

  it('names a shard that lacks the record asked for, or a graph that is not a graph', async () => {
    const { reader } = await memoryReader(withFile(entityShardPath(0), '[]'));
    await expect(reader.entity(0)).rejects.toThrow(/^entities\/0\.json: has no record 0/);
    const { reader: r2 } = await memoryReader(withFile(GRAPH_PATH, '{"nodes": 3}'));
    await expect(r2.graph()).rejects.toThrow(/^graph\.json: 'nodes' should be an array/);
    await expect(reader.entity(reader.entityCount)).rejects.toThrow(RangeError);
  });

  it('answers an empty list for a search prefix with no shard, and takes a loader error as unreachable', async () => {
    const { reader } = await memoryReader(seed);
    expect(await reader.searchShard('qqqq')).toEqual([]);
    const failing = await openDatasetReader(async (path) => {
      if (path === MANIFEST_PATH) return seed.get(path)!;
      throw new Error('connection reset');
    });
    await expect(failing.entity(0)).rejects.toMatchObject({ kind: 'unreachable', message: expect.stringContaining('connection reset') });
  });
});

describe('findEntity', () => {
  it('finds an entity by numeric id, key, label or alias, whatever the case', async () => {
    const { reader } = await memoryReader(seed);
    const pnp = await reader.findEntity('pnp');
    expect(pnp).toMatchObject({ ok: true, by: 'key', entity: { key: 'pnp', label: 'PNP' } });
    if (!pnp.ok) throw new Error('unreachable');
    expect(await reader.findEntity(String(pnp.entity.id))).toMatchObject({ ok: true, by: 'id', entity: { key: 'pnp' } });
    expect(await reader.findEntity('  PnP ')).toMatchObject({ ok: true, entity: { key: 'pnp' } });
    expect(await reader.findEntity('national police')).toMatchObject({ ok: true, by: 'alias', entity: { key: 'pnp' } });
    expect(await reader.findEntity('OMAR QUESADA')).toMatchObject({ ok: true, entity: { label: 'Omar Quesada' } });
  });

  it('lets an id name its own entity before an alias of another, and lists candidates when a name is ambiguous', async () => {
    const files = await buildFixture([
      { origin: 'LIMA', serial: 1, paragraphs: ['[PER Omar Quesada  ] met [ORG PNP  ]', '[PER Quesada  ] left'] },
      { origin: 'LIMA', serial: 2, paragraphs: ['[PER Carlos Quesada  ] met [ORG MAS  ]', '[PER Quesada  ] stayed'] },
      { origin: 'LIMA', serial: 3, paragraphs: ['[PER Jane Roe  ] saw [PER Roe  ] .'] },
      { origin: 'LIMA', serial: 4, paragraphs: ['[ORG Roe  ] alone in [LOC Cusco  ]'] },
    ]);
    const { reader } = await memoryReader(files);
    const quesada = await reader.findEntity('quesada');
    expect(quesada).toMatchObject({ ok: false, problem: 'ambiguous' });
    if (quesada.ok) throw new Error('unreachable');
    expect(quesada.candidates.map((c) => c.label).sort()).toEqual(['Carlos Quesada', 'Omar Quesada']);
    // `Roe` is an alias of Jane Roe (merged in cable 3) and the key of the Roe (an organisation, no part of her name) of cable 4.
    const roe = await reader.findEntity('ROE');
    expect(roe).toMatchObject({ ok: true, by: 'key', entity: { key: 'roe' } });
    const unknown = await reader.findEntity('Quesad');
    expect(unknown).toMatchObject({ ok: false, problem: 'unknown' });
    if (unknown.ok) throw new Error('unreachable');
    expect(unknown.candidates.map((c) => c.label).sort()).toEqual(['Carlos Quesada', 'Omar Quesada']);
    expect(await reader.findEntity('!!')).toMatchObject({ ok: false, problem: 'unknown', candidates: [] });
  });
});
