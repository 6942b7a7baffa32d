/**
 * `cablegraph export` of a slice: every weight and figure against a count over the paragraphs of
 * the matching cables (test/core/slices/brute-force.ts), the slice named in each format, and an
 * export whose slice holds every cable giving the same bytes as the unsliced export.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Graph from 'graphology';
import { parse as parseGexf } from 'graphology-gexf';
import { parse as parseGraphml } from 'graphology-graphml';
import { beforeAll, describe, expect, it } from 'vitest';
import { openDatasetFolder } from '../../../src/cli/dataset-folder.ts';
import type { DatasetReader } from '../../../src/core/dataset/read-dataset.ts';
import type { SliceFilter } from '../../../src/core/slices/slice-index.ts';
import { pairKey } from '../../core/slices/brute-force.ts';
import { bruteFigures, expectSlicedAll, keysOf, sliceArgs } from './slice-export-check.ts';
import { SLICE_CABLES } from '../../core/slices/fixtures.ts';
import { runCli } from '../run-cli.ts';
import { sliceDatasetFolder } from './slice-fixture.ts';

const FILTERS: SliceFilter[] = [
  { tags: ['SNAR'] },
  { from: '2006-02-01', to: '2006-02-01' },
  { origins: ['LIMA', 'Embassy Bogota'] },
  { classifications: ['secret'], tags: ['pgov', 'BL'] },
  { from: '2007-01-01' },
];

describe('cablegraph export of a slice', () => {
  let dir: string;
  let reader: DatasetReader;
  beforeAll(async () => {
    dir = await sliceDatasetFolder();
    reader = await openDatasetFolder(dir);
  });

  it('--all writes the slice\'s pairs with the weight a count over its paragraphs gives, and only its entities with their figures there', async () => {
    for (const filter of FILTERS) await expectSlicedAll(dir, reader, filter);
  });

  it('--all of a slice no cable matches writes the header alone', () => {
    const r = runCli(['export', dir, '--format', 'csv', '--all', '--tag', 'NOSUCHTAG']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toBe('Source,Target,Type,Weight,Source_label,Target_label,Jaccard,NPMI,Association,Alpha\r\n');
    expect(r.stderr).toBe('wrote 0 links: every linked pair of the slice (slice: tag NOSUCHTAG; 0 cables, 0 paragraphs)\n');
  });

  it('the overview of a slice: its links with the slice\'s weights, its entities only, the slice named in GEXF, GraphML and on stderr', async () => {
    const filter: SliceFilter = { tags: ['SNAR'] };
    const brute = await bruteFigures(reader, filter);
    const { id } = await keysOf(reader);
    const gexf = runCli(['export', dir, '--format', 'gexf', ...sliceArgs(filter)]);
    expect(gexf.status, gexf.stderr).toBe(0);
    const graphml = runCli(['export', dir, '--format', 'graphml', ...sliceArgs(filter)]);
    const whole = parseGexf(Graph, runCli(['export', dir, '--format', 'gexf']).stdout);
    for (const [text, parse] of [[gexf.stdout, parseGexf], [graphml.stdout, parseGraphml]] as const) {
      const g = parse(Graph, text);
      expect(g.order).toBeGreaterThan(0);
      expect(g.order).toBeLessThan(whole.order);
      g.forEachNode((node, a) => {
        expect(Number(a.paragraphs), node).toBe(brute.counts.entities.get(id.get(node)!));
        expect(Number(a.mentions), node).toBe(brute.mentions.get(id.get(node)!));
      });
      // Every drawn link whose ends share a paragraph of the slice, with that many as its weight.
      const expected = whole.filterEdges((_, __, s, t) => brute.counts.pairs.has(pairKey(id.get(s)!, id.get(t)!)));
      expect(g.size).toBe(expected.length);
      g.forEachEdge((_, a, s, t) => expect(Number(a.weight)).toBe(brute.counts.pairs.get(pairKey(id.get(s)!, id.get(t)!))));
    }
    expect(parseGexf(Graph, gexf.stdout).getAttribute('description')).toBe('slice: tag SNAR');
    expect(parseGraphml(Graph, graphml.stdout).getAttribute('slice')).toBe('slice: tag SNAR');
    expect(gexf.stderr).toMatch(/in the slice\).*\(slice: tag SNAR; 2 cables, 3 paragraphs\)\n$/);
    // CSV keeps its columns: the slice is said on stderr, never in the body.
    const csv = runCli(['export', dir, '--format', 'csv', ...sliceArgs(filter)]);
    expect(csv.stdout.split('\r\n')[0]).toBe('Source,Target,Type,Weight,Source_label,Target_label,Jaccard,NPMI,Association,Alpha');
    expect(csv.stdout).not.toContain('SNAR');
    expect(csv.stderr).toContain('(slice: tag SNAR; 2 cables, 3 paragraphs)');
  });

  it('a slice holding every cable exports the same bytes as no slice (unsliced exports unchanged)', async () => {
    // Only the dated cables: a date range leaves undated ones out.
    const dated = await sliceDatasetFolder(SLICE_CABLES.filter((c) => c.listing?.date));
    const every = ['--from', '1990-01-01', '--to', '2030-12-31'];
    for (const format of ['csv', 'csv-nodes']) {
      for (const all of [['--all'], []]) {
        const plain = runCli(['export', dated, '--format', format, ...all]);
        const sliced = runCli(['export', dated, '--format', format, ...all, ...every]);
        expect(plain.status, plain.stderr).toBe(0);
        expect(sliced.stdout, `${format} ${all.join('')}`).toBe(plain.stdout);
        expect(sliced.stderr).toContain('(slice: cables from 1990-01-01 to 2030-12-31; 4 cables,');
        expect(plain.stderr).not.toContain('slice');
      }
    }
    const gexf = runCli(['export', dated, '--format', 'gexf', ...every]).stdout;
    expect(gexf.replace(/ {2}<meta>\n.*\n.*\n {2}<\/meta>\n/, '')).toBe(runCli(['export', dated, '--format', 'gexf']).stdout);
    const graphml = runCli(['export', dated, '--format', 'graphml', ...every]).stdout;
    expect(graphml.split('\n').filter((l) => !l.includes('g_slice')).join('\n')).toBe(runCli(['export', dated, '--format', 'graphml']).stdout);
    // And to a file, the same bytes as to standard output.
    const out = join(dated, '..', 'sliced.csv');
    expect(runCli(['export', dated, '--format', 'csv', '--all', ...every, '--out', out]).status).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe(runCli(['export', dated, '--format', 'csv', '--all']).stdout);
  });

  it('a malformed day is a usage error naming the option', () => {
    const r = runCli(['export', dir, '--format', 'csv', '--all', '--from', '2006-13-01']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--from');
  });
});
