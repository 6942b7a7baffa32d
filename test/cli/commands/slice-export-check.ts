/**
 * Checks of a sliced `cablegraph export --all` against plain counts over the paragraphs of the
 * matching cables (test/core/slices/brute-force.ts): shared by the fixture's and the sample's tests.
 */
import { parse as parseCsv } from 'csv-parse/sync';
import { expect } from 'vitest';
import type { DatasetReader } from '../../../src/core/dataset/read-dataset.ts';
import type { SliceFilter } from '../../../src/core/slices/slice-index.ts';
import { bruteCounts, inSlice, pairKey } from '../../core/slices/brute-force.ts';
import { runCli } from '../run-cli.ts';

/** The slice options of a filter, as a user types them. */
export function sliceArgs(filter: SliceFilter): string[] {
  const args: string[] = [];
  if (filter.from) args.push('--from', filter.from);
  if (filter.to) args.push('--to', filter.to);
  for (const o of filter.origins ?? []) args.push('--origin', o);
  for (const c of filter.classifications ?? []) args.push('--classification', c);
  for (const t of filter.tags ?? []) args.push('--tag', t);
  return args;
}

/** Per entity id, its figures over the slice's paragraphs, counted the plain way. */
export async function bruteFigures(reader: DatasetReader, filter: SliceFilter) {
  const cables = await reader.cables();
  const counts = await bruteCounts(reader, filter);
  const mentions = new Map<number, number>();
  const cablesOf = new Map<number, Set<number>>();
  for (let p = 0; p < reader.manifest.corpus.paragraphs; p++) {
    const paragraph = await reader.paragraph(p);
    if (!inSlice(cables[paragraph.cable]!, filter)) continue;
    for (const [, , e] of paragraph.mentions) {
      if (e < 0) continue;
      mentions.set(e, (mentions.get(e) ?? 0) + 1);
      if (!cablesOf.has(e)) cablesOf.set(e, new Set());
      cablesOf.get(e)!.add(paragraph.cable);
    }
  }
  const degree = new Map<number, number>();
  const strength = new Map<number, number>();
  for (const [key, w] of counts.pairs) {
    for (const e of key.split('-').map(Number)) {
      degree.set(e, (degree.get(e) ?? 0) + 1);
      strength.set(e, (strength.get(e) ?? 0) + w);
    }
  }
  return { counts, mentions, cables: new Map([...cablesOf].map(([e, s]) => [e, s.size])), degree, strength };
}

/** Entity keys by id, and ids by key. */
export async function keysOf(reader: DatasetReader) {
  const key: string[] = [];
  for (let e = 0; e < reader.entityCount; e++) key.push((await reader.entity(e)).key);
  return { key, id: new Map(key.map((k, e) => [k, e])) };
}

type Row = Record<string, string>;
const rowsOf = (csv: string) => parseCsv(csv, { columns: true }) as Row[];

/** Checks a sliced `--all` export (csv and csv-nodes) of `dir` against the plain counts. */
export async function expectSlicedAll(dir: string, reader: DatasetReader, filter: SliceFilter): Promise<void> {
  const label = JSON.stringify(filter);
  const { key, id } = await keysOf(reader);
  const brute = await bruteFigures(reader, filter);
  const pairs = runCli(['export', dir, '--format', 'csv', '--all', ...sliceArgs(filter)]);
  expect(pairs.status, pairs.stderr).toBe(0);
  const rows = rowsOf(pairs.stdout);
  expect(new Map(rows.map((r) => [pairKey(id.get(r.Source!)!, id.get(r.Target!)!), Number(r.Weight)])), label).toEqual(brute.counts.pairs);
  expect(rows).toHaveLength(brute.counts.pairs.size);
  expect(pairs.stderr, label).toContain(`wrote ${brute.counts.pairs.size.toLocaleString('en')} links: every linked pair of the slice (slice: `);

  const nodes = runCli(['export', dir, '--format', 'csv-nodes', '--all', ...sliceArgs(filter)]);
  expect(nodes.status, nodes.stderr).toBe(0);
  const entities = rowsOf(nodes.stdout);
  // Only the entities with a paragraph in the slice, each with its figures there.
  expect(entities.map((r) => id.get(r.Id!)!).sort((a, b) => a - b), label).toEqual([...brute.counts.entities.keys()].sort((a, b) => a - b));
  for (const r of entities) {
    const e = id.get(r.Id!)!;
    expect(key[e]).toBe(r.Id);
    expect([r.paragraphs, r.mentions, r.cables, r.degree, r.strength].map(Number), `${label} ${r.Id}`).toEqual([
      brute.counts.entities.get(e), brute.mentions.get(e), brute.cables.get(e), brute.degree.get(e) ?? 0, brute.strength.get(e) ?? 0,
    ]);
  }
}
