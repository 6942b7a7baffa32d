import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Graph from 'graphology';
import { parse as parseGexf } from 'graphology-gexf';
import { parse as parseGraphml } from 'graphology-graphml';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Manifest } from '../../../src/core/dataset/format.ts';
import { runCli } from '../run-cli.ts';
import { ROOT, SEED_FILE } from '../../helpers.ts';

const dir = join(mkdtempSync(join(tmpdir(), 'cg-export-')), 'ds');
beforeAll(() => {
  const r = runCli(['build', SEED_FILE, '--out', dir, '--lexicon', `${ROOT}data/lexicon.tsv`, '--aliases', `${ROOT}data/aliases.tsv`]);
  expect(r.status, r.stderr).toBe(0);
});

describe('cablegraph export', () => {
  it('writes GEXF that reads back with communities, types and weights', () => {
    const r = runCli(['export', dir, '--format', 'gexf']);
    expect(r.status, r.stderr).toBe(0);
    const g = parseGexf(Graph, r.stdout);
    expect(g.getNodeAttribute('pnp', 'label')).toBe('PNP');
    expect(g.getNodeAttribute('pnp', 'community')).toEqual(expect.any(Number));
    expect(g.getNodeAttribute('pnp', 'type')).toBe('ORG');
    expect(g.getEdgeAttribute(g.edge('vrae', 'pnp')!, 'weight')).toBe(2);
    // Coloured as in the explorer: the largest drawn community takes the palette's first colour.
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Manifest;
    const largest = g.filterNodes((_, a) => a.community === manifest.communities[0]!.id);
    expect(largest.length).toBeGreaterThan(0);
    for (const node of largest) expect(g.getNodeAttribute(node, 'color')).toBe('rgb(78,121,167)');
    expect(new Set(g.mapNodes((_, a) => a.color)).size).toBeGreaterThan(1);
  });

  it('writes GraphML that graphology-graphml reads back', () => {
    const r = runCli(['export', dir, '--format', 'graphml']);
    expect(r.status, r.stderr).toBe(0);
    const g = parseGraphml(Graph, r.stdout);
    expect(g.getNodeAttribute('pnp', 'label')).toBe('PNP');
    expect(g.getEdgeAttribute(g.edge('vrae', 'pnp')!, 'weight')).toBe(2);
  });

  it('writes the edges and nodes tables as CSV, to a file with --out', () => {
    const edges = runCli(['export', dir, '--format', 'csv']).stdout.split('\r\n');
    expect(edges[0]).toBe('Source,Target,Type,Weight,Source_label,Target_label,Jaccard,NPMI,Association,Alpha');
    expect(edges.some((l) => /^(vrae,pnp|pnp,vrae),Undirected,2,/.test(l))).toBe(true);
    const file = join(dir, '..', 'nodes.csv');
    expect(runCli(['export', dir, '--format', 'csv-nodes', '--out', file]).status).toBe(0);
  });

  it('names the missing dataset and how to make it', () => {
    const r = runCli(['export', join(dir, 'nope'), '--format', 'gexf']);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('build the dataset first');
    expect(runCli(['export', dir, '--format', 'pdf']).status).toBe(2);
  });
});
