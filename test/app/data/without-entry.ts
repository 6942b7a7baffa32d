import { memoryDataSource } from '../../../src/app/data/data-source.ts';
import { openDataset, type Dataset } from '../../../src/app/data/dataset.ts';
import { seedDataset } from '../../core/dataset/seed-dataset.ts';

/**
 * The seed dataset opened with `field` taken out of its manifest, as a dataset built before that
 * file existed, and every path the page then asks for.
 */
export async function openWithoutEntry(field: string): Promise<{ dataset: Dataset; asked: string[] }> {
  const { files } = await seedDataset();
  const manifest = JSON.parse(files.get('manifest.json')!);
  delete manifest[field];
  const asked: string[] = [];
  const source = memoryDataSource(new Map(files).set('manifest.json', JSON.stringify(manifest)));
  const watched = { ...source, get: (path: string) => (asked.push(path), source.get(path)) };
  return { dataset: await openDataset(watched), asked };
}
