/** Paths shared by tests: the bundled seed, and the shared corpus that may be absent. */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const SEED_FILE = `${ROOT}data/000_6dcb42eed13933de.txt`;
export const SHARED_SAMPLE = fileURLToPath(new URL('../../shared/corpus/cablegate-sample/', import.meta.url));
export const HAS_SHARED_SAMPLE = existsSync(SHARED_SAMPLE);

/** Says once, in the test output, why a test that needs ../shared is skipped. */
export function explainSkip(what: string): void {
  if (!HAS_SHARED_SAMPLE) console.warn(`skipped ${what}: ${SHARED_SAMPLE} is absent (CI always has it)`);
}

export function seedText(): string {
  return readFileSync(SEED_FILE, 'utf8');
}
