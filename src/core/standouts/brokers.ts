/**
 * Brokers: entities whose links spread over several communities rather than staying in one.
 *
 * The measure is the participation coefficient of Guimerà & Amaral (2005, "Functional
 * cartography of complex metabolic networks"), weighted: P(i) = 1 − Σ_c (s_ic / s_i)², where
 * s_ic is the number of paragraphs i shares with members of community c and s_i = Σ_c s_ic its
 * strength. P is 0 for an entity whose every link stays in one community and approaches 1 − 1/m
 * for one whose links are spread evenly over m communities. It was chosen over betweenness
 * because (a) it speaks of communities, which is what the reader sees (colours), while
 * betweenness speaks of shortest paths, which mean little in a co-occurrence graph where a
 * "distance" is not a quantity anyone reads; (b) it is exact and linear in the pairs, so it runs
 * on the whole pair table (every pair, not only the drawn overview) even at Cablegate scale,
 * where exact betweenness is out of reach; (c) it is weighted by shared paragraphs, so one
 * stray co-mention weighs less than a dozen. Its weakness is small entities: three pairs in three
 * communities give P = 2/3. So only entities of strength ≥ `minStrength` rank.
 *
 * For each broker we also list the communities it bridges (those holding at least `minShare` of
 * its strength, at least two) and, per bridge, its strongest neighbours there: the paragraphs
 * that make the bridge are the intersections of the broker's postings with theirs, which the
 * reader fetches on demand (entity records hold postings), so nothing is duplicated here.
 */
import type { PairTable } from '../graph/pair-counts.ts';

export interface BrokerOptions {
  /** Entities with a smaller strength (summed shared paragraphs) do not rank. */
  minStrength: number;
  /** Brokers listed. */
  limit: number;
  /** A community counts as bridged when it holds at least this share of the broker's strength. */
  minShare: number;
  /** Most communities listed per broker. */
  bridges: number;
  /** Strongest neighbours listed per bridged community. */
  neighbors: number;
  /** Incidences (pair ends) gathered at once: bounds memory at corpus scale. */
  blockIncidences: number;
}

export const DEFAULT_BROKER_OPTIONS: BrokerOptions = {
  minStrength: 20, limit: 100, minShare: 0.1, bridges: 5, neighbors: 3, blockIncidences: 8 * 2 ** 20,
};

export interface Bridge {
  community: number;
  /** Shared paragraphs (summed over pairs) between the broker and that community. */
  weight: number;
  /** Strongest neighbours there: [entity, shared paragraphs], heaviest first then by id. */
  neighbors: [number, number][];
}

export interface Broker {
  entity: number;
  /** Participation coefficient. */
  score: number;
  strength: number;
  bridges: Bridge[];
}

/**
 * Participation coefficient of every entity, and its strength. Entity ends are gathered in
 * blocks of consecutive ids (at most `blockIncidences` ends per block, one pass over the pairs
 * per block), then summed per community in a dense scratch array.
 */
export function participation(
  entities: number, pairs: PairTable, community: Int32Array, communityCount: number,
  blockIncidences = DEFAULT_BROKER_OPTIONS.blockIncidences,
): { score: Float64Array; strength: Float64Array } {
  const degree = new Uint32Array(entities);
  const strength = new Float64Array(entities);
  for (let p = 0; p < pairs.length; p++) {
    const a = pairs.a[p]!;
    const b = pairs.b[p]!;
    const w = pairs.weight[p]!;
    degree[a]!++;
    degree[b]!++;
    strength[a] = strength[a]! + w;
    strength[b] = strength[b]! + w;
  }
  const score = new Float64Array(entities);
  const sums = new Float64Array(communityCount);
  const touched = new Int32Array(communityCount);
  for (let lo = 0; lo < entities; ) {
    let hi = lo;
    let total = 0;
    while (hi < entities && (hi === lo || total + degree[hi]! <= blockIncidences)) total += degree[hi++]!;
    const offsets = new Uint32Array(hi - lo + 1);
    for (let e = lo; e < hi; e++) offsets[e - lo + 1] = offsets[e - lo]! + degree[e]!;
    const fill = offsets.slice(0, hi - lo);
    const comm = new Int32Array(total);
    const weight = new Uint32Array(total);
    for (let p = 0; p < pairs.length; p++) {
      const a = pairs.a[p]!;
      const b = pairs.b[p]!;
      if (a >= lo && a < hi) { const s = fill[a - lo]!++; comm[s] = community[b]!; weight[s] = pairs.weight[p]!; }
      if (b >= lo && b < hi) { const s = fill[b - lo]!++; comm[s] = community[a]!; weight[s] = pairs.weight[p]!; }
    }
    for (let e = lo; e < hi; e++) {
      const s = strength[e]!;
      if (s === 0) continue;
      let n = 0;
      for (let i = offsets[e - lo]!; i < offsets[e - lo + 1]!; i++) {
        const c = comm[i]!;
        if (sums[c] === 0) touched[n++] = c;
        sums[c] = sums[c]! + weight[i]!;
      }
      let squares = 0;
      for (let t = 0; t < n; t++) {
        const c = touched[t]!;
        squares += (sums[c]! / s) ** 2;
        sums[c] = 0;
      }
      score[e] = Math.max(0, 1 - squares);
    }
    lo = hi;
  }
  return { score, strength };
}

/**
 * The entities of strength ≥ `minStrength` with the highest participation coefficient (ties: the
 * stronger first, then the smaller id), each with the communities it bridges.
 */
export function findBrokers(
  entities: number, pairs: PairTable, community: Int32Array, communityCount: number,
  options: BrokerOptions = DEFAULT_BROKER_OPTIONS,
): Broker[] {
  const { score, strength } = participation(entities, pairs, community, communityCount, options.blockIncidences);
  const candidates: number[] = [];
  for (let e = 0; e < entities; e++) if (strength[e]! >= options.minStrength && score[e]! > 0) candidates.push(e);
  candidates.sort((x, y) => score[y]! - score[x]! || strength[y]! - strength[x]! || x - y);
  const chosen = candidates.slice(0, options.limit);

  // One more pass over the pairs for the chosen brokers' neighbours.
  const slot = new Int32Array(entities).fill(-1);
  chosen.forEach((e, i) => { slot[e] = i; });
  const neighbours: [number, number][][] = chosen.map(() => []);
  for (let p = 0; p < pairs.length; p++) {
    const a = pairs.a[p]!;
    const b = pairs.b[p]!;
    if (slot[a]! >= 0) neighbours[slot[a]!]!.push([b, pairs.weight[p]!]);
    if (slot[b]! >= 0) neighbours[slot[b]!]!.push([a, pairs.weight[p]!]);
  }
  return chosen.map((e, i) => ({
    entity: e, score: score[e]!, strength: strength[e]!,
    bridges: bridgesOf(neighbours[i]!, community, strength[e]!, options),
  }));
}

function bridgesOf(neighbours: [number, number][], community: Int32Array, strength: number, options: BrokerOptions): Bridge[] {
  const byCommunity = new Map<number, { weight: number; neighbors: [number, number][] }>();
  for (const [other, w] of neighbours) {
    const c = community[other]!;
    let entry = byCommunity.get(c);
    if (!entry) byCommunity.set(c, entry = { weight: 0, neighbors: [] });
    entry.weight += w;
    entry.neighbors.push([other, w]);
  }
  const ranked = [...byCommunity].sort(([cx, x], [cy, y]) => y.weight - x.weight || cx - cy);
  const kept = ranked.filter(([, x], i) => i < 2 || x.weight >= options.minShare * strength).slice(0, options.bridges);
  return kept.map(([c, x]) => ({
    community: c, weight: x.weight,
    neighbors: x.neighbors.sort((p, q) => q[1] - p[1] || p[0] - q[0]).slice(0, options.neighbors),
  }));
}
