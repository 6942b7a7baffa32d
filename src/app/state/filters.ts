/**
 * Filters as a cached pipeline (after gephi-lite's src/core/filters/): node steps (type,
 * mentions) narrow a mask of visible nodes, then the edge step keeps the edges whose
 * ends are visible and whose strength passes the threshold. Each step remembers its last input
 * and parameters and reruns only when one of them changed: moving the edge slider reruns the
 * edge step alone, and a node step that keeps everything hands its input on unchanged, so the
 * steps after it stay cached. Pure: the view reads the result through its reducers.
 */
import type { EdgeAttributes } from '../../core/dataset/format.ts';
import { passes, weightingById } from './weighting.ts';
import type { Weighting, WeightingId } from './weighting.ts';

/** The graph in flat arrays, built once: what the filters read. */
export interface FilterIndex {
  nodeKeys: readonly string[];
  nodeTypes: readonly string[];
  nodeMentions: Float64Array;
  edgeKeys: readonly string[];
  edgeSources: Uint32Array;
  edgeTargets: Uint32Array;
  edgeAttributes: readonly EdgeAttributes[];
}

export interface FilterParams {
  hiddenTypes: readonly string[];
  minMentions: number;
  weighting: WeightingId;
  /** Threshold under `weighting`; null is the scheme's default. */
  minWeight: number | null;
}

export interface FilterResult {
  /** 1 where the node is visible, by index. */
  nodeMask: Uint8Array;
  edgeMask: Uint8Array;
  hiddenNodes: ReadonlySet<string>;
  hiddenEdges: ReadonlySet<string>;
  visibleNodes: number;
  visibleEdges: number;
}

interface IndexLike {
  nodeKeys: readonly string[];
  edgeKeys: readonly string[];
}

/**
 * Builds the flat index from graph-shaped data (node keys with type and mentions; edges by key).
 * A focused community is not a filter: the view dims the rest (graph-view.ts).
 */
export function buildFilterIndex(
  nodes: readonly { key: string; type: string; mentions: number }[],
  edges: readonly { key: string; source: string; target: string; attributes: EdgeAttributes }[],
): FilterIndex {
  const position = new Map<string, number>();
  nodes.forEach((n, i) => position.set(n.key, i));
  const edgeSources = new Uint32Array(edges.length);
  const edgeTargets = new Uint32Array(edges.length);
  edges.forEach((e, i) => {
    edgeSources[i] = position.get(e.source)!;
    edgeTargets[i] = position.get(e.target)!;
  });
  return {
    nodeKeys: nodes.map((n) => n.key),
    nodeTypes: nodes.map((n) => n.type),
    nodeMentions: Float64Array.from(nodes, (n) => n.mentions),
    edgeKeys: edges.map((e) => e.key),
    edgeSources,
    edgeTargets,
    edgeAttributes: edges.map((e) => e.attributes),
  };
}

type NodeStep = (index: FilterIndex, mask: Uint8Array) => Uint8Array;

/** A node step that keeps nodes for which `keep(i)` holds; returns its input when it keeps all. */
function narrow(mask: Uint8Array, n: number, keep: (i: number) => boolean): Uint8Array {
  let out: Uint8Array | null = null;
  for (let i = 0; i < n; i++) {
    if (mask[i] && !keep(i)) {
      out ??= mask.slice();
      out[i] = 0;
    }
  }
  return out ?? mask;
}

const typeStep = (hidden: readonly string[]): NodeStep => {
  const off = new Set(hidden);
  return (index, mask) => (off.size ? narrow(mask, index.nodeKeys.length, (i) => !off.has(index.nodeTypes[i]!)) : mask);
};

const mentionsStep = (min: number): NodeStep => (index, mask) =>
  min > 0 ? narrow(mask, index.nodeKeys.length, (i) => index.nodeMentions[i]! >= min) : mask;

function edgeStep(index: FilterIndex, nodeMask: Uint8Array, weighting: Weighting, threshold: number): Uint8Array {
  const n = index.edgeKeys.length;
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    out[i] = nodeMask[index.edgeSources[i]!] && nodeMask[index.edgeTargets[i]!] && passes(weighting, index.edgeAttributes[i]!, threshold) ? 1 : 0;
  }
  return out;
}

function hiddenKeys(keys: readonly string[], mask: Uint8Array): { hidden: Set<string>; visible: number } {
  const hidden = new Set<string>();
  for (let i = 0; i < keys.length; i++) if (!mask[i]) hidden.add(keys[i]!);
  return { hidden, visible: keys.length - hidden.size };
}

/** One cached step: reruns only when its input object or its parameter key changed. */
class Cached<I, O> {
  private input: I | undefined;
  private key: string | undefined;
  private output: O | undefined;
  runs = 0;
  constructor(private readonly compute: (input: I, key: string) => O) {}
  get(input: I, key: string): O {
    if (this.output === undefined || input !== this.input || key !== this.key) {
      this.input = input;
      this.key = key;
      this.output = this.compute(input, key);
      this.runs++;
    }
    return this.output;
  }
}

export interface FilterPipeline {
  run(params: FilterParams): FilterResult;
  /** How many times each step ran, for tests of the caching. */
  readonly runs: { types: number; mentions: number; edges: number };
}

export function createFilterPipeline(index: FilterIndex): FilterPipeline {
  const all = new Uint8Array(index.nodeKeys.length).fill(1);
  let params: FilterParams;
  const types = new Cached<Uint8Array, Uint8Array>((mask) => typeStep(params.hiddenTypes)(index, mask));
  const mentions = new Cached<Uint8Array, Uint8Array>((mask) => mentionsStep(params.minMentions)(index, mask));
  const nodes = new Cached<Uint8Array, { hidden: Set<string>; visible: number }>((mask) => hiddenKeys(index.nodeKeys, mask));
  const edges = new Cached<Uint8Array, Uint8Array>((mask) => {
    const weighting = weightingById(params.weighting);
    if (!weighting) throw new Error(`filters: unknown weighting '${params.weighting}' (expected one of weight, jaccard, npmi, association, backbone)`);
    return edgeStep(index, mask, weighting, params.minWeight ?? weighting.defaultThreshold);
  });
  const edgeKeys = new Cached<Uint8Array, { hidden: Set<string>; visible: number }>((mask) => hiddenKeys(index.edgeKeys, mask));
  return {
    run(next) {
      params = next;
      const nodeMask = mentions.get(types.get(all, [...next.hiddenTypes].sort().join('\u0000')), String(next.minMentions));
      const edgeMask = edges.get(nodeMask, `${next.weighting}:${next.minWeight}`);
      const n = nodes.get(nodeMask, '');
      const e = edgeKeys.get(edgeMask, '');
      return { nodeMask, edgeMask, hiddenNodes: n.hidden, hiddenEdges: e.hidden, visibleNodes: n.visible, visibleEdges: e.visible };
    },
    get runs() {
      return { types: types.runs, mentions: mentions.runs, edges: edges.runs };
    },
  };
}
