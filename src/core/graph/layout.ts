/**
 * Positions for the overview, computed at build time so the explorer opens on a laid-out graph:
 * ForceAtlas2 (Jacomy et al. 2014, graphology-layout-forceatlas2) from a seeded start where each
 * community begins around its own point, which both speeds convergence and keeps the picture the
 * same from one build to the next.
 */
import Graph from 'graphology';
import forceAtlas2, { type ForceAtlas2Settings } from 'graphology-layout-forceatlas2';
import { seededRandom } from './random.ts';

export interface LayoutOptions {
  seed: number;
  /** ForceAtlas2 iterations; 0 chooses by graph size. */
  iterations: number;
}

export const DEFAULT_LAYOUT_OPTIONS: LayoutOptions = { seed: 1, iterations: 0 };

/**
 * ForceAtlas2's settings for a graph of `order` nodes, shared by the build and the page's
 * refinement after an import (so the picture refines rather than changes character). Chosen by
 * looking at the sample corpus: hubs (U.S., Iran) in the middle of their communities rather than
 * pushed to the rim (what "dissuade hubs" and LinLog did), and half the pull of heavy pairs so
 * that one very frequent pair does not fold a region. Barnes-Hut at θ 1.2, Gephi's default:
 * the 5,000-node overview of the sample lays out in 2.8 s instead of 6.9 s at graphology's 0.5,
 * with the same picture.
 */
export function layoutSettings(order: number): ForceAtlas2Settings {
  return {
    ...forceAtlas2.inferSettings(order),
    barnesHutOptimize: order > 1000,
    barnesHutTheta: 1.2,
    outboundAttractionDistribution: false,
    linLogMode: false,
    edgeWeightInfluence: 0.5,
  };
}

/**
 * Iterations for a graph of `order` nodes when the options leave it open. Small graphs are cheap;
 * past 2,000 nodes the start from `placeByCommunity` has the communities where they settle, so
 * ForceAtlas2 only has to arrange each one and its borders.
 */
export function defaultIterations(order: number): number {
  return order < 500 ? 800 : order < 2000 ? 400 : 70;
}

/** Writes `x` and `y` on every node of `graph`, whose nodes carry a numeric `community`. */
export function layoutGraph(graph: Graph, options: LayoutOptions): void {
  placeByCommunity(graph, seededRandom(options.seed));
  if (graph.size === 0) return;
  const iterations = options.iterations || defaultIterations(graph.order);
  forceAtlas2.assign(graph, { iterations, getEdgeWeight: 'weight', settings: layoutSettings(graph.order) });
}

/** Spread of a laid-out overview: its nodes' mean distance from the centre is about this times √nodes. */
const SPREAD = 47;

/**
 * The start: first the graph of communities (one node each, weighted by the links between them)
 * is laid out with ForceAtlas2, which is quick at that size; then each node starts at a random
 * point of a disk around its community's place, of an area in proportion to the community's size.
 * The whole is scaled to the spread ForceAtlas2 reaches, so that it refines rather than unfolds.
 */
export function placeByCommunity(graph: Graph, random: () => number): void {
  const index = new Map<number, number>();
  const size: number[] = [];
  graph.forEachNode((_, attrs) => {
    const c = attrs.community as number;
    let i = index.get(c);
    if (i === undefined) {
      index.set(c, (i = size.length));
      size.push(0);
    }
    size[i]!++;
  });
  const communities = new Graph({ type: 'undirected' });
  for (let i = 0; i < size.length; i++) {
    const angle = i * 2.399963; // golden angle: a spiral, evenly spread
    const radius = Math.sqrt(i + 0.5);
    communities.addNode(i, { x: radius * Math.cos(angle), y: radius * Math.sin(angle), size: size[i] });
  }
  graph.forEachEdge((_, attrs, source, target) => {
    const a = index.get(graph.getNodeAttribute(source, 'community') as number)!;
    const b = index.get(graph.getNodeAttribute(target, 'community') as number)!;
    if (a === b) return;
    const w = (attrs.weight as number | undefined) ?? 1;
    communities.updateUndirectedEdge(Math.min(a, b), Math.max(a, b), (e) => ({ weight: ((e.weight as number | undefined) ?? 0) + w }));
  });
  if (communities.order > 1) {
    forceAtlas2.assign(communities, {
      iterations: 300,
      getEdgeWeight: 'weight',
      settings: { ...forceAtlas2.inferSettings(communities.order), adjustSizes: false, outboundAttractionDistribution: true },
    });
  }
  // Centres scaled so that, weighted by size, they spread as the finished layout does.
  let cx = 0;
  let cy = 0;
  communities.forEachNode((_, a) => { cx += a.x * a.size; cy += a.y * a.size; });
  cx /= graph.order;
  cy /= graph.order;
  let spread = 0;
  communities.forEachNode((_, a) => { spread += Math.hypot(a.x - cx, a.y - cy) * a.size; });
  spread /= graph.order;
  const target = SPREAD * Math.sqrt(graph.order);
  const scale = spread > 0 ? (0.8 * target) / spread : 0;
  const disk = (1.2 * target) / Math.sqrt(graph.order);
  graph.forEachNode((node, attrs) => {
    const c = communities.getNodeAttributes(index.get(attrs.community as number)!);
    const r = disk * Math.sqrt(c.size as number) * Math.sqrt(random());
    const angle = 2 * Math.PI * random();
    graph.mergeNodeAttributes(node, {
      x: (c.x - cx) * scale + r * Math.cos(angle),
      y: (c.y - cy) * scale + r * Math.sin(angle),
    });
  });
}

/**
 * A layout to compute, as plain data that crosses to a worker thread: the overview's nodes by
 * index with their community, and its edges as index pairs with weights, in the graph's order.
 */
export interface LayoutJob {
  community: Int32Array;
  source: Uint32Array;
  target: Uint32Array;
  weight: Float64Array;
  options: LayoutOptions;
}

/** Positions by node index. */
export interface LayoutResult {
  x: Float64Array;
  y: Float64Array;
}

/** Runs a layout job wherever it is (the build's main thread, a worker thread): the same job, the same numbers. */
export type LayoutRunner = (job: LayoutJob) => Promise<LayoutResult>;

export function runLayoutJob(job: LayoutJob): LayoutResult {
  const graph = new Graph({ type: 'undirected', multi: false, allowSelfLoops: false });
  for (let i = 0; i < job.community.length; i++) graph.addNode(i, { community: job.community[i]!, x: 0, y: 0 });
  for (let e = 0; e < job.source.length; e++) graph.addUndirectedEdge(job.source[e]!, job.target[e]!, { weight: job.weight[e]! });
  layoutGraph(graph, job.options);
  const x = new Float64Array(graph.order);
  const y = new Float64Array(graph.order);
  graph.forEachNode((node, attrs) => {
    x[Number(node)] = attrs.x as number;
    y[Number(node)] = attrs.y as number;
  });
  return { x, y };
}
