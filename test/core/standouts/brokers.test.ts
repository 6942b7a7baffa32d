import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DEFAULT_BROKER_OPTIONS, findBrokers, participation } from '../../../src/core/standouts/brokers.ts';
import { pairTable } from '../graph/table.ts';

/** Two 4-cliques (community 0: 0-3, community 1: 4-7) and entity 8 linked to both halves alike. */
function bridged() {
  const triples: [number, number, number][] = [];
  for (const base of [0, 4]) for (let i = 0; i < 4; i++) for (let j = i + 1; j < 4; j++) triples.push([base + i, base + j, 5]);
  triples.push([0, 8, 4], [1, 8, 2], [4, 8, 3], [5, 8, 3]);
  return { pairs: pairTable(triples), community: Int32Array.from([0, 0, 0, 0, 1, 1, 1, 1, 0]) };
}

/** P(i) = 1 − Σ_c (s_ic / s_i)², summed naively from the triples. */
function bruteParticipation(entities: number, triples: [number, number, number][], community: Int32Array): number[] {
  return Array.from({ length: entities }, (_, e) => {
    const byCommunity = new Map<number, number>();
    let s = 0;
    for (const [a, b, w] of triples) {
      if (a !== e && b !== e) continue;
      const other = a === e ? b : a;
      byCommunity.set(community[other]!, (byCommunity.get(community[other]!) ?? 0) + w);
      s += w;
    }
    if (s === 0) return 0;
    let sq = 0;
    for (const v of byCommunity.values()) sq += (v / s) ** 2;
    return Math.max(0, 1 - sq);
  });
}

const tables = fc.integer({ min: 2, max: 14 }).chain((n) => fc.record({
  n: fc.constant(n),
  communities: fc.integer({ min: 1, max: 4 }),
  edges: fc.uniqueArray(
    fc.tuple(fc.integer({ min: 0, max: n - 1 }), fc.integer({ min: 0, max: n - 1 }), fc.integer({ min: 1, max: 9 }))
      .filter(([a, b]) => a < b),
    { selector: ([a, b]) => `${a} ${b}`, maxLength: 40 },
  ),
  assign: fc.array(fc.nat(), { minLength: n, maxLength: n }),
}));

describe('participation', () => {
  it('participation(bridge) is 1 − Σ shares²: 0 inside one community, 1/2 for the bridge split evenly', () => {
    const { pairs, community } = bridged();
    const { score, strength } = participation(9, pairs, community, 2);
    expect(score[8]).toBeCloseTo(0.5, 12);
    expect(strength[8]).toBe(12);
    expect(score[2]).toBe(0); // only its own clique
    expect(score[0]).toBeCloseTo(1 - ((15 + 4) / 19) ** 2, 12); // 15 own, 4 to 8 (community 0): all in 0
  });

  it('equals the naive sum on any table, whatever the block size', () => {
    fc.assert(fc.property(tables, fc.integer({ min: 1, max: 10 }), ({ n, communities, edges, assign }, block) => {
      const community = Int32Array.from(assign, (x) => x % communities);
      const got = participation(n, pairTable(edges), community, communities, block).score;
      const want = bruteParticipation(n, edges, community);
      for (let e = 0; e < n; e++) expect(got[e]).toBeCloseTo(want[e]!, 10);
    }));
  });
});

describe('findBrokers', () => {
  it('ranks the bridge first and lists both communities with its strongest neighbours there', () => {
    const { pairs, community } = bridged();
    const brokers = findBrokers(9, pairs, community, 2, { ...DEFAULT_BROKER_OPTIONS, minStrength: 10 });
    expect(brokers[0]!.entity).toBe(8);
    expect(brokers[0]!.bridges).toEqual([
      { community: 0, weight: 6, neighbors: [[0, 4], [1, 2], ] },
      { community: 1, weight: 6, neighbors: [[4, 3], [5, 3]] },
    ].map((b) => ({ ...b, neighbors: b.neighbors.slice(0, DEFAULT_BROKER_OPTIONS.neighbors) })));
  });

  it('leaves out entities below minStrength', () => {
    const { pairs, community } = bridged();
    expect(findBrokers(9, pairs, community, 2, { ...DEFAULT_BROKER_OPTIONS, minStrength: 13 }).map((b) => b.entity)).not.toContain(8);
  });

  it('returns the naive top list: strength ≥ minStrength, P > 0, by P then strength then id', () => {
    fc.assert(fc.property(tables, fc.integer({ min: 0, max: 12 }), ({ n, communities, edges, assign }, minStrength) => {
      const community = Int32Array.from(assign, (x) => x % communities);
      const p = bruteParticipation(n, edges, community);
      const strength = Array.from({ length: n }, (_, e) => edges.reduce((s, [a, b, w]) => s + (a === e || b === e ? w : 0), 0));
      const want = Array.from({ length: n }, (_, e) => e)
        .filter((e) => strength[e]! >= minStrength && p[e]! > 1e-12)
        .sort((x, y) => p[y]! - p[x]! || strength[y]! - strength[x]! || x - y).slice(0, 5);
      const got = findBrokers(n, pairTable(edges), community, communities, { ...DEFAULT_BROKER_OPTIONS, minStrength, limit: 5 });
      expect(got.map((b) => b.entity)).toEqual(want);
      for (const b of got) {
        expect(b.bridges.length).toBeGreaterThanOrEqual(2);
        const total = b.bridges.reduce((s, x) => s + x.weight, 0);
        expect(total).toBeLessThanOrEqual(b.strength);
      }
    }));
  });
});
