/**
 * The drawn overview recomputed for a slice of the corpus, without a rebuild: a link's weight
 * becomes the paragraphs both ends share inside the slice, an entity's size its paragraphs
 * inside it, and whatever has none there disappears. `subsetBase` does the work that does not
 * depend on the slice once (each link's evidence paragraphs, from the two postings lists);
 * `subsetWeights` then answers a slice from typed arrays alone.
 *
 * Paragraphs are numbered here by their position in date order (`SliceIndex.position`), so a
 * time range is one span of positions: each row's count in it is two binary searches, and only
 * facet filters need a pass over the row's positions inside the span.
 */

/** Compressed rows: the items of row r are items[offsets[r] .. offsets[r + 1]). */
export interface Rows {
  offsets: Uint32Array;
  items: Uint32Array;
}

export interface SubsetBase {
  /** Paragraphs of each node (its entity's postings), as ascending numbers (positions, say). */
  nodeParagraphs: Rows;
  /** Node indexes at the ends of each edge. */
  source: Uint32Array;
  target: Uint32Array;
  /** Paragraphs behind each edge (both ends mentioned), ascending, numbered as the nodes'. */
  edgeParagraphs: Rows;
}

export interface SubsetWeights {
  /** Paragraphs in the slice per node (0: the node leaves the view). */
  nodeParagraphs: Uint32Array;
  /** Shared paragraphs in the slice per edge (0: the edge leaves the view). */
  edgeWeights: Uint32Array;
  nodes: number;
  edges: number;
}

function rows(lists: readonly ArrayLike<number>[]): Rows {
  const offsets = new Uint32Array(lists.length + 1);
  for (let r = 0; r < lists.length; r++) offsets[r + 1] = offsets[r]! + lists[r]!.length;
  const items = new Uint32Array(offsets[lists.length]!);
  for (let r = 0; r < lists.length; r++) items.set(lists[r]!, offsets[r]!);
  return { offsets, items };
}

/**
 * Precomputes a subset of the overview: `postings[i]` are node i's paragraphs (ascending numbers
 * below `paragraphs`), `edges` pairs of node indexes. Each edge's evidence
 * is found by stamping the paragraphs of its end with more of them, then scanning the other's:
 * the cost is every node's postings once plus, per edge, the shorter list.
 */
export function subsetBase(postings: readonly ArrayLike<number>[], edges: readonly (readonly [number, number])[], paragraphs: number): SubsetBase {
  const nodeParagraphs = rows(postings);
  const m = edges.length;
  const source = new Uint32Array(m);
  const target = new Uint32Array(m);
  // Edges grouped by their end with the longer postings list (the one stamped).
  const big = new Uint32Array(m);
  for (let e = 0; e < m; e++) {
    const [a, b] = edges[e]!;
    source[e] = a;
    target[e] = b;
    big[e] = postings[a]!.length >= postings[b]!.length ? a : b;
  }
  const order = Array.from({ length: m }, (_, e) => e).sort((x, y) => big[x]! - big[y]! || x - y);
  const stamp = new Int32Array(paragraphs).fill(-1);
  const found: number[][] = new Array<number[]>(m);
  let stampedLast = -1;
  for (const e of order) {
    const stamped = big[e]!;
    const other = source[e] === stamped ? target[e]! : source[e]!;
    const mine = postings[stamped]!;
    if (stamped !== stampedLast) {
      for (let i = 0; i < mine.length; i++) stamp[mine[i]!] = stamped;
      stampedLast = stamped;
    }
    const theirs = postings[other]!;
    const shared: number[] = [];
    for (let i = 0; i < theirs.length; i++) if (stamp[theirs[i]!] === stamped) shared.push(theirs[i]!);
    found[e] = shared;
  }
  return { nodeParagraphs, source, target, edgeParagraphs: rows(found) };
}

/** A slice as positions: those in [lo, hi) and, when `mask` is given, with mask[position] = 1. */
export interface SliceSpan {
  lo: number;
  hi: number;
  mask: Uint8Array | null;
}

/** First index in items[from, to) holding a value ≥ x (items ascending there). */
function lowerBound(items: Uint32Array, from: number, to: number, x: number): number {
  let lo = from;
  let hi = to;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (items[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Weights of every node and edge of `base` in a slice. */
export function subsetWeights(base: SubsetBase, span: SliceSpan): SubsetWeights {
  const { lo, hi, mask } = span;
  const count = (r: Rows, out: Uint32Array) => {
    const { offsets, items } = r;
    let nonzero = 0;
    for (let i = 0; i < out.length; i++) {
      const a = lowerBound(items, offsets[i]!, offsets[i + 1]!, lo);
      const b = lowerBound(items, a, offsets[i + 1]!, hi);
      let n = b - a;
      if (mask) {
        n = 0;
        for (let j = a; j < b; j++) n += mask[items[j]!]!;
      }
      out[i] = n;
      if (n > 0) nonzero++;
    }
    return nonzero;
  };
  const nodeParagraphs = new Uint32Array(base.nodeParagraphs.offsets.length - 1);
  const edgeWeights = new Uint32Array(base.source.length);
  const nodes = count(base.nodeParagraphs, nodeParagraphs);
  const edges = count(base.edgeParagraphs, edgeWeights);
  return { nodeParagraphs, edgeWeights, nodes, edges };
}
