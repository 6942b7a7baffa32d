/**
 * Slices, paths and references on the real Cablegate sample, each against a plain computation:
 * subset weights against a count over every paragraph, paths against a breadth-first search on
 * the pairs so counted, references against the ids the headers' REF lines spell.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { openDatasetFolder } from '../../../src/cli/dataset-folder.ts';
import type { DatasetReader } from '../../../src/core/dataset/read-dataset.ts';
import { loadOverviewSlices, sliceOverview, type OverviewSlices } from '../../../src/core/slices/overview-slices.ts';
import { cableFacts, facetCounts, sliceIndex, type SliceFilter } from '../../../src/core/slices/slice-index.ts';
import { CABLE_TABLE_PER_SHARD, cableTableShardOf, type Manifest } from '../../../src/core/dataset/format.ts';
import { SliceEvidence } from '../../../src/core/slices/evidence.ts';
import { shortestPaths } from '../../../src/core/slices/paths.ts';
import { cableKey, cableRefGraph } from '../../../src/core/slices/cable-refs.ts';
import { slicePairs } from '../../../src/core/slices/slice-pairs.ts';
import { runCli } from '../../cli/run-cli.ts';
import { HAS_SHARED_SAMPLE, SHARED_SAMPLE, explainSkip } from '../../helpers.ts';
import { adjacencyOf, bruteCounts, pairKey } from './brute-force.ts';
import { expectSlicedAll } from '../../cli/commands/slice-export-check.ts';

explainSkip('slices, paths and references on the shared sample');

describe.runIf(HAS_SHARED_SAMPLE)('slices, paths and references on the Cablegate sample', () => {
  let reader: DatasetReader;
  let slices: OverviewSlices;
  let dir: string;
  beforeAll(async () => {
    dir = join(mkdtempSync(join(tmpdir(), 'cg-slices-')), 'ds');
    // A smaller overview than the default keeps the layout quick; slicing does not depend on its size.
    const r = runCli(['build', SHARED_SAMPLE, '--out', dir, '--quiet', '--max-nodes', '600', '--max-edges', '4000']);
    expect(r.status, r.stderr).toBe(0);
    reader = await openDatasetFolder(dir);
    slices = await loadOverviewSlices(reader);
  });

  const filters = (): SliceFilter[] => {
    const counts = facetCounts(slices.index, {});
    return [
      {},
      { from: '2008-01-01', to: '2008-12-31' },
      { origins: [counts.origins[0]!.value, counts.origins[3]!.value] },
      { tags: [counts.tags[0]!.value], classifications: ['CONFIDENTIAL', 'SECRET'] },
      { from: '2006-06-15', to: '2009-02-28', tags: ['PTER', 'SNAR'] },
    ];
  };

  it('gives the overview the weights a count over every paragraph gives, in every slice', async () => {
    const graph = await reader.graph();
    const ids = graph.nodes.map((n) => n.attributes!.id);
    const key = new Map(graph.nodes.map((n) => [n.key, n.attributes!.id]));
    for (const filter of filters()) {
      const counts = await bruteCounts(reader, filter);
      const w = sliceOverview(slices, filter);
      expect([...w.nodeParagraphs], JSON.stringify(filter)).toEqual(ids.map((id) => counts.entities.get(id) ?? 0));
      expect([...w.edgeWeights], JSON.stringify(filter)).toEqual(slices.edges.map(([s, t]) => counts.pairs.get(pairKey(key.get(s)!, key.get(t)!)) ?? 0));
      if (JSON.stringify(filter) !== '{}') expect(w.edges).toBeLessThan(slices.edges.length);
      // Every linked pair of the slice (what a sliced CSV export lists), not only the overview's.
      const pairs = await slicePairs(reader, filter);
      expect(new Map(pairs.map((p) => [pairKey(p.source, p.target), p.weight]))).toEqual(counts.pairs);
    }
  });

  it('exports a slice (export --all with slice options) with the weights and figures a count over its paragraphs gives', async () => {
    for (const filter of [filters()[1]!, filters()[3]!]) await expectSlicedAll(dir, reader, filter);
    // Four whole `cablegraph` runs on the sample: minutes when the whole suite shares two cores.
  }, 240_000);

  it('finds paths as short as a breadth-first search, with the weights of the counted pairs, best first', async () => {
    for (const filter of [filters()[0]!, filters()[1]!]) {
      const counts = await bruteCounts(reader, filter);
      const adjacency = adjacencyOf(counts.pairs);
      const evidence = new SliceEvidence(reader, filter);
      // Pairs spread over the entities in the slice, from hubs to rare names.
      const present = [...counts.entities.keys()].sort((a, b) => a - b);
      for (let i = 0; i < 12; i++) {
        const a = present[(i * 7919) % present.length]!;
        const b = present[(i * 104729 + 13) % present.length]!;
        const paths = await shortestPaths(a, b, evidence, { k: 3, maxHops: 8 });
        const { distance, count, best } = bfs(adjacency, a, b);
        if (distance === undefined || distance > 8) {
          expect(paths).toEqual([]);
          continue;
        }
        expect(paths.length).toBe(Math.min(3, count));
        expect(paths[0]!.weight).toBe(best);
        for (const p of paths) {
          expect(p.nodes.length - 1).toBe(distance);
          expect(new Set(p.nodes).size).toBe(p.nodes.length);
          p.weights.forEach((w, h) => expect(w).toBe(adjacency.get(p.nodes[h]!)!.get(p.nodes[h + 1]!)));
          expect(p.weight).toBe(p.weights.reduce((x, y) => x + y, 0));
        }
        for (let j = 1; j < paths.length; j++) expect(paths[j]!.weight).toBeLessThanOrEqual(paths[j - 1]!.weight);
        expect(new Set(paths.map((p) => p.nodes.join())).size).toBe(paths.length);
      }
    }
  });

  it('matches every REF that spells the id of a cable in the sample, and lists the reverse', async () => {
    const cables = await reader.cables();
    const byId = new Map(cables.map((c, i) => [c.listing!.id, i]));
    const g = cableRefGraph(cables);
    let matched = 0;
    cables.forEach((cable, c) => {
      const year = cable.listing!.id.slice(0, 2);
      cable.refs.forEach((ref, r) => {
        const m = /^(?:(\d{2}|\d{4}) )?([A-Z ]+) 0*(\d+)$/.exec(ref);
        const spelled = m ? `${m[1] ? m[1].slice(-2) : year}${m[2]!.replace(/ /g, '')}${m[3]}` : '';
        const want = byId.get(spelled);
        expect(g.references[c]![r], `${cable.listing!.id}: ${ref}`).toEqual({ ref, cable: want !== undefined && want !== c ? want : null });
        if (g.references[c]![r]!.cable !== null) {
          matched++;
          expect(g.referencedBy[want!]).toContainEqual({ cable: c, ref });
        }
      });
    });
    expect(g.referencedBy.flat().length).toBe(matched);
    expect(matched).toBeGreaterThan(100);
  });

  describe('the cable table', () => {
    let old: string;
    beforeAll(() => {
      const root = join(dir, '..');
      // The same dataset as a build before the table wrote it: no manifest entry, no folder.
      old = join(root, 'old');
      cpSync(dir, old, { recursive: true });
      rmSync(join(old, 'cable-table'), { recursive: true });
      const manifest = JSON.parse(readFileSync(join(old, 'manifest.json'), 'utf8')) as Manifest;
      delete manifest.cableTable;
      writeFileSync(join(old, 'manifest.json'), JSON.stringify(manifest, null, 1));
    });

    it('says of every cable what the cable shards say', async () => {
      const records = await reader.cables();
      const table = (await reader.cableTable!())!;
      const graph = cableRefGraph(records);
      expect(table.cables).toBe(records.length);
      for (const [c, record] of records.entries()) {
        const shard = await reader.cableTableShard!(cableTableShardOf(c));
        const i = c % CABLE_TABLE_PER_SHARD;
        expect(table.facts(c)).toEqual(cableFacts(record));
        const names = table.names(c);
        expect([names.id, names.header, names.key()]).toEqual([record.listing?.id || record.id, record.id, cableKey(record)]);
        expect(table.paragraphs(c)).toEqual(record.paragraphs[1] === 0 ? [expect.any(Number), 0] : record.paragraphs);
        expect(shard.subjects[i]).toBe(record.subject);
        expect(shard.references[i]!.map(([ref, cable]) => ({ ref, cable }))).toEqual(graph.references[c]);
        expect(shard.referencedBy[i]!.map(([cable, ref]) => ({ cable, ref }))).toEqual(graph.referencedBy[c]);
      }
    });

    it('gives refs, evidence and path output byte for byte as the cable shards do (a dataset built before the table)', async () => {
      const records = await reader.cables();
      const g = cableRefGraph(records);
      const most = g.referencedBy.reduce((best, list, c) => (list.length > g.referencedBy[best]!.length ? c : best), 0);
      const citing = g.references.findIndex((list) => list.some((r) => r.cable !== null) && list.some((r) => r.cable === null));
      const ids = [records[most]!.listing!.id, records[citing]!.id, records[0]!.listing!.id.toLowerCase(), 'STATE 1', 'PARIS 1'];
      const graph = await reader.graph();
      const nodes = [...graph.nodes].sort((a, b) => b.attributes!.paragraphs - a.attributes!.paragraphs).map((n) => String(n.attributes!.id));
      const [hub, second, middling, rare] = [nodes[0]!, nodes[1]!, nodes[Math.floor(nodes.length / 2)]!, nodes[nodes.length - 1]!];
      const counts = facetCounts(sliceIndex(records, reader.manifest.corpus.paragraphs), {});
      const origin = counts.origins[0]!.value;
      const tag = counts.tags[0]!.value;
      const runs = [
        ...ids.flatMap((id) => [['refs', id, '--json'], ['refs', id]]),
        ['evidence', hub, second, '--json'],
        ['evidence', second, '--origin', origin, '--tag', tag, '--json'],
        ['evidence', hub, '--from', '2008-01-01', '--to', '2008-12-31', '--classification', 'SECRET'],
        ['path', rare, middling, '--json'],
        ['path', middling, second, '--origin', origin, '--json'],
      ];
      for (const [command, ...args] of runs) {
        const now = runCli([command!, dir, ...args]);
        const before = runCli([command!, old, ...args]);
        expect(now.status, `${command} ${args.join(' ')}: ${now.stderr}`).toBe(before.status);
        expect(now.stdout, `${command} ${args.join(' ')}`).toBe(before.stdout);
        expect(now.stderr.replaceAll(dir, 'DS'), `${command} ${args.join(' ')}`).toBe(before.stderr.replaceAll(old, 'DS'));
      }
      expect(g.referencedBy[most]!.length).toBeGreaterThan(1);
    }, 600_000);

    it('names the table\'s file when it is corrupt', () => {
      const broken = join(dir, '..', 'broken');
      cpSync(dir, broken, { recursive: true });
      writeFileSync(join(broken, 'cable-table', 'index.json'), '{"cables":1031,"ids":[]}');
      const r = runCli(['refs', broken, 'PARIS 1']);
      expect(r.status).toBe(1);
      expect(r.stderr).toContain(`${join(broken, 'cable-table', 'index.json')}: 'ids' should list 1031 strings; rebuild the dataset`);
    }, 60_000);
  });
});

/** Distance from a to b, the number of shortest paths, and the largest total weight among them. */
function bfs(adjacency: Map<number, Map<number, number>>, a: number, b: number) {
  const dist = new Map([[a, 0]]);
  const count = new Map([[a, 1]]);
  const best = new Map([[a, 0]]);
  let frontier = [a];
  while (frontier.length > 0 && !dist.has(b)) {
    const next: number[] = [];
    for (const u of frontier) {
      for (const [v, w] of adjacency.get(u) ?? []) {
        if (!dist.has(v)) {
          dist.set(v, dist.get(u)! + 1);
          next.push(v);
        }
        if (dist.get(v) === dist.get(u)! + 1) {
          count.set(v, (count.get(v) ?? 0) + count.get(u)!);
          best.set(v, Math.max(best.get(v) ?? -Infinity, best.get(u)! + w));
        }
      }
    }
    frontier = next;
  }
  return { distance: dist.get(b), count: count.get(b) ?? 0, best: best.get(b) ?? 0 };
}
