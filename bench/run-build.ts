/**
 * Runs a real `cablegraph build` in a child process (as a user would) and returns its timings
 * and peak memory, as written by `--timings`.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, mb } from './corpora.ts';

export interface BuildTimings {
  seconds: number;
  phases: Record<string, number>;
  inputBytes: number;
  outputBytes: number;
  cables: number;
  paragraphs: number;
  entities: number;
  pairs: number;
  pairOccurrences: number;
  clustering: { minWeight: number; nodes: number; edges: number; communities: number };
  overview: { nodes: number; edges: number };
  maxRssBytes: number;
  /** Processor seconds of the build process, every thread included. */
  cpuSeconds?: number;
  /** The standouts' Louvain seeds ran on the clustering thread (else in the main thread, inside 'communities'). */
  seedsOnThread?: boolean;
}

export function runBuild(inputs: string[], extra: string[] = [], keep?: string): BuildTimings {
  const scratch = mkdtempSync(join(tmpdir(), 'cg-bench-'));
  const out = keep ?? join(scratch, 'dataset');
  const timings = join(scratch, 'timings.json');
  const r = spawnSync(process.execPath, [`${ROOT}bin/cablegraph.js`, 'build', ...inputs, '--out', out, '--quiet',
    '--lexicon', `${ROOT}data/lexicon.tsv`, '--aliases', `${ROOT}data/aliases.tsv`, '--timings', timings, ...extra],
  { stdio: ['ignore', 'inherit', 'inherit'] });
  if (r.status !== 0) throw new Error(`cablegraph build failed with status ${r.status}`);
  const result = JSON.parse(readFileSync(timings, 'utf8')) as BuildTimings;
  rmSync(scratch, { recursive: true, force: true });
  return result;
}

/** One line per build: size, total time, throughput, the phases, peak memory. */
export function reportBuild(name: string, t: BuildTimings): void {
  const s = t.seconds;
  console.log(`\n${name}: ${t.cables.toLocaleString('en')} cables, ${mb(t.inputBytes)} MB -> ${t.entities.toLocaleString('en')} entities, ` +
    `${t.pairs.toLocaleString('en')} pairs (${t.pairOccurrences.toLocaleString('en')} pair occurrences)`);
  console.log(`  total ${s.toFixed(1)} s  ${(t.inputBytes / 1e6 / s).toFixed(1)} MB/s  ${Math.round(t.cables / s).toLocaleString('en')} cables/s  ` +
    `peak RSS ${Math.round(t.maxRssBytes / 2 ** 20).toLocaleString('en')} MB  output ${mb(t.outputBytes)} MB`);
  console.log(`  phases ${Object.entries(t.phases).map(([k, v]) => `${k} ${v.toFixed(1)} s`).join(' · ')}`);
  console.log(`  Louvain on ${t.clustering.nodes.toLocaleString('en')} entities / ${t.clustering.edges.toLocaleString('en')} pairs of weight >= ${t.clustering.minWeight}` +
    ` -> ${t.clustering.communities.toLocaleString('en')} communities; layout of ${t.overview.nodes} entities / ${t.overview.edges} links`);
}
