/**
 * Brokers and unusual pairings by their definitions, for tests: sets and sorts over the
 * paragraphs each node has in a slice, nothing shared with src/core/standouts/.
 */
import { SLICE_STANDOUTS_OPTIONS } from '../../../src/core/standouts/slice-standouts.ts';

/** npmi as the issue defines it (1 when the pair is in every paragraph). */
export const npmiOf = (w: number, pa: number, pb: number, n: number) => (w >= n ? 1 : Math.log((w / n) / ((pa / n) * (pb / n))) / -Math.log(w / n));
const round4 = (x: number) => Math.round(x * 1e4) / 1e4;

export interface BruteInput {
  /** Per node, its paragraphs in the slice. */
  slice: Set<number>[];
  /** Links between nodes (indexes). */
  edges: (readonly [number, number])[];
  community: number[];
  /** Paragraphs in the slice. */
  total: number;
}

/** Node indexes as ids; scores and NPMI rounded as standouts.json rounds them. */
export function bruteStandouts(f: BruteInput, options = SLICE_STANDOUTS_OPTIONS) {
  const n = f.slice.length;
  const { slice } = f;
  const links = f.edges.map(([a, b]) => ({ a, b, w: [...slice[a]!].filter((p) => slice[b]!.has(p)).length })).filter((l) => l.w > 0);
  // Brokers: participation 1 − Σ_c (s_ic / s_i)² over the slice's links.
  const strength = new Array<number>(n).fill(0);
  const byCommunity = Array.from({ length: n }, () => new Map<number, number>());
  for (const { a, b, w } of links) {
    strength[a]! += w;
    strength[b]! += w;
    byCommunity[a]!.set(f.community[b]!, (byCommunity[a]!.get(f.community[b]!) ?? 0) + w);
    byCommunity[b]!.set(f.community[a]!, (byCommunity[b]!.get(f.community[a]!) ?? 0) + w);
  }
  const score = (e: number) => Math.max(0, 1 - [...byCommunity[e]!.values()].reduce((s, x) => s + (x / strength[e]!) ** 2, 0));
  const brokers = [...Array(n).keys()]
    .filter((e) => strength[e]! >= options.brokers.minStrength && score(e) > 0)
    .sort((x, y) => score(y) - score(x) || strength[y]! - strength[x]! || x - y)
    .slice(0, options.brokers.limit)
    .map((e) => ({ id: e, score: round4(score(e)), strength: strength[e]! }));
  // Pairings: support ≥ 2, no hub–hub pair, cross-community first, then NPMI, weight, ids.
  const counts = slice.map((s) => s.size);
  const hubCount = Math.min(options.pairs.hubs, Math.floor(options.pairs.hubShare * n));
  const hubs = new Set([...Array(n).keys()].sort((x, y) => counts[y]! - counts[x]! || x - y).slice(0, hubCount));
  const pairs = links
    .filter(({ a, b, w }) => w >= options.pairs.minSupport && !(hubs.has(a) && hubs.has(b)))
    .map(({ a, b, w }) => ({ a, b, w, cross: f.community[a] !== f.community[b], npmi: npmiOf(w, counts[a]!, counts[b]!, f.total) }))
    .sort((x, y) => Number(y.cross) - Number(x.cross) || y.npmi - x.npmi || y.w - x.w || x.a - y.a || x.b - y.b)
    .slice(0, options.pairs.limit)
    .map((p) => ({ source: p.a, target: p.b, weight: p.w, npmi: round4(p.npmi) }));
  return { brokers, pairs };
}
