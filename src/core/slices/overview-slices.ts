/**
 * Slices of a dataset's drawn overview: loads what slicing needs from a dataset reader once (the
 * cables' facts, the overview entities' postings, each link's evidence) and then answers any
 * filter with the overview's weights in that slice.
 */
import type { DatasetReader } from '../dataset/read-dataset.ts';
import { cableMask, paragraphMask, readSliceIndex, sliceSpan, type SliceFilter, type SliceIndex } from './slice-index.ts';
import { subsetBase, subsetWeights, type SubsetBase, type SubsetWeights } from './subset-graph.ts';

export interface OverviewSlices {
  index: SliceIndex;
  base: SubsetBase;
  /** Node keys in graph.json's order (node i of `base`, whose paragraphs are positions in `index`). */
  nodes: string[];
  /** Edge ends as node keys, in graph.json's order (edge i of `base`). */
  edges: [string, string][];
}

/** What slicing reads of a dataset: the core reader has it, and the page's dataset can be adapted to it. */
export type SliceSource = Pick<DatasetReader, 'manifest' | 'graph' | 'cables' | 'cableTable' | 'entity'>;

export async function loadOverviewSlices(reader: SliceSource): Promise<OverviewSlices> {
  const [graph, index] = await Promise.all([reader.graph(), readSliceIndex(reader)]);
  const nodes = graph.nodes.map((n) => n.key);
  const at = new Map(nodes.map((key, i) => [key, i]));
  const records = await Promise.all(graph.nodes.map((n) => reader.entity(n.attributes!.id)));
  const edges = graph.edges.map((e) => [e.source, e.target] as [string, string]);
  // Postings as positions in date order, so a time range is one span of each list.
  const positions = records.map((r) => Uint32Array.from(r.postings, (p) => index.position[p]!).sort());
  const base = subsetBase(positions, edges.map(([s, t]) => [at.get(s)!, at.get(t)!] as const), index.paragraphs);
  return { index, base, nodes, edges };
}

/** The paragraphs of a slice, as a mask over paragraph ids. */
export function sliceParagraphs(index: SliceIndex, filter: SliceFilter): Uint8Array {
  return paragraphMask(index, cableMask(index, filter));
}

/** The overview's weights in a slice. */
export function sliceOverview(slices: OverviewSlices, filter: SliceFilter): SubsetWeights {
  return subsetWeights(slices.base, sliceSpan(slices.index, filter));
}

/** The number of paragraphs in a slice. */
export function sliceParagraphCount(index: SliceIndex, filter: SliceFilter): number {
  const { lo, hi, mask } = sliceSpan(index, filter);
  if (!mask) return hi - lo;
  let n = 0;
  for (let i = lo; i < hi; i++) n += mask[i]!;
  return n;
}
