import { readFileSync, readdirSync } from 'node:fs';
import Graph from 'graphology';
import { describe, expect, it } from 'vitest';
import { buildFromFiles } from '../../../src/core/dataset/build-from-files.ts';
import { DatasetBuilder } from '../../../src/core/dataset/build-dataset.ts';
import { GRAPH_PATH, MANIFEST_PATH, type GraphFile, type Manifest } from '../../../src/core/dataset/format.ts';
import { MetadataIndex, readMetadataCsv } from '../../../src/core/cable/metadata.ts';
import { readCable } from '../../../src/core/cable/read-cable.ts';
import { textDigest } from '../../../src/core/cable/digest.ts';
import { resolveCable } from '../../../src/core/entities/resolve-cable.ts';
import { shippedContext } from './seed-dataset.ts';
import { HAS_SHARED_SAMPLE, ROOT, SEED_FILE, SHARED_SAMPLE, explainSkip } from '../../helpers.ts';

const seed = new Uint8Array(readFileSync(SEED_FILE));
const encode = (text: string) => new TextEncoder().encode(text);
const lexicon = { name: 'lexicon.tsv', bytes: new Uint8Array(readFileSync(`${ROOT}data/lexicon.tsv`)) };

async function built(files: { name: string; bytes: Uint8Array }[]) {
  const result = await buildFromFiles([...files, lexicon]);
  const manifest = JSON.parse(result.files.get(MANIFEST_PATH)!) as Manifest;
  const graph = Graph.from(JSON.parse(result.files.get(GRAPH_PATH)!) as GraphFile);
  return { manifest, graph, problems: result.problems };
}

describe('textDigest(text)', () => {
  it('is FNV-1a 64 over UTF-16 code units', () => {
    expect(textDigest('')).toBe('cbf29ce484222325');
    expect(textDigest('a')).toBe('af63dc4c8601ec8c');
    expect(textDigest('foobar')).toBe('85944171f73967e8');
  });
});

describe('a cable found in two files', () => {
  it('counts once: the seed twice keeps VRAE–cocaleros at 6 paragraphs, and the warning names both files', async () => {
    const once = await built([{ name: 'a/seed.txt', bytes: seed }]);
    const twice = await built([{ name: 'a/seed.txt', bytes: seed }, { name: 'b/copy.txt', bytes: seed }]);
    expect(once.graph.getEdgeAttribute('vrae', 'cocaleros', 'weight')).toBe(6);
    expect(twice.graph.getEdgeAttribute('vrae', 'cocaleros', 'weight')).toBe(6);
    expect(twice.manifest.corpus).toMatchObject({ files: 2, cables: 1, duplicates: 1, diagnostics: { 'duplicate-cable': 1 } });
    expect(twice.manifest.corpus.paragraphs).toBe(once.manifest.corpus.paragraphs);
    expect(twice.problems.filter((d) => d.code === 'duplicate-cable')).toEqual([
      { file: 'b/copy.txt', line: 0, severity: 'warning', code: 'duplicate-cable', message: 'the same cable as a/seed.txt (same text); counted once' },
    ]);
  });

  it('knows the same text with other line ends', async () => {
    const crlf = encode(new TextDecoder().decode(seed).replace(/\n/g, '\r\n'));
    const { manifest } = await built([{ name: 'a.txt', bytes: seed }, { name: 'b.txt', bytes: crlf }]);
    expect(manifest.corpus).toMatchObject({ cables: 1, duplicates: 1 });
  });

  it('knows one metadata.csv row joined by the same file name in two folders, even with edited text', async () => {
    const edited = encode(new TextDecoder().decode(seed).replace('cocaleros', 'coca growers'));
    const csv = encode('id,date,origin,classification,tags,subject,file\n06LIMA2158,2006-05-26,Embassy Lima,CONFIDENTIAL,SNAR,COCALEROS,06LIMA2158.txt\n');
    const { manifest, problems } = await built([
      { name: 'old/06LIMA2158.txt', bytes: seed }, { name: 'new/06LIMA2158.txt', bytes: edited }, { name: 'metadata.csv', bytes: csv },
    ]);
    expect(manifest.corpus).toMatchObject({ cables: 1, duplicates: 1 });
    expect(problems.find((d) => d.code === 'duplicate-cable')?.message).toContain('metadata.csv id 06LIMA2158');
  });

  it('keeps different cables that share the id in their header', async () => {
    const other = encode(new TextDecoder().decode(seed).replace('cocaleros', 'coca growers'));
    const { manifest } = await built([{ name: 'a.txt', bytes: seed }, { name: 'b.txt', bytes: other }]);
    expect(manifest.corpus).toMatchObject({ cables: 2, duplicates: 0 });
  });
});

explainSkip('every sample cable counted despite shared header ids');

describe.runIf(HAS_SHARED_SAMPLE)('the Cablegate sample', () => {
  it('counts all 1,031 cables, though header ids repeat across years and name other posts', async () => {
    const names = readdirSync(SHARED_SAMPLE).filter((f) => f.endsWith('.txt')).sort();
    const metadata = new MetadataIndex();
    metadata.add(readMetadataCsv(readFileSync(`${SHARED_SAMPLE}metadata.csv`, 'utf8'), 'metadata.csv'));
    const context = shippedContext();
    const builder = new DatasetBuilder({ write: () => {} });
    const headerIds = new Map<string, number>();
    const warnings = [];
    for (const name of names) {
      const { cable, diagnostics } = readCable(new Uint8Array(readFileSync(SHARED_SAMPLE + name)), name);
      const resolved = resolveCable(cable!, diagnostics, context);
      headerIds.set(resolved.id, (headerIds.get(resolved.id) ?? 0) + 1);
      warnings.push(...await builder.addCable(resolved, metadata.find(name, resolved.id)));
    }
    expect(names).toHaveLength(1031);
    // The case the rule is for: ids read from headers repeat.
    expect([...headerIds.values()].filter((n) => n > 1).length).toBeGreaterThanOrEqual(5);
    expect(warnings).toEqual([]);
    expect(builder.progress().paragraphs).toBeGreaterThan(0);
  });
});
