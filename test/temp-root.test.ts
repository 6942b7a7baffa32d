import { describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';

describe('the test run’s temporary folder', () => {
  it('holds what the tests make, so the run removes it all at the end', () => {
    const made = mkdtempSync(join(tmpdir(), 'cg-check-'));
    expect(basename(dirname(made))).toMatch(/^cablegraph-tests-/);
  });
});
