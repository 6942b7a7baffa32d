import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Graph from 'graphology';
import { parse as parseGexf } from 'graphology-gexf';
import { parse as parseGraphml } from 'graphology-graphml';
import { parse as parseCsv } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { entityShardPath, paragraphShardPath, type EntityRecord, type Manifest, type ParagraphRecord } from '../../../src/core/dataset/format.ts';
import { GEXF_NAMESPACE, GEXF_VIZ_NAMESPACE } from '../../../src/core/export/gexf.ts';
import { elementsNS, readXml } from '../../core/export/read-xml.ts';
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

/**
 * The seed cable with hostile mentions added to one paragraph (formulas, a control character,
 * U+FFFE), built with a small overview so that the corpus has more than graph.json draws.
 */
const hostile = join(mkdtempSync(join(tmpdir(), 'cg-export-hostile-')), 'ds');
const HOSTILE = '( C ) [ORG =HYPERLINK("http://evil","x")  ] and [PER +cmd  ] met [ORG @SUM(A1)  ] , [PER Ctl\u0001Man  ] , ' +
  '[PER Bad\uFFFEName  ] and [ORG -Minus  ] in the [ORG VRAE  ] . ';
beforeAll(() => {
  const cables = join(hostile, '..', 'cables');
  mkdirSync(cables);
  const seed = readFileSync(SEED_FILE, 'utf8');
  const anchor = '( C ) The potential for cocalero violence appears to be growing .';
  expect(seed).toContain(anchor);
  writeFileSync(join(cables, 'hostile.txt'), seed.replace(anchor, HOSTILE + anchor));
  const r = runCli(['build', cables, '--out', hostile, '--max-nodes', '12', '--max-edges', '20', '--quiet']);
  expect(r.status, r.stderr).toBe(0);
});

const readJson = <T>(path: string) => JSON.parse(readFileSync(join(hostile, path), 'utf8')) as T;
const TRIGGER = /^[=+\-@\t\r]/;

describe('cablegraph export: safe to open', () => {
  it('neutralises formulas in every text cell of csv-nodes and csv (numbers stay numbers)', () => {
    for (const args of [['csv-nodes'], ['csv-nodes', '--all'], ['csv'], ['csv', '--all']]) {
      const r = runCli(['export', hostile, '--format', ...args]);
      expect(r.status, r.stderr).toBe(0);
      const rows = parseCsv(r.stdout, { relax_quotes: false }) as string[][];
      const numeric = new Set(['community', 'mentions', 'paragraphs', 'cables', 'degree', 'strength', 'x', 'y', 'size', 'Weight', 'Jaccard', 'NPMI', 'Association', 'Alpha']);
      rows[0]!.forEach((column, c) => {
        for (const row of rows.slice(1)) {
          if (numeric.has(column)) expect(row[c], `${args} ${column}`).toMatch(/^(-?\d+(\.\d+)?(e-?\d+)?)?$/);
          else expect(row[c], `${args} ${column}`).not.toMatch(TRIGGER);
        }
      });
    }
    const nodes = parseCsv(runCli(['export', hostile, '--format', 'csv-nodes', '--all']).stdout, { columns: true }) as Record<string, string>[];
    expect(nodes.find((n) => n.Label === 'HYPERLINK("http://evil","x')?.aliases).toBe(`'=HYPERLINK("http://evil","x") (1)`);
    expect(nodes.find((n) => n.Label === 'cmd')?.aliases).toBe(`'+cmd (1)`);
    expect(nodes.find((n) => n.Label === 'Minus')?.aliases).toBe(`'-Minus (1)`);
  });

  it('writes GEXF and GraphML that a strict namespace-aware XML reader accepts, with viz in the GEXF 1.2 viz namespace', () => {
    const gexf = runCli(['export', hostile, '--format', 'gexf']);
    expect(gexf.status, gexf.stderr).toBe(0);
    expect(gexf.stdout).not.toContain('http:///');
    const root = readXml(gexf.stdout);
    const nodes = elementsNS(root, GEXF_NAMESPACE, 'node');
    const manifest = readJson<Manifest>('manifest.json');
    expect(nodes).toHaveLength(manifest.overview.nodes);
    for (const n of nodes) {
      const position = elementsNS(n, GEXF_VIZ_NAMESPACE, 'position')[0]!.attributes;
      expect(Number.isFinite(Number(position.x)) && Number.isFinite(Number(position.y))).toBe(true);
      expect(Number(elementsNS(n, GEXF_VIZ_NAMESPACE, 'size')[0]!.attributes.value)).toBeGreaterThan(0);
      expect(Object.keys(elementsNS(n, GEXF_VIZ_NAMESPACE, 'color')[0]!.attributes).sort()).toEqual(['b', 'g', 'r']);
    }
    const graphml = runCli(['export', hostile, '--format', 'graphml']);
    expect(graphml.status, graphml.stderr).toBe(0);
    expect(() => readXml(graphml.stdout)).not.toThrow();
  });

  it('replaces characters XML cannot carry in labels (a control character, U+FFFE)', () => {
    // The hostile entities are not drawn in the overview: a build drawing everything shows them.
    const all = join(hostile, '..', 'all');
    expect(runCli(['build', join(hostile, '..', 'cables'), '--out', all, '--quiet']).status).toBe(0);
    const labels = elementsNS(readXml(runCli(['export', all, '--format', 'gexf']).stdout), GEXF_NAMESPACE, 'node').map((n) => n.attributes.label);
    expect(labels).toContain('Ctl\uFFFDMan');
    expect(labels).toContain('Bad\uFFFDName');
    expect(labels).toContain('HYPERLINK("http://evil","x');
    const graphml = elementsNS(readXml(runCli(['export', all, '--format', 'graphml']).stdout), 'http://graphml.graphdrawing.org/xmlns', 'data');
    expect(graphml.map((d) => d.text)).toContain('Ctl\uFFFDMan');
  });
});

describe('cablegraph export: what it writes, and --all', () => {
  it('says on stderr how much of the corpus an overview export holds', () => {
    const { corpus } = readJson<Manifest>('manifest.json');
    const n = (x: number) => x.toLocaleString('en');
    const csv = runCli(['export', hostile, '--format', 'csv']);
    expect(csv.stdout.split('\r\n').filter((l) => l !== '')).toHaveLength(21);
    expect(csv.stderr).toBe(`wrote 20 links of the overview (of ${n(corpus.pairs)} linked pairs); --all writes every pair\n`);
    expect(runCli(['export', hostile, '--format', 'csv-nodes']).stderr).toBe(`wrote 12 entities of the overview (of ${n(corpus.entities)}); --all writes every entity\n`);
    expect(runCli(['export', hostile, '--format', 'gexf']).stderr).toContain(`wrote 12 entities of the overview (of ${n(corpus.entities)}) and 20 links of the overview`);
    expect(runCli(['export', dir, '--format', 'csv']).stderr).toMatch(/^wrote \d+ links \(every linked pair\)\n$/);
  });

  it('--all writes every linked pair with the weight a brute-force count over the paragraphs gives', () => {
    const manifest = readJson<Manifest>('manifest.json');
    const keys: string[] = [];
    for (let s = 0; s < manifest.shards.entityStarts.length; s++) for (const e of readJson<EntityRecord[]>(entityShardPath(s))) keys[e.id] = e.key;
    const expected = new Map<string, number>();
    for (let s = 0; s < manifest.shards.paragraphs; s++) {
      for (const p of readJson<ParagraphRecord[]>(paragraphShardPath(s))) {
        const ids = [...new Set(p.mentions.map((m) => m[2]).filter((id) => id >= 0))].sort((a, b) => a - b);
        for (let i = 0; i < ids.length; i++) for (let j = i + 1; j < ids.length; j++) {
          const pair = `${keys[ids[i]!]}\t${keys[ids[j]!]}`;
          expected.set(pair, (expected.get(pair) ?? 0) + 1);
        }
      }
    }
    const r = runCli(['export', hostile, '--format', 'csv', '--all']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toBe(`wrote ${manifest.corpus.pairs.toLocaleString('en')} links: every linked pair of the corpus\n`);
    const rows = parseCsv(r.stdout, { columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(manifest.corpus.pairs);
    expect(rows.length).toBeGreaterThan(20);
    const got = new Map(rows.map((row) => [`${row.Source}\t${row.Target}`, Number(row.Weight)]));
    expect(got).toEqual(expected);
    // The drawn links are among them, as the same lines.
    const lines = new Set(r.stdout.split('\r\n'));
    const overview = runCli(['export', hostile, '--format', 'csv']).stdout.split('\r\n').filter((l) => l !== '');
    for (const line of overview) expect(lines.has(line), line).toBe(true);
    // To a file, the same bytes.
    const out = join(hostile, '..', 'pairs.csv');
    expect(runCli(['export', hostile, '--format', 'csv', '--all', '--out', out]).status).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe(r.stdout);
  });

  it('--all writes every entity for csv-nodes, the drawn ones as the overview writes them', () => {
    const manifest = readJson<Manifest>('manifest.json');
    const r = runCli(['export', hostile, '--format', 'csv-nodes', '--all']);
    expect(r.status, r.stderr).toBe(0);
    const lines = r.stdout.split('\r\n').filter((l) => l !== '');
    expect(lines).toHaveLength(manifest.corpus.entities + 1);
    const overview = runCli(['export', hostile, '--format', 'csv-nodes']).stdout.split('\r\n').filter((l) => l !== '');
    expect(lines[0]).toBe(overview[0]);
    for (const line of overview) expect(lines).toContain(line);
    expect(lines.filter((l) => l.endsWith(',,,'))).toHaveLength(manifest.corpus.entities - 12);
  });

  it('names an --out it cannot write, in one line', () => {
    for (const all of [[], ['--all']]) {
      const r = runCli(['export', hostile, '--format', 'csv', ...all, '--out', join(hostile, 'entities')]);
      expect(r.status).toBe(1);
      expect(r.stderr).toBe(`cablegraph export: ${join(hostile, 'entities')}: is a folder, not a file\n`);
    }
  });

  it('--all --out leaves no file behind when the dataset turns out inconsistent half-way', () => {
    const broken = join(hostile, '..', 'broken');
    cpSync(hostile, broken, { recursive: true });
    const manifest = readJson<Manifest>('manifest.json');
    writeFileSync(join(broken, 'manifest.json'), JSON.stringify({ ...manifest, corpus: { ...manifest.corpus, pairs: manifest.corpus.pairs + 1 } }));
    const out = join(hostile, '..', 'broken.csv');
    const r = runCli(['export', broken, '--format', 'csv', '--all', '--out', out]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('rebuild the dataset');
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(join(hostile, '..')).filter((f) => f.includes('.partial-'))).toEqual([]);
  });

  it('refuses --all for GEXF and GraphML', () => {
    const r = runCli(['export', hostile, '--format', 'gexf', '--all']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--all is for --format csv or csv-nodes');
  });
});
