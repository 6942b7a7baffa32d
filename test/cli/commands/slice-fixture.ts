/** The five-cable slice fixture (test/core/slices/fixtures.ts) written to a dataset folder, for the CLI's readers. */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildFixture, type FixtureCable } from '../../core/slices/fixture.ts';
import { SLICE_CABLES } from '../../core/slices/fixtures.ts';

export async function sliceDatasetFolder(cables: FixtureCable[] = SLICE_CABLES): Promise<string> {
  const dir = join(mkdtempSync(join(tmpdir(), 'cg-slice-cli-')), 'ds');
  for (const [path, text] of await buildFixture(cables)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}
