/**
 * Corpora for benchmarks: the shared real sample, and generated corpora made once by
 * ../shared/tools/gen-corpus.mjs and kept under .cache/ (the generator is deterministic).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const SAMPLE = fileURLToPath(new URL('../../shared/corpus/cablegate-sample/', import.meta.url));
const GENERATOR = fileURLToPath(new URL('../../shared/tools/gen-corpus.mjs', import.meta.url));

export function requireShared(): void {
  if (!existsSync(SAMPLE) || !existsSync(GENERATOR)) {
    console.error(`benchmarks need ../shared (${SAMPLE} and ${GENERATOR}); it is absent here`);
    process.exit(1);
  }
}

/** The folder of a generated corpus of `cables` cables, generating it first when missing. */
export function generatedCorpus(cables: number): string {
  const dir = `${ROOT}.cache/corpus-${cables}/`;
  const done = `${dir}metadata.csv`;
  if (existsSync(done) && readdirSync(dir).length === cables + 1) return dir;
  rmSync(dir, { recursive: true, force: true });
  console.error(`generating ${cables} cables into ${dir} ...`);
  const r = spawnSync(process.execPath, [GENERATOR, String(cables), dir], { stdio: ['ignore', 'ignore', 'inherit'] });
  if (r.status !== 0) throw new Error(`gen-corpus.mjs failed with status ${r.status}`);
  return dir;
}

export function mb(bytes: number): string {
  return (bytes / 1e6).toFixed(1);
}
