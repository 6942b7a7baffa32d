/**
 * Every linked pair of a slice — what `export --format csv --all` with slice options writes:
 * each pair of entities sharing at least one paragraph of the matching cables, weighted by how
 * many. Counted from the entities' postings kept inside the slice (slice-tables.ts, which the
 * export streams), so the paragraph texts are never read.
 */
import type { DatasetReader } from '../dataset/read-dataset.ts';
import { readSliceIndex, type SliceFilter } from './slice-index.ts';
import { sliceSelection, sliceTables } from './slice-tables.ts';

export interface SlicePair {
  /** Entity ids, source < target. */
  source: number;
  target: number;
  /** Paragraphs of the slice both appear in. */
  weight: number;
}

/** The slice's pairs, by source then target id. */
export async function slicePairs(reader: Pick<DatasetReader, 'manifest' | 'entityCount' | 'entity' | 'cables' | 'cableTable'>, filter: SliceFilter): Promise<SlicePair[]> {
  const selection = sliceSelection(await readSliceIndex(reader), filter);
  async function* records() {
    for (let e = 0; e < reader.entityCount; e++) yield await reader.entity(e);
  }
  const pairs: SlicePair[] = [];
  await sliceTables(records(), reader.entityCount, selection, (source, target, weight) => void pairs.push({ source, target, weight }));
  return pairs;
}
