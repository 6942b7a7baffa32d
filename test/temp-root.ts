/**
 * Vitest's global set-up: every test run gets one temporary folder, given to the tests (and the
 * command-line processes they start) as TMPDIR, and removed when the run ends — so `npm test`
 * leaves nothing behind in the system's temporary folder, however many builds the tests make.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export default function setup(): () => void {
  const root = mkdtempSync(join(tmpdir(), 'cablegraph-tests-'));
  process.env.TMPDIR = root;
  return () => rmSync(root, { recursive: true, force: true });
}
