import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { StandoutsFile } from '../../../src/core/dataset/format.ts';
import { runCli } from '../run-cli.ts';
import { ROOT, SEED_FILE } from '../../helpers.ts';

const dir = join(mkdtempSync(join(tmpdir(), 'cg-standouts-')), 'ds');
beforeAll(() => {
  const r = runCli(['build', SEED_FILE, '--out', dir, '--lexicon', `${ROOT}data/lexicon.tsv`, '--aliases', `${ROOT}data/aliases.tsv`]);
  expect(r.status, r.stderr).toBe(0);
});

describe('cablegraph standouts', () => {
  it('--json prints exactly the shape of the issue, from standouts.json, keyed as export keys nodes', () => {
    const r = runCli(['standouts', dir, '--json', '--top', '3']);
    expect(r.status, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout);
    const file = JSON.parse(readFileSync(join(dir, 'standouts.json'), 'utf8')) as StandoutsFile;
    expect(Object.keys(out)).toEqual(['brokers', 'pairs', 'stability']);
    expect(out.brokers).toEqual(file.brokers.slice(0, 3).map((b) => ({
      id: b.key, label: b.label, score: b.score, communities: b.bridges.map((x) => x.community),
    })));
    expect(out.pairs).toEqual(file.pairs.slice(0, 3).map((p) => ({
      source: p.sourceKey, target: p.targetKey, weight: p.weight, npmi: p.npmi, communities: p.communities,
    })));
    expect(Object.keys(out.stability)).toEqual(['seeds', 'communities', 'entities']);
    expect(out.stability.seeds).toBe(10);
    expect(out.stability.communities.length).toBeLessThanOrEqual(3);
    for (const c of out.stability.communities) expect(Object.keys(c)).toEqual(['id', 'score']);
    for (const e of out.stability.entities) expect(Object.keys(e)).toEqual(['id', 'score']);
    // Node ids as export lists them.
    const nodes = runCli(['export', dir, '--format', 'csv-nodes']).stdout;
    for (const b of out.brokers) expect(nodes).toContain(`\r\n${b.id},`);
  });

  it('prints the three lists as text', () => {
    const r = runCli(['standouts', dir]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^Brokers/);
    expect(r.stdout).toContain('Unusual pairings');
    expect(r.stdout).toContain('Stability over 10 Louvain seeds');
  });

  it('exits 2 on a bad --top and 1 on a dataset without standouts.json', () => {
    expect(runCli(['standouts', dir, '--top', '0']).status).toBe(2);
    const old = join(mkdtempSync(join(tmpdir(), 'cg-standouts-')), 'ds');
    expect(runCli(['build', SEED_FILE, '--out', old, '--quiet']).status).toBe(0);
    rmSync(join(old, 'standouts.json'));
    const r = runCli(['standouts', old]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('standouts.json: no such file');
    const without = join(mkdtempSync(join(tmpdir(), 'cg-standouts-')), 'ds');
    expect(runCli(['build', SEED_FILE, '--out', without, '--quiet', '--no-standouts']).status).toBe(0);
    const r2 = runCli(['standouts', without]);
    expect(r2.status).toBe(1);
    expect(r2.stderr).toMatch(/standouts\.json: no such file \(the dataset was built with --no-standouts/);
  });
});
