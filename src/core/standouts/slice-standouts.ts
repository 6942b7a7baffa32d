/**
 * What stands out in a slice of the corpus (a time range, posts, markings, tags), as the page
 * computes it while the user brushes: the same brokers and unusual pairings as standouts.json
 * (standouts.ts `listStandouts`: brokers.ts, unusual-pairs.ts), on the drawn overview recounted
 * for the slice (slices/subset-graph.ts): its links weighted by the paragraphs both ends share
 * inside the slice, its entities' paragraphs inside it, and p(x) over the slice's paragraphs.
 * The overview is what the page holds (its 5,000 entities and 30,000 links, not the whole pair
 * table), so a slice's lists speak of those links only, and say so. Stability is not recomputed:
 * it stays the whole corpus's.
 */
import type { StandoutEntity, StandoutsFile } from '../dataset/format.ts';
import type { SubsetBase, SubsetWeights } from '../slices/subset-graph.ts';
import { DEFAULT_BROKER_OPTIONS } from './brokers.ts';
import { DEFAULT_STANDOUTS_OPTIONS, listStandouts, type StandoutsOptions } from './standouts.ts';

/**
 * A slice holds fewer paragraphs than the corpus, so an entity's strength in it is smaller: the
 * brokers' floor is lower (5 shared paragraphs inside the slice instead of 20), still enough that
 * two or three stray co-mentions do not make a broker.
 */
export const SLICE_STANDOUTS_OPTIONS: Pick<StandoutsOptions, 'brokers' | 'pairs'> = {
  brokers: { ...DEFAULT_BROKER_OPTIONS, minStrength: 5 },
  pairs: DEFAULT_STANDOUTS_OPTIONS.pairs,
};

export interface SliceStandoutsInput {
  /** The overview's links (node indexes), as slices/overview-slices.ts holds them. */
  base: Pick<SubsetBase, 'source' | 'target'>;
  /** The slice's weights of those nodes and links (`sliceOverview`). */
  weights: Pick<SubsetWeights, 'nodeParagraphs' | 'edgeWeights'>;
  /** Paragraphs in the slice (`sliceParagraphCount`). */
  paragraphs: number;
  /** Build community of each node. */
  community: Int32Array;
  /** How node i is named. */
  node(i: number): StandoutEntity;
}

/** The slice's brokers and unusual pairings, shaped as standouts.json's. */
export function sliceStandouts(
  input: SliceStandoutsInput, options: Pick<StandoutsOptions, 'brokers' | 'pairs'> = SLICE_STANDOUTS_OPTIONS,
): Pick<StandoutsFile, 'brokers' | 'pairs'> {
  const { source, target } = input.base;
  const w = input.weights.edgeWeights;
  let length = 0;
  for (let e = 0; e < w.length; e++) if (w[e]! > 0) length++;
  const pairs = { length, a: new Uint32Array(length), b: new Uint32Array(length), weight: new Uint32Array(length) };
  for (let e = 0, i = 0; e < w.length; e++) {
    if (w[e]! === 0) continue;
    pairs.a[i] = source[e]!;
    pairs.b[i] = target[e]!;
    pairs.weight[i++] = w[e]!;
  }
  let communityCount = 0;
  for (const c of input.community) communityCount = Math.max(communityCount, c + 1);
  return listStandouts({
    pairs, community: input.community, communityCount, paragraphCounts: input.weights.nodeParagraphs,
    paragraphs: input.paragraphs, entity: input.node,
  }, options);
}
