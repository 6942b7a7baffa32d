import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { DataError, httpDataSource, memoryDataSource } from '../../../src/app/data/data-source.ts';
import { openDataset } from '../../../src/app/data/dataset.ts';
import { checkGraph, checkManifest } from '../../../src/core/dataset/read-dataset.ts';
import { ROOT } from '../../helpers.ts';

const FIXTURE = `${ROOT}test/fixtures/datasets/hostile/`;

function filesOf(dir: string, prefix = ''): Map<string, string> {
  const files = new Map<string, string>();
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) for (const [k, v] of filesOf(path, `${prefix}${name}/`)) files.set(k, v);
    else files.set(prefix + name, readFileSync(path, 'utf8'));
  }
  return files;
}

describe('dataset', () => {
  it('openDataset reads the fixture and fetches records from their shards', async () => {
    const dataset = await openDataset(memoryDataSource(filesOf(FIXTURE)));
    expect(dataset.graph.nodes.length).toBeGreaterThan(0);
    const first = dataset.graph.nodes[0]!.attributes!;
    const entity = await dataset.entity(first.id);
    expect(entity.key).toBe(dataset.graph.nodes[0]!.key);
    const paragraph = await dataset.paragraph(entity.postings[0]!);
    expect((await dataset.cable(paragraph.cable)).id).toBeTruthy();
    expect(await dataset.searchShard('zz-nothing')).toEqual([]);
  });

  it('hands over a paragraph or cable at once only after its shard was read, and forgets a failed read', async () => {
    const dataset = await openDataset(memoryDataSource(filesOf(FIXTURE)));
    const entity = await dataset.entity(dataset.graph.nodes[0]!.attributes!.id);
    const id = entity.postings[0]!;
    expect(dataset.loadedParagraph(id)).toBeUndefined();
    const paragraph = await dataset.paragraph(id);
    expect(dataset.loadedParagraph(id)).toEqual(paragraph);
    expect(dataset.loadedCable(paragraph.cable)).toBeUndefined();
    const cable = await dataset.cable(paragraph.cable);
    expect(dataset.loadedCable(paragraph.cable)).toEqual(cable);

    const source = memoryDataSource(new Map([['x.json', '{not json']]));
    await expect(source.get('x.json')).rejects.toThrow(DataError);
    expect(source.peek('x.json')).toBeUndefined();
  });

  it('openDataset(source, pace) reads the graph and checks it as steps of their own, in that order', async () => {
    const steps: string[] = [];
    const files = filesOf(FIXTURE);
    const dataset = await openDataset(memoryDataSource(files), async (done) => void steps.push(done));
    expect(steps).toEqual(['graph read', 'graph checked']);
    expect(dataset.graph.nodes.length).toBeGreaterThan(0);
    // The check still runs under a pace: a graph with an edge to nowhere is refused.
    const broken = new Map(files).set('graph.json', JSON.stringify({ nodes: [], edges: [{ source: 'a', target: 'b', attributes: { weight: 1 } }] }));
    await expect(openDataset(memoryDataSource(broken), async (done) => void steps.push(done))).rejects.toThrow(/not in the graph/);
    expect(steps.slice(2)).toEqual(['graph read']);
  });

  it('checkManifest names the version problem and what to do', () => {
    expect(() => checkManifest({ version: 99 })).toThrow(/rebuild the dataset/);
    expect(() => checkManifest([])).toThrow(DataError);
  });

  it('checkGraph rejects a graph whose nodes lack what the view draws', () => {
    expect(() => checkGraph({ nodes: [{ key: 'a', attributes: { label: 'A' } }], edges: [] })).toThrow(/node 'a' has no numeric 'id'/);
    expect(() => checkGraph({ nodes: [], edges: [{ source: 'a', target: 'b', attributes: { weight: 1 } }] })).toThrow(/not in the graph/);
  });

  it('httpDataSource tells a missing file from a corrupt one, and caches reads', async () => {
    let calls = 0;
    const source = httpDataSource('/d/', async (url) => {
      calls++;
      if (url === '/d/ok.json') return { ok: true, status: 200, statusText: 'OK', text: async () => '{"a":1}' };
      if (url === '/d/bad.json') return { ok: true, status: 200, statusText: 'OK', text: async () => '{"a":' };
      return { ok: false, status: 404, statusText: 'Not Found', text: async () => '' };
    });
    expect(await source.get('ok.json')).toEqual({ a: 1 });
    await source.get('ok.json');
    expect(calls).toBe(1);
    await expect(source.get('bad.json')).rejects.toMatchObject({ kind: 'corrupt', path: 'bad.json' });
    await expect(source.get('none.json')).rejects.toMatchObject({ kind: 'missing' });
  });
});
