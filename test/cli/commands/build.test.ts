import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../run-cli.ts';
import { ROOT, SEED_FILE } from '../../helpers.ts';

const LEXICON = `${ROOT}data/lexicon.tsv`;
const ALIASES = `${ROOT}data/aliases.tsv`;

/** sha256 of every file under `dir`, by relative path. */
function digest(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    out[path.slice(dir.length)] = createHash('sha256').update(readFileSync(path)).digest('hex');
  }
  return out;
}

const temp = () => mkdtempSync(join(tmpdir(), 'cg-build-'));

describe('cablegraph build', () => {
  it('builds the seed into a dataset and prints a summary', () => {
    const out = join(temp(), 'ds');
    const r = runCli(['build', SEED_FILE, '--out', out, '--lexicon', LEXICON, '--aliases', ALIASES]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/cables +1 from 1 files/);
    expect(r.stdout).toMatch(/dropped: redaction 16/);
    for (const f of ['manifest.json', 'graph.json', 'entities/0.json', 'paragraphs/0.json', 'cables/0.json']) {
      expect(existsSync(join(out, f)), f).toBe(true);
    }
    expect(readdirSync(join(out, '..'))).toEqual(['ds']); // no temporary folder left behind
  });

  it('takes an output folder written with a trailing slash', () => {
    const parent = temp();
    const r = runCli(['build', SEED_FILE, '--out', `${parent}/ds/`, '--quiet']);
    expect(r.status, r.stderr).toBe(0);
    expect(readdirSync(parent)).toEqual(['ds']);
    expect(existsSync(join(parent, 'ds', 'graph.json'))).toBe(true);
  });

  it('gives the same bytes for the same input, in worker threads or not', () => {
    const corpus = temp();
    // Enough cables to go through the worker pool: the seed under 80 serial numbers (copies of
    // one text would count as one cable).
    const seed = readFileSync(SEED_FILE, 'utf8');
    for (let i = 0; i < 80; i++) writeFileSync(join(corpus, `c${String(i).padStart(3, '0')}.txt`), seed.replace('002158', String(3000 + i).padStart(6, '0')));
    const a = join(temp(), 'a');
    const b = join(temp(), 'b');
    expect(runCli(['build', corpus, '--out', a, '--lexicon', LEXICON, '--workers', '2', '--quiet']).status).toBe(0);
    expect(runCli(['build', corpus, '--out', b, '--lexicon', LEXICON, '--workers', '0', '--quiet']).status).toBe(0);
    expect(digest(a)).toEqual(digest(b));
    expect(JSON.parse(readFileSync(join(a, 'manifest.json'), 'utf8')).corpus.cables).toBe(80);
  });

  it('stops on a bad lexicon line, naming file:line, and leaves the previous dataset as it was', () => {
    const out = join(temp(), 'ds');
    expect(runCli(['build', SEED_FILE, '--out', out]).status).toBe(0);
    const before = digest(out);
    const lexicon = join(temp(), 'lexicon.tsv');
    writeFileSync(lexicon, 'cocaleros\tGROUP\tcocalero\nno type here\n');
    const r = runCli(['build', SEED_FILE, '--out', out, '--lexicon', lexicon]);
    expect(r.status).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain(`${lexicon}:2:`);
    expect(digest(out)).toEqual(before);
  });

  it('leaves no half-written output when interrupted, and the previous dataset as it was', async () => {
    const corpus = temp();
    // 1,500 distinct cables (copies of one text would count as one), so the build takes a while.
    const seed = readFileSync(SEED_FILE, 'utf8');
    for (let i = 0; i < 1500; i++) writeFileSync(join(corpus, `c${String(i).padStart(4, '0')}.txt`), seed.replace('002158', String(3000 + i).padStart(6, '0')));
    const parent = temp();
    const out = join(parent, 'ds');
    expect(runCli(['build', SEED_FILE, '--out', out]).status).toBe(0);
    const before = digest(out);
    const child = spawn(process.execPath, [`${ROOT}bin/cablegraph.js`, 'build', corpus, '--out', out, '--quiet'], { stdio: 'ignore' });
    // Interrupt once the build is under way: its temporary folder exists.
    while (!readdirSync(parent).some((f) => f.includes('.partial-'))) await new Promise((r) => setTimeout(r, 20));
    child.kill('SIGINT');
    const code = await new Promise((r) => child.on('exit', (c) => r(c)));
    expect(code).toBe(130);
    expect(readdirSync(parent)).toEqual(['ds']);
    expect(digest(out)).toEqual(before);
  });

  it('exits 2 on bad usage, naming the option and what would be right', () => {
    const r = runCli(['build', SEED_FILE, '--out', join(temp(), 'x'), '--resolution', 'big']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--resolution "big": expected a number above 0');
    expect(runCli(['build', SEED_FILE]).stderr).toContain('--out');
    expect(runCli(['build', '--help']).stdout).toContain('Usage: cablegraph build');
  });

  it('exits 1 when there is no cable to read', () => {
    const r = runCli(['build', temp(), '--out', join(temp(), 'x')]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('no *.txt cable files');
  });
});
