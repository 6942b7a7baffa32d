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
import louvain, { type DetailedLouvainOutput } from 'graphology-communities-louvain';
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
  /** Degree of each entity id (0: not a node). */
  private readonly degrees: Uint32Array;

  constructor(private readonly edges: WeightedEdges) {
    const { a, b } = edges;
    let most = -1;
    for (let i = 0; i < a.length; i++) most = Math.max(most, a[i]!, b[i]!);
    this.degrees = new Uint32Array(most + 1);
    const nodes = new Uint32Array(Math.min(most + 1, 2 * a.length));
    let order = 0;
    for (let i = 0; i < a.length; i++) {
      const s = a[i]!;
      const t = b[i]!;
      if (s === t) throw new Error(`edge ${i} is a loop on ${s}`);
      const { degrees } = this;
      if (degrees[s] === 0) nodes[order++] = s;
      if (degrees[t] === 0) nodes[order++] = t;
      degrees[s] = degrees[s]! + 1;
      degrees[t] = degrees[t]! + 1;
    }
    this.nodes = nodes.slice(0, order);
    this.order = order;
    this.size = a.length;
  }

  forEachNode(callback: (node: number) => void): void {
    for (let i = 0; i < this.order; i++) callback(this.nodes[i]!);
  }

  undirectedDegreeWithoutSelfLoops(node: number): number {
    return this.degrees[node]!;
  }

  /** Edges by index, as graphology passes them (key, attributes, source, target): the weight goes by `weightOf`. */
  forEachEdge(callback: (edge: number, attributes: undefined, source: number, target: number) => void): void {
    const { a, b } = this.edges;
    for (let i = 0; i < a.length; i++) callback(i, undefined, a[i]!, b[i]!);
  }

  readonly weightOf = (edge: number): number => this.edges.weight[edge]!;

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

/** graphology-communities-louvain's detailed result on `graph` (communities keyed by entity id). */
export function detailedLouvain(graph: LouvainGraph, run: LouvainRun): DetailedLouvainOutput {
  return louvain.detailed(asGraph(graph), options(graph, run));
}

/** Louvain's communities alone: `detailed` also keeps every level's dendrogram. */
export function louvainCommunities(graph: LouvainGraph, run: LouvainRun): Record<string, number> {
  return louvain(asGraph(graph), options(graph, run));
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
