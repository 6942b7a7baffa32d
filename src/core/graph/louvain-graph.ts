/**
 * The clustered pairs as a graph graphology-communities-louvain runs on, without a graphology
 * Graph. Building graphology's graph (a map entry and objects for every edge) cost more than
 * Louvain itself: at 20,000 cables, 5 s to build it and 6 s for Louvain's index to walk it again on
 * each of the eleven runs, of a thread's 18 s, most of its garbage collection besides.
 *
 * Louvain reads its graph through a few members only (graphology-utils' isGraph and inferType,
 * then graphology-indices' UndirectedLouvainIndex: order, size, selfLoopCount, forEachNode,
 * undirectedDegreeWithoutSelfLoops, forEachEdge). This class has those, over the edges' typed
 * arrays; the two mutators isGraph looks for throw. Nodes come in order of first sight in the
 * edges and edges in their order, as the graphology graph had them, so every seed gives the
 * partition it gave on that graph (tested against one).
 */
import type Graph from 'graphology';
import louvain from 'graphology-communities-louvain';
import { seededRandom } from './random.ts';

/** Weighted undirected edges between entity ids, no pair twice, no loop. */
export interface WeightedEdges {
  a: Uint32Array;
  b: Uint32Array;
  weight: Uint32Array;
}

export class LouvainGraph {
  readonly type = 'undirected';
  readonly multi = false;
  readonly selfLoopCount = 0;
  readonly order: number;
  readonly size: number;
  /** Entity ids of the nodes, in order of first sight in the edges. */
  readonly nodes: Uint32Array;
  /**
   * Louvain sees node i as the key i, not as its entity id: its index keeps its nodes' positions
   * in a plain object, which stays a dense array for keys 0, 1, 2, … added in order (entity ids,
   * sparse, made it a dictionary to hash into at every edge of every run).
   */
  private readonly degrees: Uint32Array;
  private readonly source: Uint32Array;
  private readonly target: Uint32Array;
  private readonly weights: Uint32Array;

  constructor(edges: WeightedEdges) {
    const { a, b } = edges;
    let most = -1;
    for (let i = 0; i < a.length; i++) most = Math.max(most, a[i]!, b[i]!);
    const index = new Int32Array(most + 1).fill(-1);
    const nodes = new Uint32Array(Math.min(most + 1, 2 * a.length));
    const degrees = new Uint32Array(nodes.length);
    this.source = new Uint32Array(a.length);
    this.target = new Uint32Array(a.length);
    let order = 0;
    const indexOf = (e: number) => {
      if (index[e] === -1) {
        index[e] = order;
        nodes[order++] = e;
      }
      return index[e]!;
    };
    for (let i = 0; i < a.length; i++) {
      if (a[i] === b[i]) throw new Error(`edge ${i} is a loop on ${a[i]}`);
      const s = indexOf(a[i]!);
      const t = indexOf(b[i]!);
      this.source[i] = s;
      this.target[i] = t;
      degrees[s] = degrees[s]! + 1;
      degrees[t] = degrees[t]! + 1;
    }
    this.nodes = nodes.slice(0, order);
    this.degrees = degrees;
    this.weights = edges.weight;
    this.order = order;
    this.size = a.length;
  }

  /** Nodes by index. */
  forEachNode(callback: (node: number) => void): void {
    for (let i = 0; i < this.order; i++) callback(i);
  }

  undirectedDegreeWithoutSelfLoops(node: number): number {
    return this.degrees[node]!;
  }

  /** Edges by index, as graphology passes them (key, attributes, source, target): the weight goes by `weightOf`. */
  forEachEdge(callback: (edge: number, attributes: undefined, source: number, target: number) => void): void {
    const { source, target } = this;
    for (let i = 0; i < source.length; i++) callback(i, undefined, source[i]!, target[i]!);
  }

  readonly weightOf = (edge: number): number => this.weights[edge]!;

  addUndirectedEdgeWithKey(): never {
    throw new Error('a LouvainGraph is read-only');
  }

  dropNode(): never {
    throw new Error('a LouvainGraph is read-only');
  }
}

export interface LouvainRun {
  resolution: number;
  seed: number;
}

/** A Louvain partition: the community of each node, aligned with `LouvainGraph.nodes`. */
export interface LouvainPartition {
  community: Int32Array;
  modularity: number;
}

/** graphology-communities-louvain's result on `graph`, with its modularity. */
export function detailedLouvain(graph: LouvainGraph, run: LouvainRun): LouvainPartition {
  const result = louvain.detailed(asGraph(graph), options(graph, run));
  return { community: byNode(graph, result.communities), modularity: result.modularity };
}

/** Louvain's communities alone: `detailed` also keeps every level's dendrogram. */
export function louvainCommunities(graph: LouvainGraph, run: LouvainRun): Int32Array {
  return byNode(graph, louvain(asGraph(graph), options(graph, run)));
}

function byNode(graph: LouvainGraph, communities: Record<number, number>): Int32Array {
  return Int32Array.from({ length: graph.order }, (_, i) => communities[i]!);
}

function options(graph: LouvainGraph, run: LouvainRun) {
  // The getter's key is the edge's index here (graphology passes edge keys, strings, hence the cast).
  const getEdgeWeight = graph.weightOf as unknown as (edge: string) => number;
  return { getEdgeWeight, resolution: run.resolution, rng: seededRandom(run.seed) };
}

/** The one place the duck-typed graph passes for graphology's. */
function asGraph(graph: LouvainGraph): Graph {
  return graph as unknown as Graph;
}
