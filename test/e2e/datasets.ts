/**
 * Datasets the browser tests open: built with the real CLI (`cablegraph build`) from the seed
 * cable and from a cable full of script payloads, into test-output/, and the hand-made fixtures.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { HAS_SHARED_SAMPLE, ROOT, SHARED_SAMPLE } from '../helpers.ts';
import type { EntityRecord, GraphFile } from '../../src/core/dataset/format.ts';
import { OUTPUT } from './harness.ts';

export const FIXTURES = `${ROOT}test/fixtures/datasets/`;

/** Builds `inputs` with the CLI into test-output/datasets/<name>/ (every run: it takes well under a second). */
export function buildDataset(name: string, inputs: string[], extra: string[] = []): string {
  const out = `${OUTPUT}datasets/${name}/`;
  const r = spawnSync(process.execPath, [`${ROOT}bin/cablegraph.js`, 'build', ...inputs, '--out', out, '--quiet', ...extra], { encoding: 'utf8' });
  if (r.status !== 0 || !existsSync(`${out}manifest.json`)) throw new Error(`cablegraph build ${name} failed (${r.status}): ${r.stderr}`);
  return out;
}

/** The seed cable with the project's lexicon and aliases, as `npm start` builds it. */
export function seedDataset(): string {
  return buildDataset('seed', [`${ROOT}data/`], ['--lexicon', `${ROOT}data/lexicon.tsv`, '--aliases', `${ROOT}data/aliases.tsv`]);
}

export function readGraph(dir: string): GraphFile {
  return JSON.parse(readFileSync(`${dir}graph.json`, 'utf8')) as GraphFile;
}

/** Every entity record of a dataset, by key. */
export function readEntities(dir: string): Map<string, EntityRecord> {
  const manifest = JSON.parse(readFileSync(`${dir}manifest.json`, 'utf8')) as { shards: { entityStarts: number[] } };
  const records = new Map<string, EntityRecord>();
  manifest.shards.entityStarts.forEach((_, i) => {
    for (const r of JSON.parse(readFileSync(`${dir}entities/${i}.json`, 'utf8')) as EntityRecord[]) records.set(r.key, r);
  });
  return records;
}

/** Newest modification time under `paths` (files and folders). */
function newest(paths: string[]): number {
  let t = 0;
  const visit = (path: string) => {
    const s = statSync(path);
    if (s.isDirectory()) for (const name of readdirSync(path)) visit(join(path, name));
    else t = Math.max(t, s.mtimeMs);
  };
  for (const p of paths) if (existsSync(p)) visit(p);
  return t;
}

/**
 * The shared Cablegate sample (1,031 cables with metadata.csv) built with the CLI into
 * test-output/datasets/cablegate-sample/, kept while it is newer than the code that builds it
 * (the build takes most of a minute); null when ../shared is absent.
 */
export function sampleDataset(): string | null {
  if (!HAS_SHARED_SAMPLE) return null;
  const out = `${OUTPUT}datasets/cablegate-sample/`;
  const manifest = `${out}manifest.json`;
  if (existsSync(manifest) && statSync(manifest).mtimeMs >= newest([`${ROOT}src/core/cable`, `${ROOT}src/core/entities`, `${ROOT}src/core/graph`, `${ROOT}src/core/dataset`, `${ROOT}src/cli`, `${ROOT}bin`, SHARED_SAMPLE])) return out;
  return buildDataset('cablegate-sample', [SHARED_SAMPLE]);
}
