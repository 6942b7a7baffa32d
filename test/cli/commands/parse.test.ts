import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../run-cli.ts';
import { SEED_FILE } from '../../helpers.ts';

describe('cablegraph parse', () => {
  it('prints the JSON contract for the seed', () => {
    const r = runCli(['parse', SEED_FILE, '--json']);
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(Object.keys(out)).toEqual(['cables', 'diagnostics']);
    const cable = out.cables[0];
    expect(cable).toMatchObject({ id: 'LIMA 002158', file: SEED_FILE });
    expect(Object.keys(cable.header)).toEqual(expect.arrayContaining([
      'classification', 'origin', 'serial', 'section', 'declassify', 'tags', 'subject', 'refs',
      'classifiedBy', 'reason', 'signature', 'text', 'mentions',
    ]));
    expect(cable.paragraphs).toHaveLength(13);
    expect(Object.keys(cable.paragraphs[0])).toEqual(expect.arrayContaining(['n', 'text', 'mentions']));
    expect(Object.keys(cable.paragraphs[0].mentions[0])).toEqual(['type', 'text', 'start', 'end']);
    expect(out.diagnostics).toEqual([]);
  });

  it('prints a short summary per file without --json', () => {
    const r = runCli(['parse', SEED_FILE]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('LIMA 002158  CONFIDENTIAL  13 paragraphs, 96 mentions (ORG 59, LOC 18, MISC 10, PER 9) + 8 in the header');
  });

  it('reads folders, lists problems as file:line, and exits 1 on a file that is not text', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cg-parse-'));
    writeFileSync(join(dir, 'a.txt'), '<code><pre>H <a id=\'par1\' href=\'#par1\'>¶</a>1 . \nthe [PER Evo ] x \nmore .</pre></code>');
    writeFileSync(join(dir, 'b.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0]));
    const r = runCli(['parse', dir]);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain(`${join(dir, 'a.txt')}:2: warning: mention opening "[PER " is not closed`);
    expect(r.stdout).toContain(`${join(dir, 'b.txt')}: error: binary file`);
  });

  it('exits 1 with one line naming a missing file', () => {
    const r = runCli(['parse', 'no/such/file.txt']);
    expect(r.status).toBe(1);
    expect(r.stderr.trim().split('\n')).toEqual(['cablegraph parse: no/such/file.txt: no such file or directory']);
  });

  it('exits 1 naming the folder when it holds no cable at all', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cg-parse-'));
    writeFileSync(join(dir, 'notes.md'), 'not a cable');
    for (const args of [[dir], [dir, '--json']]) {
      const r = runCli(['parse', ...args]);
      expect(r.status).toBe(1);
      expect(r.stdout).toBe('');
      expect(r.stderr.trim().split('\n')).toEqual([`cablegraph parse: no *.txt cable files in ${dir}`]);
    }
  });

  it('exits 2 on bad usage, and explains itself with --help', () => {
    expect(runCli(['parse']).status).toBe(2);
    expect(runCli(['parse', '--frobnicate', SEED_FILE]).status).toBe(2);
    const help = runCli(['parse', '--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('Usage: cablegraph parse');
  });
});
