/**
 * Positions for the overview, computed at build time so the explorer opens on a laid-out graph:
 * a map of communities, each laid out by ForceAtlas2 (Jacomy et al. 2014,
 * graphology-layout-forceatlas2) in a region of its own, the regions placed by ForceAtlas2 on the
 * community graph and kept apart by Noverlap. Seeded, so the picture is the same from one build
 * to the next.
 */
import Graph from 'graphology';
import forceAtlas2, { type ForceAtlas2Settings } from 'graphology-layout-forceatlas2';
import noverlap from 'graphology-layout-noverlap';
import { seededRandom } from './random.ts';

export interface LayoutOptions {
  seed: number;
  /** ForceAtlas2 iterations; 0 chooses by graph size. */
  iterations: number;
}

export const DEFAULT_LAYOUT_OPTIONS: LayoutOptions = { seed: 1, iterations: 0 };

/**
 * ForceAtlas2's settings for a community of `order` nodes laid out in its region. Chosen by
 * looking at the sample corpus: hubs (U.S., Iran) in the middle of their communities rather than
 * pushed to the rim (what "dissuade hubs" and LinLog did), and half the pull of heavy pairs so
 * that one very frequent pair does not fold a region. Barnes-Hut at θ 1.2 (Gephi's default) past
 * 300 nodes: the big communities of the sample lay out in a fraction of the time, with the same
 * picture.
 */
export function layoutSettings(order: number): ForceAtlas2Settings {
  return {
    ...forceAtlas2.inferSettings(order),
    barnesHutOptimize: order > 300,
    barnesHutTheta: 1.2,
    outboundAttractionDistribution: false,
    linLogMode: false,
    edgeWeightInfluence: 0.5,
  };
}

/**
 * The overview's scale: a community of n nodes gets a disk of radius REGION_UNIT·√n, so every
 * region has the same density of nodes whatever its size (none squashed into a point).
 */
const REGION_UNIT = 12;
/** Room left between two regions, in the same units. */
const REGION_MARGIN = 40;
/** A node further out than this share of its region's radius (a loosely tied member) is pulled back to it. */
const REGION_EDGE = 1.1;

/**
 * Writes `x` and `y` on every node of `graph`, whose nodes carry a numeric `community`, as a map
 * of communities (after the "group-in-a-box" and community-graph layouts of Rodrigues et al. 2011
 * and Gephi's practice): each community is laid out alone with ForceAtlas2 and fitted to a disk
 * sized by its membership; the disks are then placed by a ForceAtlas2 run on the community graph
 * (communities that share more links sit closer) and kept apart with Noverlap. Communities end
 * up in distinct regions, where one ForceAtlas2 over everything let hubs pull them into one
 * another (measured by mapQuality on the sample: see bench/map.ts).
 */
export function layoutGraph(graph: Graph, options: LayoutOptions): void {
  const members = new Map<number, string[]>();
  graph.forEachNode((node, attrs) => {
    const c = attrs.community as number;
    let list = members.get(c);
    if (!list) members.set(c, (list = []));
    list.push(node);
  });
  const communities = [...members.keys()].sort((a, b) => members.get(b)!.length - members.get(a)!.length || a - b);
  const regions = new Graph({ type: 'undirected' });
  for (const c of communities) regions.addNode(String(c), { size: REGION_UNIT * Math.sqrt(members.get(c)!.length) });
  const inside = new Map<number, [string, string, number][]>();
  graph.forEachEdge((_, attrs, source, target, sa, ta) => {
    const weight = attrs.weight as number;
    const cs = sa.community as number;
    const ct = ta.community as number;
    if (cs === ct) {
      let list = inside.get(cs);
      if (!list) inside.set(cs, (list = []));
      list.push([source, target, weight]);
    } else {
      regions.updateUndirectedEdge(String(cs), String(ct), (e) => ({ weight: ((e.weight as number | undefined) ?? 0) + weight }));
    }
  });

  const random = seededRandom(options.seed);
  const local = new Map<string, { x: number; y: number }>();
  for (const c of communities) {
    placeRegion(members.get(c)!, inside.get(c) ?? [], options, random, local);
  }
  placeRegions(regions, communities, options.iterations);
  graph.forEachNode((node, attrs) => {
    const centre = regions.getNodeAttributes(String(attrs.community));
    const p = local.get(node)!;
    graph.mergeNodeAttributes(node, { x: centre.x + p.x, y: centre.y + p.y });
  });
}

/** Lays out one community alone and fits it to its disk around (0, 0); positions go to `out`. */
function placeRegion(
  nodes: string[], edges: [string, string, number][], options: LayoutOptions, random: () => number,
  out: Map<string, { x: number; y: number }>,
): void {
  const radius = REGION_UNIT * Math.sqrt(nodes.length);
  if (nodes.length === 1) {
    out.set(nodes[0]!, { x: 0, y: 0 });
    return;
  }
  // Members with no link inside the community (their overview links go elsewhere) would be
  // pushed to the rim by ForceAtlas2's repulsion: they are laid out apart, anywhere in the disk.
  const linked = new Set<string>();
  for (const [s, t] of edges) {
    linked.add(s);
    linked.add(t);
  }
  const sub = new Graph({ type: 'undirected' });
  for (const node of nodes) {
    if (!linked.has(node)) continue;
    const angle = random() * 2 * Math.PI;
    const r = radius * Math.sqrt(random());
    sub.addNode(node, { x: r * Math.cos(angle), y: r * Math.sin(angle) });
  }
  for (const [s, t, weight] of edges) sub.addUndirectedEdge(s, t, { weight });
  if (sub.size > 0) {
    forceAtlas2.assign(sub, { iterations: iterationsFor(sub.order, options.iterations), getEdgeWeight: 'weight', settings: layoutSettings(sub.order) });
  }
  let cx = 0;
  let cy = 0;
  sub.forEachNode((_, a) => {
    cx += a.x as number;
    cy += a.y as number;
  });
  cx /= sub.order || 1;
  cy /= sub.order || 1;
  const distances: number[] = [];
  sub.forEachNode((_, a) => void distances.push(Math.hypot((a.x as number) - cx, (a.y as number) - cy)));
  distances.sort((a, b) => a - b);
  // The 90th percentile fills the disk: a few loosely tied members must not shrink the rest.
  const reach = distances[Math.floor(distances.length * 0.9)] || 1;
  const scale = radius / reach;
  sub.forEachNode((node, a) => {
    let x = ((a.x as number) - cx) * scale;
    let y = ((a.y as number) - cy) * scale;
    const d = Math.hypot(x, y);
    if (d > radius * REGION_EDGE) {
      x *= (radius * REGION_EDGE) / d;
      y *= (radius * REGION_EDGE) / d;
    }
    out.set(node, { x, y });
  });
  for (const node of nodes) {
    if (linked.has(node)) continue;
    const angle = random() * 2 * Math.PI;
    const r = radius * Math.sqrt(random());
    out.set(node, { x: r * Math.cos(angle), y: r * Math.sin(angle) });
  }
}

/** Places the community disks (`size`: radius): linked communities close, none overlapping. */
function placeRegions(regions: Graph, order: number[], iterations: number): void {
  // Largest first along a golden-angle spiral: a deterministic start with the big ones central.
  let reach = 0;
  order.forEach((c, i) => {
    const size = regions.getNodeAttribute(String(c), 'size') as number;
    reach += size;
    const angle = i * 2.399963;
    const r = i === 0 ? 0 : Math.sqrt(reach * size);
    regions.mergeNodeAttributes(String(c), { x: r * Math.cos(angle), y: r * Math.sin(angle) });
  });
  if (regions.size > 0) {
    forceAtlas2.assign(regions, {
      iterations: iterationsFor(regions.order, iterations),
      getEdgeWeight: 'weight',
      settings: { ...forceAtlas2.inferSettings(regions), adjustSizes: true, edgeWeightInfluence: 0.5, gravity: 1 },
    });
  }
  noverlap.assign(regions, { maxIterations: 500, settings: { margin: REGION_MARGIN, ratio: REGION_EDGE, expansion: 1.1, gridSize: 1 } });
}

/**
 * ForceAtlas2 iterations: `requested`, or by size. Past 100 nodes a community has settled by 150
 * iterations: on the sample's eight largest, the mean link length (to the community's RMS
 * radius) and the share of each node's strongest neighbours among its nearest stay within 1–2 %
 * of what 200–300 gave, for half the time (0.9 of the layout's 1.8 s). Small ones cost little.
 */
function iterationsFor(order: number, requested: number): number {
  return requested || (order < 100 ? 500 : 150);
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
