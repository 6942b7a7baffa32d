import { describe, expect, it } from 'vitest';
import { memoryDataSource } from '../../../src/app/data/data-source.ts';
import { openDataset } from '../../../src/app/data/dataset.ts';
import { seedDataset } from '../../core/dataset/seed-dataset.ts';
import { openWithoutEntry } from './without-entry.ts';

describe('dataset.standouts()', () => {
  it('reads standouts.json when the manifest lists it', async () => {
    const { files } = await seedDataset();
    const standouts = await (await openDataset(memoryDataSource(files))).standouts!();
    expect(standouts).toEqual(JSON.parse(files.get('standouts.json')!));
  });

  it('does not ask for it when the manifest does not list it (a dataset built before standouts)', async () => {
    const { dataset, asked } = await openWithoutEntry('standouts');
    expect(await dataset.standouts!()).toBeNull();
    expect(asked).not.toContain('standouts.json');
  });

  it('refuses a standouts.json that is not one, naming the file', async () => {
    const { files } = await seedDataset();
    const dataset = await openDataset(memoryDataSource(new Map(files).set('standouts.json', '{"brokers": 1}')));
    await expect(dataset.standouts!()).rejects.toThrow(/standouts\.json.*"brokers" is not a list/);
  });
});
