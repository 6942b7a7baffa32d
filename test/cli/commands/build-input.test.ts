import { mkdtempSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../run-cli.ts';
import { SEED_FILE } from '../../helpers.ts';

const seed = readFileSync(SEED_FILE, 'utf8');
const corpus = (files: Record<string, string | Uint8Array>) => {
  const dir = mkdtempSync(join(tmpdir(), 'cg-input-'));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
  return dir;
};
const manifest = (out: string) => JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));

describe('cablegraph build on hostile input', () => {
  it('builds a corpus naming constructor and __proto__, each an entity of its own', () => {
    const hostile = seed.replace(/\[ORG VRAE {2}\]/g, '[ORG VRAE  ] [ORG constructor  ] [PER __proto__  ] [MISC toString  ]');
    const dir = corpus({ 'cables/a.txt': hostile });
    const out = join(dir, 'out');
    const r = runCli(['build', join(dir, 'cables'), '--out', out, '--quiet']);
    expect(r.status, r.stderr).toBe(0);
    const graph = JSON.parse(readFileSync(join(out, 'graph.json'), 'utf8'));
    expect(graph.nodes.map((n: { key: string }) => n.key)).toEqual(expect.arrayContaining(['~constructor', 'proto', 'tostring']));
  });

  it('counts a cable found twice once and names both files', () => {
    const dir = corpus({ 'c/a.txt': seed, 'c/b.txt': seed });
    const out = join(dir, 'out');
    const r = runCli(['build', join(dir, 'c'), '--out', out, '--quiet']);
    expect(r.status, r.stderr).toBe(0);
    // The second by the path to open, the first by its name in the dataset.
    expect(r.stderr).toContain(`${join(dir, 'c/b.txt')}: warning: the same cable as c/a.txt (same text); counted once`);
    expect(manifest(out).corpus).toMatchObject({ files: 2, cables: 1, duplicates: 1 });
  });

  it('stops on a metadata.csv whose header has neither id nor file, naming metadata.csv:1', () => {
    const dir = corpus({ 'c/a.txt': seed, 'c/metadata.csv': 'date,origin\n2006-05-26,Embassy Lima\n' });
    const r = runCli(['build', join(dir, 'c'), '--out', join(dir, 'out'), '--quiet']);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`${join(dir, 'c/metadata.csv')}:1: error: metadata header has neither an id nor a file column`);
  });

  it('reads a UTF-16 cable like its UTF-8 copy', () => {
    const utf16 = new Uint8Array([0xff, 0xfe, ...new Uint8Array(Buffer.from(seed, 'utf16le'))]);
    const dir = corpus({ 'a.txt': seed, 'b.txt': utf16 });
    const r = runCli(['parse', join(dir, 'a.txt'), join(dir, 'b.txt'), '--json']);
    expect(r.status, r.stderr).toBe(0);
    const [a, b] = JSON.parse(r.stdout).cables;
    expect(b.paragraphs).toEqual(a.paragraphs);
    expect(b.digest).toBe(a.digest);
  });
});
