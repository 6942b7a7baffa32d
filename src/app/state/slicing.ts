/**
 * The slice layer of the explorer: once what slicing needs is loaded (every cable's facts, the
 * overview entities' paragraphs), the drawn overview follows the slice in the URL — links count
 * only the slice's paragraphs, entities without any paragraph in it are hidden, node sizes
 * follow their paragraphs in the slice, and the 'shared paragraphs' thickness follows the
 * slice's weights. Other weightings stay those of the whole corpus. Everything on top of the
 * filter pipeline's result; nothing here decides what the other filters do.
 */
import type { EdgeAttributes } from '../../core/dataset/format.ts';
import { loadOverviewSlices, sliceOverview, sliceParagraphCount, type OverviewSlices } from '../../core/slices/overview-slices.ts';
import { facetCounts, type FacetCounts, type SliceFilter } from '../../core/slices/slice-index.ts';
import type { SubsetWeights } from '../../core/slices/subset-graph.ts';
import type { Dataset } from '../data/dataset.ts';
import type { DrawnGraph } from '../view/drawn-graph.ts';
import { nodeSize } from '../../core/dataset/appearance.ts';
import type { FilterResult } from './filters.ts';

export interface Slicing {
  readonly slices: OverviewSlices;
  /** The filter result narrowed to the slice, with its weights (cached for the last slice). */
  narrow(result: FilterResult, slice: SliceFilter): { result: FilterResult; weights: SubsetWeights };
  counts(slice: SliceFilter): FacetCounts;
  /** The overview's weights in the slice (cached for the last slice: the same object while it stays). */
  weights(slice: SliceFilter): SubsetWeights;
  /** Paragraphs in the slice. */
  paragraphs(slice: SliceFilter): number;
  /** Node sizes for a slice's weights, or back to the whole corpus's with null. */
  resize(weights: SubsetWeights | null): void;
  /** Thickness from the slice's weights, for the 'shared paragraphs' weighting. */
  strength(weights: SubsetWeights): (attrs: EdgeAttributes) => number;
}

/** Reads the cable table (or, in a dataset built before it, every cable) and the overview entities' records once, then slices at will. */
export async function loadSlicing(dataset: Dataset, graph: DrawnGraph): Promise<Slicing> {
  const slices = await loadOverviewSlices({
    manifest: dataset.manifest,
    graph: async () => dataset.graph,
    entity: (id) => dataset.entity(id),
    cables: () => Promise.all(Array.from({ length: dataset.manifest.corpus.cables }, (_, i) => dataset.cable(i))),
    cableTable: () => dataset.cableTable(),
  });
  const nodeIndex = new Map(slices.nodes.map((k, i) => [k, i]));
  const edgeIndex = new Map<EdgeAttributes, number>();
  const originalSizes = slices.nodes.map((k) => graph.getNodeAttribute(k, 'size'));
  slices.edges.forEach(([s, t], i) => {
    const key = graph.edge(s, t);
    if (key !== undefined) edgeIndex.set(graph.getEdgeAttributes(key), i);
  });
  let last: { key: string; weights: SubsetWeights } | null = null;
  let lastResult: { input: FilterResult; key: string; output: FilterResult } | null = null;
  const weightsOf = (slice: SliceFilter) => {
    const key = JSON.stringify(slice);
    if (last?.key !== key) last = { key, weights: sliceOverview(slices, slice) };
    return last.weights;
  };
  return {
    slices,
    narrow(result, slice) {
      const weights = weightsOf(slice);
      const key = JSON.stringify(slice);
      if (lastResult && lastResult.input === result && lastResult.key === key) return { result: lastResult.output, weights };
      const nodeMask = new Uint8Array(result.nodeMask.length);
      const hiddenNodes = new Set(result.hiddenNodes);
      let visibleNodes = 0;
      // The pipeline's node order is graph.json's, as is the slices'.
      for (let i = 0; i < nodeMask.length; i++) {
        nodeMask[i] = result.nodeMask[i]! && weights.nodeParagraphs[i]! > 0 ? 1 : 0;
        if (nodeMask[i]) visibleNodes++;
        else hiddenNodes.add(slices.nodes[i]!);
      }
      const hiddenEdges = new Set(result.hiddenEdges);
      const edgeMask = new Uint8Array(result.edgeMask.length);
      let visibleEdges = 0;
      graph.forEachEdge((key, attrs, source, target) => {
        const i = edgeIndex.get(attrs);
        if (i === undefined) return;
        const on = !result.hiddenEdges.has(key) && weights.edgeWeights[i]! > 0 && nodeMask[nodeIndex.get(source)!] === 1 && nodeMask[nodeIndex.get(target)!] === 1;
        edgeMask[i] = on ? 1 : 0;
        if (on) visibleEdges++;
        else hiddenEdges.add(key);
      });
      const output = { nodeMask, edgeMask, hiddenNodes, hiddenEdges, visibleNodes, visibleEdges };
      lastResult = { input: result, key, output };
      return { result: output, weights };
    },
    counts: (slice) => facetCounts(slices.index, slice),
    weights: weightsOf,
    paragraphs: (slice) => sliceParagraphCount(slices.index, slice),
    resize(weights) {
      let most = 0;
      if (weights) for (const n of weights.nodeParagraphs) most = Math.max(most, n);
      slices.nodes.forEach((k, i) => {
        if (!graph.hasNode(k)) return;
        graph.setNodeAttribute(k, 'size', weights ? nodeSize(weights.nodeParagraphs[i]!, most) : originalSizes[i]!);
      });
    },
    strength(weights) {
      let most = 0;
      for (const w of weights.edgeWeights) most = Math.max(most, w);
      return (attrs) => {
        const i = edgeIndex.get(attrs);
        return i === undefined || most <= 1 ? 0.5 : (weights.edgeWeights[i]! - 1) / (most - 1);
      };
    },
  };
}
