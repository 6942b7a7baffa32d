import { describe, expect, it } from 'vitest';
import { memoryDataSource } from '../../../src/app/data/data-source.ts';
import { openDataset } from '../../../src/app/data/dataset.ts';
import { seedDataset } from '../../core/dataset/seed-dataset.ts';
import { openWithoutEntry } from './without-entry.ts';

describe('dataset.review()', () => {
  it('reads review.json when the manifest lists it', async () => {
    const { files } = await seedDataset();
    expect(JSON.parse(files.get('manifest.json')!).review).toBe('review.json');
    expect(await (await openDataset(memoryDataSource(files))).review!()).toEqual(JSON.parse(files.get('review.json')!));
  });

  it('does not ask for it when the manifest does not list it (a dataset built before the review queue)', async () => {
    const { dataset, asked } = await openWithoutEntry('review');
    expect(await dataset.review!()).toBeNull();
    expect(asked).not.toContain('review.json');
  });

  it('refuses a review.json that is not one, naming the file', async () => {
    const { files } = await seedDataset();
    const dataset = await openDataset(memoryDataSource(new Map(files).set('review.json', '{"items": [{"kind": "acronym"}]}')));
    await expect(dataset.review!()).rejects.toThrow(/review\.json.*item 0 needs a key/);
  });
});
