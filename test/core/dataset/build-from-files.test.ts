import { copyFileSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildFromFiles, type ImportProgress } from '../../../src/core/dataset/build-from-files.ts';
import { inputKind } from '../../../src/core/dataset/pipeline.ts';
import { packBundle, unpackBundle } from '../../../src/core/dataset/bundle.ts';
import { CABLES_PER_SHARD, CABLE_TABLE_INDEX_PATH, GRAPH_PATH, cableTableShardPath, MANIFEST_PATH, cableShardOf, cableShardOfParagraph, paragraphShardPath, type CableListing, type CableRecord, type Manifest, type ParagraphRecord } from '../../../src/core/dataset/format.ts';
import { runCli } from '../../cli/run-cli.ts';
import { HAS_SHARED_SAMPLE, ROOT, SEED_FILE, SHARED_SAMPLE, explainSkip } from '../../helpers.ts';

const bytes = (path: string) => new Uint8Array(readFileSync(path));

describe('inputKind(name)', () => {
  it('tells cables, metadata, lexicon and alias files from the rest by name', () => {
    expect(inputKind('corpus/06LIMA2158.txt')).toBe('cable');
    expect(inputKind('corpus/metadata.csv')).toBe('metadata');
    expect(inputKind('my-lexicon.tsv')).toBe('lexicon');
    expect(inputKind('aliases.tsv')).toBe('aliases');
    expect(inputKind('photo.png')).toBe('other');
  });
});

describe('buildFromFiles(inputs)', () => {
  it('lists bad files with their problem, builds the rest, and reports progress', async () => {
    const seen: ImportProgress[] = [];
    const result = await buildFromFiles([
      { name: 'c/000.txt', bytes: bytes(SEED_FILE) },
      { name: 'c/broken.txt', bytes: new Uint8Array([0x89, 0x50, 0, 0]) },
      { name: 'c/notes.docx', bytes: new Uint8Array([1, 2, 3]) },
      { name: 'lexicon.tsv', bytes: new TextEncoder().encode('cocaleros\tGROUP\tcocalero\nbad line\n') },
    ], { onProgress: (p) => seen.push(p) });
    expect(result.problems.map((d) => [d.file, d.line, d.code])).toEqual([
      ['c/notes.docx', 0, 'not-an-input'],
      ['lexicon.tsv', 2, 'lexicon-columns'],
      ['c/broken.txt', 0, 'binary-file'],
    ]);
    const manifest = JSON.parse(result.files.get(MANIFEST_PATH)!);
    expect(manifest.corpus).toMatchObject({ cables: 1, rejectedFiles: 1 });
    expect(manifest.corpus.mentions.lexicon).toBeGreaterThan(0);
    expect(seen.filter((p) => p.phase === 'reading').map((p) => p.cables)).toEqual([1, 2]);
    expect(seen.at(-1)!.entities).toBe(manifest.corpus.entities);
  });

  it('round-trips through a one-file bundle', async () => {
    const { files } = await buildFromFiles([{ name: 'seed.txt', bytes: bytes(SEED_FILE) }]);
    const back = unpackBundle(packBundle(files));
    expect('files' in back && back.files).toEqual(files);
    expect(unpackBundle('{"format":"other"}')).toEqual({ error: expect.stringContaining('no "format"') });
    expect(unpackBundle('nope')).toEqual({ error: expect.stringContaining('not valid JSON') });
  });
});

explainSkip('the browser build compared with the CLI build on sample cables');

describe.runIf(HAS_SHARED_SAMPLE)('buildFromFiles against the CLI', () => {
  it('gives the same graph as `cablegraph build` of the same files', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cg-same-'));
    const picked = readdirSync(SHARED_SAMPLE).filter((f) => f.endsWith('.txt')).sort().slice(0, 25);
    for (const f of picked) copyFileSync(SHARED_SAMPLE + f, join(dir, f));
    copyFileSync(SEED_FILE, join(dir, '000_seed.txt'));
    writeFileSync(join(dir, 'metadata.csv'), readFileSync(`${SHARED_SAMPLE}metadata.csv`));
    const out = join(dir, '..', `${dir.split('/').pop()}-out`);
    const r = runCli(['build', dir, '--out', out, '--lexicon', `${ROOT}data/lexicon.tsv`, '--aliases', `${ROOT}data/aliases.tsv`]);
    expect(r.status, r.stderr).toBe(0);

    const inputs = [...picked, '000_seed.txt', 'metadata.csv'].map((f) => ({ name: `corpus/${f}`, bytes: bytes(join(dir, f)) }));
    inputs.push({ name: 'lexicon.tsv', bytes: bytes(`${ROOT}data/lexicon.tsv`) }, { name: 'aliases.tsv', bytes: bytes(`${ROOT}data/aliases.tsv`) });
    const { files } = await buildFromFiles(inputs);
    expect(files.get(GRAPH_PATH)).toBe(readFileSync(join(out, GRAPH_PATH), 'utf8'));
    const listings = (json: string) => JSON.parse(json).map((c: CableRecord) => c.listing);
    const fromCli = listings(readFileSync(join(out, 'cables/0.json'), 'utf8'));
    expect(listings(files.get('cables/0.json')!)).toEqual(fromCli);
    // The page's worker writes the cable table too, byte for byte as the CLI does.
    for (const path of [CABLE_TABLE_INDEX_PATH, cableTableShardPath(0)]) expect(files.get(path), path).toBe(readFileSync(join(out, path), 'utf8'));
    // Every sample cable is listed in metadata.csv; the seed is not.
    expect(fromCli.filter((l: CableListing | null) => l !== null)).toHaveLength(picked.length);
  });
});

describe('buildFromFiles: corpus-wide resolution', () => {
  const cable = (post: string, serial: string, body: string) => new TextEncoder().encode(
    `<code><pre>C O N F I D E N T I A L [LOC ${post}  ] ${serial} SIPDIS TAGS: PREL SUBJECT: X <a id='par1' href='#par1'>¶</a>1 . \n( C ) ${body}</pre></code>\n`);

  it('merges a surname and country abbreviations across cables, says why, and rewrites paragraph mentions to the merged ids', async () => {
    const { files } = await buildFromFiles([
      { name: 'a.txt', bytes: cable('CARACAS', '000001', '[PER Hugo Chavez  ] met the [ORG MFA  ] and [LOC United States  ] envoys .') },
      { name: 'b.txt', bytes: cable('CARACAS', '000002', '[PER Chavez  ] spoke of the [ORG U.S.  ] .') },
    ]);
    const entities = [...files].filter(([p]) => p.startsWith('entities/')).flatMap(([, json]) => JSON.parse(json) as { id: number; key: string; label: string; merged?: [string, string][] }[]);
    const chavez = entities.find((e) => e.key === 'hugo chavez')!;
    expect(chavez.merged).toEqual([['chavez', 'partial-name']]);
    // With `merged` in, a record is still the bytes JSON.stringify writes.
    for (const [path, json] of files) if (path.startsWith('entities/')) expect(JSON.stringify(JSON.parse(json))).toBe(json);
    expect(entities.find((e) => e.key === 'united states')!.merged).toEqual([['us', 'country-name']]);
    expect(entities.find((e) => e.key === 'mfa (venezuela)')!.label).toBe('MFA (Venezuela)');
    expect(entities.map((e) => e.key)).not.toContain('chavez');
    const paragraphs = [...files].filter(([p]) => p.startsWith('paragraphs/')).flatMap(([, json]) => JSON.parse(json) as { text: string; mentions: [number, number, number][] }[]);
    const ids = paragraphs.map((p) => p.mentions.map((m) => entities[m[2]]!.key));
    expect(ids).toEqual([['hugo chavez', 'mfa (venezuela)', 'united states'], ['hugo chavez', 'united states']]);
    expect(JSON.parse(files.get('review.json')!)).toEqual({ version: 1, items: [] });
  });
});

describe('the manifest’s cable shard starts', () => {
  it('name, for every paragraph, the cable shard that holds its cable', async () => {
    // Cables enough for two cable shards, each its own text (the same text twice is a duplicate).
    const seed = readFileSync(SEED_FILE, 'utf8');
    const cables = Array.from({ length: CABLES_PER_SHARD + 40 }, (_, i) => ({
      name: `c/${String(i).padStart(4, '0')}.txt`,
      bytes: new TextEncoder().encode(i % 7 === 3 ? `Nothing numbered in cable ${i}.` : `${seed}\n<a id='par99' href='#par99'>¶</a>99 . Cable ${i} of [LOC Lima  ] .`),
    }));
    const { files } = await buildFromFiles(cables);
    const manifest = JSON.parse(files.get(MANIFEST_PATH)!) as Manifest;
    const starts = manifest.shards.cableParagraphStarts!;
    expect(starts).toHaveLength(manifest.shards.cables);
    expect(manifest.shards.cables).toBe(2);
    let id = 0;
    for (let shard = 0; shard < manifest.shards.paragraphs; shard++) {
      for (const p of JSON.parse(files.get(paragraphShardPath(shard))!) as ParagraphRecord[]) {
        expect(cableShardOfParagraph(id++, starts)).toBe(cableShardOf(p.cable));
      }
    }
    expect(id).toBe(manifest.corpus.paragraphs);
  });
});
