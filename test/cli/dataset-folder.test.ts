import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatasetFolder, withDatasetFolder } from '../../src/cli/dataset-folder.ts';
import { InputError } from '../../src/cli/usage.ts';
import { seedDataset } from '../core/dataset/seed-dataset.ts';

const { files } = await seedDataset();

function writeDataset(change: (files: Map<string, string>) => void = () => {}): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'cg-folder-')), 'ds');
  const copy = new Map(files);
  change(copy);
  for (const [path, text] of copy) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

describe('openDatasetFolder', () => {
  it('reads a built folder lazily', async () => {
    const reader = await openDatasetFolder(writeDataset());
    expect((await reader.findEntity('PNP')).ok).toBe(true);
  });

  it('says in one line what is wrong: no folder, no manifest, a broken shard', async () => {
    const missing = join(tmpdir(), 'cg-no-such-dataset-folder');
    await expect(openDatasetFolder(missing)).rejects.toThrow(new InputError(`${missing}: no such file or directory (build the dataset first: cablegraph build <cables> --out <dir>)`));
    const empty = mkdtempSync(join(tmpdir(), 'cg-empty-'));
    await expect(openDatasetFolder(empty)).rejects.toThrow(new InputError(`${join(empty, 'manifest.json')}: no such file (build the dataset first: cablegraph build <cables> --out <dir>)`));
    const dir = writeDataset((f) => f.set('paragraphs/0.json', '[{"cable":'));
    const e = await withDatasetFolder(dir, (r) => r.paragraph(0)).catch((err: unknown) => err);
    expect(e).toBeInstanceOf(InputError);
    expect((e as Error).message).toMatch(new RegExp(`^${join(dir, 'paragraphs/0.json')}: not valid JSON .*; rebuild the dataset$`));
  });
});
