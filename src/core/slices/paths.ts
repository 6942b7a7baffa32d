/**
 * The chain between two entities: up to k shortest paths in the whole co-occurrence graph (not
 * only the drawn overview), fewest hops, then the larger total weight (shared paragraphs summed
 * over the hops), then the smaller ids in order, so answers repeat.
 *
 * The dataset does not hold the full adjacency (entity records list their 30 strongest
 * neighbours), so neighbours come from a callback (`PathGraph`), which the evidence reader
 * answers exactly for a slice from postings and the paragraphs' entity lists. A direct link,
 * when the graph can say so cheaply (`link`), is the answer at once. Otherwise the search is a
 * bidirectional breadth-first search, level by level, expanding the side with the smaller
 * frontier (at corpus scale one side is often a hub with thousands of neighbours, the other a
 * rare name), up to `maxHops`; given `cost` (what reading an entity's neighbours costs, say its
 * paragraphs), the side whose frontier costs less, so a hub's paragraphs are read only when the
 * other side's would cost more. Every parent of every
 * node is kept, so all shortest paths are known; the best k by weight come from keeping, per
 * node, the k best partial paths from each end (a k-best dynamic programme over the layered
 * graph), joined where the two searches met.
 */

export interface PathOptions {
  /** Paths wanted. */
  k: number;
  /** Paths longer than this many hops are not searched for. */
  maxHops: number;
}

export const DEFAULT_PATH_OPTIONS: PathOptions = { k: 3, maxHops: 6 };

export interface EntityPath {
  /** Entity ids from the first entity to the second. */
  nodes: number[];
  /** Weight of each hop (nodes[i] – nodes[i + 1]). */
  weights: number[];
  weight: number;
}

/** An entity's neighbours with the weight of each link (the caller decides over which paragraphs). */
export type Neighbours = (entity: number) => Promise<ReadonlyMap<number, number>>;

/** What finding an entity's neighbours costs (its paragraphs, say): any non-negative number. */
export type ExpansionCost = (entity: number) => Promise<number>;

/** The graph searched, as callbacks (methods of an object, say `SliceEvidence`). */
export interface PathGraph {
  neighbours: Neighbours;
  /** Given, the search expands the side whose frontier costs less, not the smaller one. */
  cost?: ExpansionCost;
  /**
   * The weight of the link a–b (0: none), when the graph knows it more cheaply than a's
   * neighbours: a direct link is then the one shortest path, found without expanding a hub.
   */
  link?(a: number, b: number): Promise<number>;
}

export function checkPathOptions(options: Partial<PathOptions>): PathOptions {
  const resolved = { ...DEFAULT_PATH_OPTIONS, ...options };
  if (!Number.isInteger(resolved.k) || resolved.k < 1) throw new RangeError(`k ${resolved.k}: expected a whole number of paths, 1 or more`);
  if (!Number.isInteger(resolved.maxHops) || resolved.maxHops < 1) throw new RangeError(`maxHops ${resolved.maxHops}: expected a whole number of hops, 1 or more`);
  return resolved;
}

/** Larger weight first, then the node sequence in ascending order of ids. */
export function comparePaths(x: { weight: number; nodes: readonly number[] }, y: { weight: number; nodes: readonly number[] }): number {
  if (x.weight !== y.weight) return y.weight - x.weight;
  for (let i = 0; i < Math.min(x.nodes.length, y.nodes.length); i++) {
    if (x.nodes[i] !== y.nodes[i]) return x.nodes[i]! - y.nodes[i]!;
  }
  return x.nodes.length - y.nodes.length;
}

/** One end's search: each node's level and its parents (one level nearer the end) with the link weight. */
interface Side {
  level: Map<number, number>;
  parents: Map<number, Map<number, number>>;
  frontier: number[];
  depth: number;
}

function side(start: number): Side {
  return { level: new Map([[start, 0]]), parents: new Map([[start, new Map()]]), frontier: [start], depth: 0 };
}

/** Costs asked for at once while adding up a frontier's. */
const COST_BATCH = 16;

/**
 * The side to expand next: the smaller frontier, or with `cost` the cheaper one; ties go to `a`'s
 * side. The smaller frontier's cost is added up in full, the other's only until it passes it: a
 * rare name's hundreds of neighbours are not all weighed (each weighing may read a record) to
 * learn they cost more than one hub.
 */
async function cheaper(from: Side, to: Side, graph: PathGraph): Promise<Side> {
  if (!graph.cost) return from.frontier.length <= to.frontier.length ? from : to;
  const [small, large] = from.frontier.length <= to.frontier.length ? [from, to] : [to, from];
  const sum = async (s: Side, limit: number) => {
    let total = 0;
    for (let i = 0; i < s.frontier.length && total <= limit; i += COST_BATCH) {
      for (const c of await Promise.all(s.frontier.slice(i, i + COST_BATCH).map((u) => graph.cost!(u)))) total += c;
    }
    return total;
  };
  const smallCost = await sum(small, Infinity);
  // Past smallCost the exact figure does not change the choice.
  const largeCost = await sum(large, smallCost);
  const [a, b] = small === from ? [smallCost, largeCost] : [largeCost, smallCost];
  return a <= b ? from : to;
}

async function expand(s: Side, graph: PathGraph): Promise<void> {
  const next: number[] = [];
  const depth = s.depth + 1;
  // Read concurrently (the reads are shard fetches), used in frontier order (so answers repeat).
  const lists = await Promise.all(s.frontier.map((u) => graph.neighbours(u)));
  for (const [i, u] of s.frontier.entries()) {
    for (const [v, w] of lists[i]!) {
      const seen = s.level.get(v);
      if (seen === undefined) {
        s.level.set(v, depth);
        s.parents.set(v, new Map([[u, w]]));
        next.push(v);
      } else if (seen === depth) {
        s.parents.get(v)!.set(u, w);
      }
    }
  }
  s.frontier = next.sort((x, y) => x - y);
  s.depth = depth;
}

interface PartialPath {
  weight: number;
  /** From the side's start to the node. */
  nodes: number[];
  weights: number[];
}

/** The k best paths from a side's start to `node`, by weight then ids in start-to-node order. */
function kBest(s: Side, node: number, k: number, memo: Map<number, PartialPath[]>): PartialPath[] {
  const hit = memo.get(node);
  if (hit) return hit;
  const parents = s.parents.get(node)!;
  let best: PartialPath[];
  if (parents.size === 0) {
    best = [{ weight: 0, nodes: [node], weights: [] }];
  } else {
    best = [];
    for (const [u, w] of parents) {
      for (const p of kBest(s, u, k, memo)) best.push({ weight: p.weight + w, nodes: [...p.nodes, node], weights: [...p.weights, w] });
    }
    best.sort(comparePaths);
    best.length = Math.min(best.length, k);
  }
  memo.set(node, best);
  return best;
}

/**
 * Up to `k` shortest paths from `a` to `b`; none when they are not linked within `maxHops`.
 * `a === b` is the path of no hops.
 */
export async function shortestPaths(a: number, b: number, graph: PathGraph, options: Partial<PathOptions> = {}): Promise<EntityPath[]> {
  const { k, maxHops } = checkPathOptions(options);
  if (a === b) return [{ nodes: [a], weights: [], weight: 0 }];
  // Only paths of the fewest hops are listed, so a direct link is the whole answer.
  const direct = graph.link ? await graph.link(a, b) : 0;
  if (direct > 0) return [{ nodes: [a, b], weights: [direct], weight: direct }];
  const from = side(a);
  const to = side(b);
  while (from.depth + to.depth < maxHops) {
    if (from.frontier.length === 0 || to.frontier.length === 0) return [];
    await expand(await cheaper(from, to, graph), graph);
    // Every node reached by both searches closes a path; the shortest is the least sum of levels.
    let length = Infinity;
    const [small, large] = from.level.size <= to.level.size ? [from, to] : [to, from];
    for (const [v, l] of small.level) {
      const m = large.level.get(v);
      if (m !== undefined) length = Math.min(length, l + m);
    }
    if (length === Infinity) continue;
    // Every shortest path crosses level `i` of a's search at exactly one node, which is at
    // level `length - i` of b's: join there.
    const i = Math.min(from.depth, length);
    const meet = [...from.level].filter(([v, l]) => l === i && to.level.get(v) === length - i).map(([v]) => v);
    const memoA = new Map<number, PartialPath[]>();
    const memoB = new Map<number, PartialPath[]>();
    const paths: EntityPath[] = [];
    for (const m of meet) {
      for (const p of kBest(from, m, k, memoA)) {
        for (const q of kBest(to, m, k, memoB)) {
          paths.push({
            nodes: [...p.nodes, ...q.nodes.slice(0, -1).reverse()],
            weights: [...p.weights, ...[...q.weights].reverse()],
            weight: p.weight + q.weight,
          });
        }
      }
    }
    return paths.sort(comparePaths).slice(0, k);
  }
  return [];
}
