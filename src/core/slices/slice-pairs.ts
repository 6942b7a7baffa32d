/**
 * Every linked pair of a slice — what `export --format csv --all` with slice options writes:
 * each pair of entities sharing at least one paragraph of the matching cables, weighted by how
 * many. Counted from the entities' postings (inverted into each paragraph's entities), so the
 * paragraph texts are never read; the whole corpus's entity records are, once.
 */
import type { DatasetReader } from '../dataset/read-dataset.ts';
import { cableMask, paragraphMask, sliceIndex, type SliceFilter } from './slice-index.ts';

export interface SlicePair {
  /** Entity ids, source < target. */
  source: number;
  target: number;
  /** Paragraphs of the slice both appear in. */
  weight: number;
}

/** The slice's pairs, by source then target id. */
export async function slicePairs(reader: Pick<DatasetReader, 'manifest' | 'entityCount' | 'entity' | 'cables'>, filter: SliceFilter): Promise<SlicePair[]> {
  const paragraphs = reader.manifest.corpus.paragraphs;
  const index = sliceIndex(await reader.cables(), paragraphs);
  const inSlice = paragraphMask(index, cableMask(index, filter));
  // Each paragraph's entities, as compressed rows, from the postings of every entity.
  const counts = new Uint32Array(paragraphs + 1);
  const postings: ArrayLike<number>[] = [];
  for (let e = 0; e < reader.entityCount; e++) {
    const list = (await reader.entity(e)).postings;
    postings.push(list);
    for (const p of list) if (inSlice[p]) counts[p + 1]!++;
  }
  for (let p = 0; p < paragraphs; p++) counts[p + 1]! += counts[p]!;
  const fill = counts.slice(0, paragraphs);
  const entities = new Uint32Array(counts[paragraphs]!);
  // Entity ids ascending within each paragraph, since entities are visited in id order.
  postings.forEach((list, e) => {
    for (let i = 0; i < list.length; i++) {
      const p = list[i]!;
      if (inSlice[p]) entities[fill[p]!++] = e;
    }
  });
  const weights = new Map<number, number>();
  const n = reader.entityCount;
  for (let p = 0; p < paragraphs; p++) {
    for (let i = counts[p]!; i < counts[p + 1]!; i++) {
      for (let j = i + 1; j < counts[p + 1]!; j++) {
        const key = entities[i]! * n + entities[j]!;
        weights.set(key, (weights.get(key) ?? 0) + 1);
      }
    }
  }
  return [...weights]
    .map(([key, weight]) => ({ source: Math.floor(key / n), target: key % n, weight }))
    .sort((x, y) => x.source - y.source || x.target - y.target);
}
