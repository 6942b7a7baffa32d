import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, mkdirSync, readFileSync, readdirSync, statSync, symlinkSync, writeFileSync, existsSync, copyFileSync } from 'node:fs';
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

  it('prints the standouts phases; --no-standouts writes no standouts.json and lists none, the rest byte for byte', () => {
    const a = join(temp(), 'a');
    const b = join(temp(), 'b');
    const withThem = runCli(['build', SEED_FILE, '--out', a, '--lexicon', LEXICON, '--quiet']);
    expect(withThem.status, withThem.stderr).toBe(0);
    expect(withThem.stdout).toMatch(/phases .* standouts \d+\.\d s · seeds \d+\.\d s/);
    const without = runCli(['build', SEED_FILE, '--out', b, '--lexicon', LEXICON, '--quiet', '--no-standouts']);
    expect(without.status, without.stderr).toBe(0);
    expect(without.stdout).not.toMatch(/standouts|seeds/);
    expect(existsSync(join(a, 'standouts.json'))).toBe(true);
    expect(existsSync(join(b, 'standouts.json'))).toBe(false);
    const manifest = (dir: string) => JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Record<string, unknown>;
    expect(manifest(a).standouts).toBe('standouts.json');
    const { standouts: _, ...rest } = manifest(a);
    expect(manifest(b)).toEqual(rest);
    const files = digest(a);
    delete files['/standouts.json'];
    delete files['/manifest.json'];
    const others = digest(b);
    delete others['/manifest.json'];
    expect(others).toEqual(files);
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

  it('uses the lexicon and alias tables next to the cables, and one named by --lexicon instead', () => {
    const corpus = temp();
    copyFileSync(SEED_FILE, join(corpus, 'seed.txt'));
    copyFileSync(LEXICON, join(corpus, 'lexicon.tsv'));
    copyFileSync(ALIASES, join(corpus, 'aliases.tsv'));
    const found = join(temp(), 'found');
    expect(runCli(['build', corpus, '--out', found]).status).toBe(0);
    const named = join(temp(), 'named');
    expect(runCli(['build', SEED_FILE, '--out', named, '--lexicon', LEXICON, '--aliases', ALIASES]).status).toBe(0);
    const manifest = (dir: string) => JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
    expect(manifest(found).corpus).toEqual(manifest(named).corpus);
    expect(manifest(found).corpus.mentions.lexicon).toBeGreaterThan(0);
    expect(manifest(found).options.lexicon).toMatch(/lexicon\.tsv$/);

    const empty = join(temp(), 'empty.tsv');
    writeFileSync(empty, '');
    const overridden = join(temp(), 'overridden');
    const r = runCli(['build', corpus, '--out', overridden, '--lexicon', empty]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/lexicon\.tsv: warning: only one lexicon file is used/);
    expect(manifest(overridden).corpus.mentions.lexicon).toBe(0);
  });

  it('exits 1 when there is no cable to read', () => {
    const r = runCli(['build', temp(), '--out', join(temp(), 'x')]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('no *.txt cable files');
  });
});

/** A folder of `n` cables named c0000.txt...: the seed under `n` serial numbers (copies of one text would count as one cable). */
function seedCorpus(n: number, dir = temp()): string {
  const seed = readFileSync(SEED_FILE, 'utf8');
  for (let i = 0; i < n; i++) writeFileSync(join(dir, `c${String(i).padStart(4, '0')}.txt`), seed.replace('002158', String(3000 + i).padStart(6, '0')));
  return dir;
}

describe('cablegraph build never replaces a folder it did not write', () => {
  it('refuses --out naming the input folder, and leaves the cables as they were', () => {
    const corpus = seedCorpus(2);
    const before = digest(corpus);
    for (const out of [corpus, `${corpus}/`]) {
      const r = runCli(['build', corpus, '--out', out, '--quiet']);
      expect(r.status, r.stderr).toBe(1);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).toContain(`--out ${out}: not replaced`);
      expect(r.stderr).toContain('holds the input');
    }
    expect(digest(corpus)).toEqual(before);
    expect(readdirSync(join(corpus, '..')).filter((f) => f.startsWith(corpus.split('/').pop()!) && f.includes('.partial-'))).toEqual([]);
  });

  it('refuses --out naming a folder that contains an input, even through a symbolic link', () => {
    const parent = temp();
    const corpus = join(parent, 'cables');
    mkdirSync(corpus);
    seedCorpus(1, corpus);
    const link = join(temp(), 'link');
    symlinkSync(parent, link);
    const before = digest(parent);
    for (const out of [parent, link]) {
      const r = runCli(['build', corpus, '--out', out, '--quiet']);
      expect(r.status, r.stderr).toBe(1);
      expect(r.stderr).toContain(`--out ${out}: not replaced`);
    }
    expect(digest(parent)).toEqual(before);
  });

  it('refuses a folder of other files, a file, and a folder with a manifest.json that is not a dataset', () => {
    const corpus = seedCorpus(1);
    const others = temp();
    writeFileSync(join(others, 'notes.txt'), 'my notes');
    mkdirSync(join(others, 'cables'));
    const file = join(temp(), 'thesis.tex');
    writeFileSync(file, '\\documentclass{article}');
    const strange = temp();
    writeFileSync(join(strange, 'manifest.json'), '{"name":"my web app","version":3}');
    const broken = temp();
    writeFileSync(join(broken, 'manifest.json'), '{ not json');
    for (const [out, why] of [[others, 'files a build did not write (notes.txt)'], [file, 'is a file'],
      [strange, 'manifest.json is not one a build wrote'], [broken, 'manifest.json is not one a build wrote']] as const) {
      const before = statSync(out).isDirectory() ? digest(out) : readFileSync(out, 'utf8');
      const r = runCli(['build', corpus, '--out', out, '--quiet']);
      expect(r.status, r.stderr).toBe(1);
      expect(r.stderr).toContain(`--out ${out}: not replaced`);
      expect(r.stderr).toContain(why);
      expect(statSync(out).isDirectory() ? digest(out) : readFileSync(out, 'utf8')).toEqual(before);
    }
  });

  it('writes into an empty folder, and replaces its own previous dataset', () => {
    const out = temp();
    expect(runCli(['build', SEED_FILE, '--out', out, '--quiet']).status).toBe(0);
    expect(existsSync(join(out, 'manifest.json'))).toBe(true);
    const r = runCli(['build', SEED_FILE, '--out', out, '--quiet', '--seed', '7']);
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')).clustering.seed).toBe(7);
  });
});

describe('cablegraph build when interrupted', () => {
  /** Starts a build of `corpus` over `out`, sends `signal` once `ready(partial folder)` holds, returns the exit code. */
  async function interrupt(corpus: string, out: string, signal: NodeJS.Signals, ready: (partial: string) => boolean): Promise<{ code: number | null; stderr: string }> {
    const parent = join(out, '..');
    // Progress (stderr is not a terminal, but the corpus is big enough) names each phase as it starts.
    const child = spawn(process.execPath, [`${ROOT}bin/cablegraph.js`, 'build', corpus, '--out', out], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => { stderr += d.toString(); });
    const exited = new Promise<number | null>((r) => child.on('exit', (c) => r(c)));
    for (;;) {
      const partial = readdirSync(parent).find((f) => f.includes('.partial-'));
      if (partial && ready(join(parent, partial))) break;
      if (child.exitCode !== null) throw new Error(`the build ended before it could be interrupted: ${stderr}`);
      await new Promise((r) => setTimeout(r, 10));
    }
    child.kill(signal);
    return { code: await exited, stderr };
  }

  const shards = (partial: string, folder: string) => {
    try {
      return readdirSync(join(partial, folder)).length;
    } catch {
      return 0;
    }
  };

  for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143]] as const) {
    it(`stops writing before it cleans up after ${signal}: nothing left, the previous dataset byte for byte (exit ${code})`, async () => {
      const corpus = seedCorpus(4000);
      const parent = temp();
      const out = join(parent, 'ds');
      expect(runCli(['build', SEED_FILE, '--out', out]).status).toBe(0);
      const before = digest(out);
      // Deep into the read phase, while shards are being written as fast as the disk takes them.
      const r = await interrupt(corpus, out, signal, (partial) => shards(partial, 'paragraphs') >= 60);
      expect(readdirSync(parent)).toEqual(['ds']);
      expect(digest(out)).toEqual(before);
      expect(r.code, r.stderr).toBe(code);
      expect(r.stderr).toContain(`interrupted (${signal})`);
    });
  }
});

describe('cablegraph build of a corpus that gives no graph', () => {
  it('exits 1 naming the files when none can be read as a cable, and keeps the previous dataset', () => {
    const parent = temp();
    const out = join(parent, 'ds');
    expect(runCli(['build', SEED_FILE, '--out', out]).status).toBe(0);
    const before = digest(out);
    const corpus = temp();
    for (let i = 0; i < 5; i++) writeFileSync(join(corpus, `b${i}.txt`), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, i]));
    const r = runCli(['build', corpus, '--out', out, '--quiet']);
    expect(r.status, r.stderr).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('no dataset written: none of the 5 files could be read as a cable');
    expect(r.stderr).toContain(`${join(corpus, 'b0.txt')} (binary file`);
    expect(r.stderr).toContain(join(corpus, 'b2.txt'));
    expect(r.stderr).not.toContain(join(corpus, 'b3.txt'));
    expect(r.stderr).toContain('and 2 more');
    expect(readdirSync(parent)).toEqual(['ds']);
    expect(digest(out)).toEqual(before);
  });

  it('says no annotated mentions were found, pointing to the format, for plain text', () => {
    const out = join(temp(), 'ds');
    const corpus = temp();
    const plain = readFileSync(SEED_FILE, 'utf8').replace(/\[[A-Z]+ ((?:[^\]]*?))\s*\]/g, '$1');
    writeFileSync(join(corpus, 'plain.txt'), plain);
    const r = runCli(['build', corpus, '--out', out, '--quiet']);
    expect(r.status, r.stderr).toBe(1);
    expect(r.stderr).toContain('no annotated mentions found in 1 cable');
    expect(r.stderr).toContain(join(corpus, 'plain.txt'));
    expect(r.stderr).toContain('"Your own corpus" in README.md');
    expect(existsSync(out)).toBe(false);
  });
});

describe('cablegraph build and symbolic links', () => {
  it('follows links to cables and folders, reads each file once, and ends on a link loop', () => {
    const elsewhere = seedCorpus(2);
    const corpus = temp();
    copyFileSync(SEED_FILE, join(corpus, 'own.txt'));
    symlinkSync(join(elsewhere, 'c0000.txt'), join(corpus, 'linked.txt'));
    symlinkSync(elsewhere, join(corpus, 'more'));
    symlinkSync(corpus, join(corpus, 'loop'));
    symlinkSync(join(corpus, 'own.txt'), join(corpus, 'same-again.txt'));
    const out = join(temp(), 'ds');
    const r = runCli(['build', corpus, '--out', out, '--quiet']);
    expect(r.status, r.stderr).toBe(0);
    // own.txt, c0000.txt (by link and through the folder link) and c0001.txt.
    expect(JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')).corpus.cables).toBe(3);
  });
});

describe('cablegraph build records no machine paths', () => {
  it('gives the same bytes for the same corpus in two places, none of them naming the place', () => {
    const places = [temp(), temp()];
    const outs = places.map((place) => {
      const corpus = join(place, 'cables');
      mkdirSync(corpus);
      seedCorpus(3, corpus);
      writeFileSync(join(corpus, 'metadata.csv'), 'id,date,origin,classification,tags,subject,file\n06LIMA2158,2006-05-30,Embassy Lima,CONFIDENTIAL,SNAR,x,c0000.txt\n');
      copyFileSync(LEXICON, join(place, 'lexicon.tsv'));
      copyFileSync(ALIASES, join(place, 'aliases.tsv'));
      const out = join(place, 'ds');
      const r = runCli(['build', corpus, '--out', out, '--lexicon', join(place, 'lexicon.tsv'), '--aliases', join(place, 'aliases.tsv'), '--quiet']);
      expect(r.status, r.stderr).toBe(0);
      return out;
    });
    expect(digest(outs[0]!)).toEqual(digest(outs[1]!));
    for (const [i, out] of outs.entries()) {
      for (const entry of readdirSync(out, { recursive: true, withFileTypes: true })) {
        if (!entry.isFile()) continue;
        const text = readFileSync(join(entry.parentPath, entry.name), 'utf8');
        expect(text.includes(places[i]!), entry.name).toBe(false);
        expect(text.includes(tmpdir()), entry.name).toBe(false);
      }
    }
    const cables = JSON.parse(readFileSync(join(outs[0]!, 'cables/0.json'), 'utf8'));
    expect(cables.map((c: { file: string }) => c.file)).toEqual(['cables/c0000.txt', 'cables/c0001.txt', 'cables/c0002.txt']);
    expect(cables[0].listing).toMatchObject({ date: '2006-05-30' });
  });
});
