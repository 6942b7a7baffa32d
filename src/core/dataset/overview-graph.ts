/**
 * graph.json: the overview as a graphology serialisation, with the attributes the explorer draws
 * from (label, type, community, size, position) and every edge weighting precomputed. Written
 * by hand rather than with `graph.export()` so that key order and numbers are the same bytes on
 * every run. The layout is a job of its own (`overviewLayoutJob`), so that it can run in another
 * thread while the build writes its shards.
 */
import type { Adjacency } from '../graph/adjacency.ts';
import type { Communities } from '../graph/communities.ts';
import type { CorpusTables } from '../graph/corpus-index.ts';
import type { Overview } from '../graph/overview.ts';
import type { LayoutJob, LayoutOptions, LayoutResult } from '../graph/layout.ts';
import { edgeAttributes, pairAlpha } from './edge-attributes.ts';
import type { GraphFile, NodeAttributes } from './format.ts';
import { round } from '../numbers.ts';
import { nodeSize } from './appearance.ts';

/** Aliases shown on a node (the entity record has them all). */
const NODE_ALIASES = 5;

export interface OverviewInput {
  tables: CorpusTables;
  adjacency: Adjacency;
  communities: Communities;
  labels: string[];
  types: string[];
  overview: Overview;
  layout: LayoutOptions;
}

/** The overview's layout to compute: its nodes in `overview.nodes` order, its edges in `overview.edges` order. */
export function overviewLayoutJob(input: Pick<OverviewInput, 'tables' | 'communities' | 'overview' | 'layout'>): LayoutJob {
  const { tables, communities, overview } = input;
  const local = new Map<number, number>();
  const community = new Int32Array(overview.nodes.length);
  overview.nodes.forEach((e, i) => {
    local.set(e, i);
    community[i] = communities.community[e]!;
  });
  const n = overview.edges.length;
  const source = new Uint32Array(n);
  const target = new Uint32Array(n);
  const weight = new Float64Array(n);
  overview.edges.forEach((p, k) => {
    source[k] = local.get(tables.pairs.a[p]!)!;
    target[k] = local.get(tables.pairs.b[p]!)!;
    weight[k] = tables.pairs.weight[p]!;
  });
  return { community, source, target, weight, options: input.layout };
}

export function overviewGraph(input: OverviewInput, positions: LayoutResult): GraphFile {
  const { tables, adjacency, communities, labels, types, overview } = input;
  const { pairs, paragraphCounts: pc } = tables;
  let maxParagraphs = 1;
  for (const e of overview.nodes) maxParagraphs = Math.max(maxParagraphs, pc[e]!);
  const file: GraphFile = {
    attributes: {},
    options: { type: 'undirected', multi: false, allowSelfLoops: false },
    nodes: [],
    edges: [],
  };
  overview.nodes.forEach((e, i) => {
    const attributes: NodeAttributes = {
      id: e,
      label: labels[e]!,
      type: types[e]!,
      aliases: topCounts(tables.surfaces[e]!, NODE_ALIASES),
      mentions: tables.mentions[e]!,
      paragraphs: pc[e]!,
      cables: tables.cableCounts[e]!,
      first: tables.postings.ids[tables.postings.offsets[e]!]!,
      community: communities.community[e]!,
      x: round(positions.x[i]!, 2),
      y: round(positions.y[i]!, 2),
      size: round(nodeSize(pc[e]!, maxParagraphs), 2),
      degree: adjacency.degree[e]!,
      strength: adjacency.strength[e]!,
    };
    file.nodes.push({ key: tables.keys[e]!, attributes });
  });
  const n = tables.paragraphs;
  for (const p of overview.edges) {
    const a = pairs.a[p]!;
    const b = pairs.b[p]!;
    file.edges.push({
      source: tables.keys[a]!, target: tables.keys[b]!,
      attributes: edgeAttributes(pairs.weight[p]!, pc[a]!, pc[b]!, n, pairAlpha(p, tables, adjacency)),
    });
  }
  return file;
}

function topCounts(counts: Map<string, number>, k: number): [string, number][] {
  return [...counts].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0)).slice(0, k);
}
