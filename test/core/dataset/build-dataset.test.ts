import Graph from 'graphology';
import { describe, expect, it } from 'vitest';
import { seedDataset } from './seed-dataset.ts';
import {
  GRAPH_PATH, MANIFEST_PATH, entityShardOf, entityShardPath, paragraphShardOf, paragraphShardPath, searchPrefix, searchShardPath,
  type EntityRecord, type GraphFile, type Manifest, type ParagraphRecord, type SearchEntry,
} from '../../../src/core/dataset/format.ts';
import { entityKey } from '../../../src/core/entities/normalize.ts';
import { nodeSize } from '../../../src/core/dataset/appearance.ts';

const { files } = await seedDataset();
const json = <T>(path: string): T => {
  const text = files.get(path);
  if (text === undefined) throw new Error(`no ${path} in the dataset`);
  return JSON.parse(text) as T;
};
const manifest = json<Manifest>(MANIFEST_PATH);
const graph = Graph.from(json<GraphFile>(GRAPH_PATH));
const entity = (key: string): EntityRecord => {
  const id = graph.getNodeAttribute(key, 'id') as number;
  return json<EntityRecord[]>(entityShardPath(entityShardOf(id, manifest.shards.entityStarts))).find((r) => r.id === id)!;
};
const paragraph = (id: number): ParagraphRecord => json<ParagraphRecord[]>(paragraphShardPath(paragraphShardOf(id)))[id % 256]!;

describe('DatasetBuilder on the seed cable', () => {
  it('writes a graphology graph with the attributes the explorer draws', () => {
    const attrs = graph.getNodeAttributes('pnp');
    for (const name of ['label', 'type', 'aliases', 'mentions', 'paragraphs', 'cables', 'community', 'x', 'y', 'size']) {
      expect(attrs, name).toHaveProperty(name);
    }
    expect(graph.getEdgeAttribute('vrae', 'pnp', 'weight')).toBe(2);
  });

  it('names on each node its first paragraph, the reading room\'s first row, fetched with its record', () => {
    graph.forEachNode((key, a) => expect(a.first, key).toBe(entity(key).postings[0]));
  });

  it('sizes nodes as the explorer draws them, so an export looks like the screen', () => {
    const most = Math.max(...graph.mapNodes((_, a) => a.paragraphs as number));
    graph.forEachNode((key, a) => expect(a.size, key).toBeCloseTo(nodeSize(a.paragraphs as number, most), 2));
  });

  it('makes one node per entity: PNP with National Police, Omar Quesada with Quesada, SL with Sendero Luminoso, one Lima', () => {
    const aliases = (key: string) => (graph.getNodeAttribute(key, 'aliases') as [string, number][]).map(([s]) => s);
    expect(graph.getNodeAttribute('pnp', 'label')).toBe('PNP');
    expect(aliases('pnp')).toContain('National Police');
    expect(graph.getNodeAttribute('omar quesada', 'label')).toBe('Omar Quesada');
    expect(aliases('omar quesada')).toContain('Quesada');
    expect(aliases('sl')).toContain('Sendero Luminoso');
    expect(graph.filterNodes((_, a) => /^lima\.?$/i.test(a.label as string))).toEqual(['lima']);
  });

  it('has no node for redactions, format words or jargon', () => {
    const labels = graph.mapNodes((_, a) => a.label as string);
    for (const noise of ['XXXXXXXXXXXX', 'DECL:', 'Summary: Although', 'Poloff', 'Emboffs']) expect(labels).not.toContain(noise);
  });

  it('links VRAE – PNP – cocaleros – MAS, each link backed by the paragraphs both appear in', () => {
    const shared = (a: string, b: string) => {
      const other = new Set(entity(b).postings);
      return entity(a).postings.filter((p) => other.has(p)).map((p) => paragraph(p).n);
    };
    expect(shared('vrae', 'pnp')).toEqual([1, 13]);
    expect(shared('pnp', 'cocaleros').length).toBe(graph.getEdgeAttribute('pnp', 'cocaleros', 'weight'));
    expect(shared('cocaleros', 'mas')).toEqual([3]);
  });

  it('keeps paragraph text with mentions pointing at their entity, dropped ones with their reason', () => {
    const p = entity('pnp').postings.map(paragraph).find((x) => x.n === 12)!;
    const national = p.mentions.find(([s, e]) => p.text.slice(s, e) === 'National Police')!;
    expect(national[2]).toBe(graph.getNodeAttribute('pnp', 'id'));
    const p2 = paragraph(1);
    const redacted = p2.mentions.find(([s, e]) => p2.text.slice(s, e) === 'XXXXXXXXXXXX')!;
    expect(redacted.slice(2)).toEqual([-1, 'ORG', 'redaction']);
  });

  it('indexes every entity for search under each word of its names', () => {
    const find = (query: string) => {
      const q = entityKey(query);
      const shard = files.get(searchShardPath(searchPrefix(q)));
      return shard ? (JSON.parse(shard) as SearchEntry[]).filter(([text]) => text.startsWith(q)).map(([, id]) => id) : [];
    };
    expect(find('National Pol')).toContain(graph.getNodeAttribute('pnp', 'id'));
    expect(find('morales')).toContain(graph.getNodeAttribute('evo morales', 'id'));
  });

  it('summarises the corpus, communities and kept and dropped mentions in the manifest', () => {
    expect(manifest.corpus).toMatchObject({ cables: 1, paragraphs: 13, entities: graph.order });
    expect(manifest.corpus.mentions.dropped).toMatchObject({ redaction: 16 });
    expect(manifest.corpus.mentions.header).toBe(8);
    expect(manifest.communities.reduce((n, c) => n + c.size, 0)).toBe(graph.order);
    expect(manifest.types.map((t) => t.type)).toEqual(expect.arrayContaining(['ORG', 'LOC', 'PER', 'MISC', 'GROUP']));
  });

  it('writes the same bytes every time', async () => {
    const again = (await seedDataset()).files;
    expect([...again.keys()]).toEqual([...files.keys()]);
    for (const [path, content] of files) expect(again.get(path), path).toBe(content);
  });
});
