/**
 * graph.json: the overview as a graphology serialisation, with the attributes the explorer draws
 * from (label, type, community, size, position) and every edge weighting precomputed. Written
 * by hand rather than with `graph.export()` so that key order and numbers are the same bytes on
 * every run.
 */
import Graph from 'graphology';
import type { Adjacency } from '../graph/adjacency.ts';
import type { Communities } from '../graph/communities.ts';
import type { CorpusTables } from '../graph/corpus-index.ts';
import type { Overview } from '../graph/overview.ts';
import { layoutGraph, type LayoutOptions } from '../graph/layout.ts';
import { edgeAttributes, pairAlpha } from './edge-attributes.ts';
import type { EdgeAttributes, GraphFile, NodeAttributes } from './format.ts';
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

export function overviewGraph(input: OverviewInput): GraphFile {
  const { tables, adjacency, communities, labels, types, overview } = input;
  const { pairs, paragraphCounts: pc } = tables;
  const graph = new Graph({ type: 'undirected', multi: false, allowSelfLoops: false });
  let maxParagraphs = 1;
  for (const e of overview.nodes) maxParagraphs = Math.max(maxParagraphs, pc[e]!);
  for (const e of overview.nodes) {
    const attributes: NodeAttributes = {
      id: e,
      label: labels[e]!,
      type: types[e]!,
      aliases: topCounts(tables.surfaces[e]!, NODE_ALIASES),
      mentions: tables.mentions[e]!,
      paragraphs: pc[e]!,
      cables: tables.cableCounts[e]!,
      community: communities.community[e]!,
      x: 0,
      y: 0,
      size: round(nodeSize(pc[e]!, maxParagraphs), 2),
      degree: adjacency.degree[e]!,
      strength: adjacency.strength[e]!,
    };
    graph.addNode(tables.keys[e]!, attributes);
  }
  const n = tables.paragraphs;
  for (const p of overview.edges) {
    const a = pairs.a[p]!;
    const b = pairs.b[p]!;
    const w = pairs.weight[p]!;
    graph.addUndirectedEdge(tables.keys[a]!, tables.keys[b]!, edgeAttributes(w, pc[a]!, pc[b]!, n, pairAlpha(p, tables, adjacency)));
  }
  layoutGraph(graph, input.layout);

  const file: GraphFile = {
    attributes: {},
    options: { type: 'undirected', multi: false, allowSelfLoops: false },
    nodes: [],
    edges: [],
  };
  graph.forEachNode((key, attrs) => {
    file.nodes.push({ key, attributes: { ...(attrs as NodeAttributes), x: round(attrs.x, 2), y: round(attrs.y, 2) } });
  });
  graph.forEachEdge((_, attrs, source, target) => {
    file.edges.push({ source, target, attributes: attrs as EdgeAttributes });
  });
  return file;
}

function topCounts(counts: Map<string, number>, k: number): [string, number][] {
  return [...counts].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0)).slice(0, k);
}
