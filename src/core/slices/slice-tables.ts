/**
 * The whole graph of a slice, as exports need it: each entity's paragraphs, cables and mentions
 * inside the slice, its degree and strength among the slice's pairs, and the pairs themselves
 * with their weights (shared paragraphs of the slice). Entity records come in id order, one at a
 * time (an export streams them shard by shard); only their postings inside the slice are kept,
 * in a `CooccurrenceIndex`, so memory grows with the slice's entity–paragraph incidences and
 * never with its pairs. Degree and strength take one pass over the pairs; writing them takes
 * another.
 */
import type { EdgeAttributes, ParagraphRecord } from '../dataset/format.ts';
import { edgeAttributes } from '../dataset/edge-attributes.ts';
import { disparityAlpha } from '../graph/weights.ts';
import { round } from '../numbers.ts';
import { CooccurrenceIndex } from '../export/all-pairs.ts';
import { cableMask, paragraphMask, type SliceFilter, type SliceIndex } from './slice-index.ts';

/** Which paragraphs a slice holds, and how many paragraphs and cables that is. */
export interface SliceSelection {
  /** 1 for each paragraph in the slice. */
  inSlice: Uint8Array;
  /** Cable index of each paragraph. */
  paragraphCable: Uint32Array;
  /** Paragraphs of the matching cables (those without an entity included, as the corpus's count is). */
  paragraphs: number;
  cables: number;
}

export function sliceSelection(index: SliceIndex, filter: SliceFilter): SliceSelection {
  const cables = cableMask(index, filter);
  const inSlice = paragraphMask(index, cables);
  let paragraphs = 0;
  for (const on of inSlice) paragraphs += on;
  let matching = 0;
  for (const on of cables) matching += on;
  return { inSlice, paragraphCable: index.paragraphCable, paragraphs, cables: matching };
}

export interface SliceTables {
  selection: SliceSelection;
  /** The slice's postings: pairs and their weights. */
  pairs: CooccurrenceIndex;
  /** Per entity id, inside the slice (0: the entity is not in it). */
  paragraphs: Uint32Array;
  cables: Uint32Array;
  degree: Uint32Array;
  strength: Float64Array;
  /** Linked pairs in the slice. */
  pairCount: number;
}

/**
 * Reads every entity's postings (ids 0, 1, … in order; `records` may be a stream), keeps those in
 * the slice, and counts degree and strength over the slice's pairs. `onPair` sees each pair
 * once, in ascending (e, f) order, during that pass (to pick up the weights of a few pairs).
 */
export async function sliceTables(
  records: AsyncIterable<{ id: number; postings: readonly number[] }> | Iterable<{ id: number; postings: readonly number[] }>,
  entities: number,
  selection: SliceSelection,
  onPair?: (e: number, f: number, weight: number) => void,
): Promise<SliceTables> {
  const { inSlice, paragraphCable } = selection;
  const pairs = new CooccurrenceIndex(inSlice.length);
  const paragraphs = new Uint32Array(entities);
  const cables = new Uint32Array(entities);
  let expected = 0;
  for await (const r of records) {
    if (r.id !== expected) throw new RangeError(`sliceTables: entity ${r.id} where ${expected} was expected (records go in id order)`);
    expected++;
    const kept: number[] = [];
    let lastCable = -1;
    for (const p of r.postings) {
      if (inSlice[p] !== 1) continue;
      kept.push(p);
      // Postings ascend and a cable's paragraphs are consecutive ids: a new cable is a change.
      const c = paragraphCable[p]!;
      if (c !== lastCable) cables[r.id]!++;
      lastCable = c;
    }
    paragraphs[r.id] = kept.length;
    pairs.add(kept);
  }
  if (expected !== entities) throw new RangeError(`sliceTables: ${expected} entity records where ${entities} were expected`);
  const degree = new Uint32Array(entities);
  const strength = new Float64Array(entities);
  let pairCount = 0;
  await pairs.forEachPair((e, f, w) => {
    pairCount++;
    degree[e]!++;
    degree[f]!++;
    strength[e]! += w;
    strength[f]! += w;
    onPair?.(e, f, w);
  });
  return { selection, pairs, paragraphs, cables, degree, strength, pairCount };
}

/** Adds the mentions of one paragraph shard's paragraphs in the slice to `counts` (per entity id). */
export function countSliceMentions(records: readonly ParagraphRecord[], firstId: number, inSlice: Uint8Array, counts: Uint32Array): void {
  records.forEach((record, i) => {
    if (inSlice[firstId + i] !== 1) return;
    for (const m of record.mentions) if (m[2] >= 0) counts[m[2]]!++;
  });
}

/** A pair's weightings inside the slice, as the build computes them for the corpus (edge-attributes.ts). */
export function sliceEdgeAttributes(t: SliceTables, e: number, f: number, weight: number): EdgeAttributes {
  const alpha = round(disparityAlpha(weight, t.strength[e]!, t.degree[e]!, t.strength[f]!, t.degree[f]!), 6);
  return edgeAttributes(weight, t.paragraphs[e]!, t.paragraphs[f]!, t.selection.paragraphs, alpha);
}
