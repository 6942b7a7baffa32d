import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkPathOptions, shortestPaths } from '../../../src/core/slices/paths.ts';
import { SliceEvidence, intersectSorted } from '../../../src/core/slices/evidence.ts';
import type { SliceFilter } from '../../../src/core/slices/slice-index.ts';
import { buildFixture, memoryReader } from './fixture.ts';
import { SLICE_CABLES } from './fixtures.ts';
import { adjacencyOf, bruteCounts, brutePaths } from './brute-force.ts';

const { reader } = await memoryReader(await buildFixture(SLICE_CABLES));
const id = async (name: string) => {
  const found = await reader.findEntity(name);
  if (!found.ok) throw new Error(`no ${name}`);
  return found.entity.id;
};

/** Weighted links (a loop left out; a repeated pair keeps its last weight) as adjacency maps. */
function undirected(edges: readonly (readonly [number, number, number])[]): Map<number, Map<number, number>> {
  const g = new Map<number, Map<number, number>>();
  for (const [x, y, w] of edges) {
    if (x === y) continue;
    for (const [p, q] of [[x, y], [y, x]] as const) (g.get(p) ?? g.set(p, new Map()).get(p)!).set(q, w);
  }
  return g;
}

describe('shortestPaths', () => {
  it('finds the fewest hops, then the strongest, as a depth-first search over every simple path does (property)', async () => {
    await fc.assert(fc.asyncProperty(
      fc.integer({ min: 2, max: 8 }).chain((n) => fc.tuple(
        fc.constant(n),
        fc.array(fc.tuple(fc.nat(n - 1), fc.nat(n - 1), fc.integer({ min: 1, max: 3 })), { maxLength: 16 }),
        fc.nat(n - 1), fc.nat(n - 1), fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 5 }),
      )),
      async ([, edges, a, b, k, maxHops]) => {
        const adjacency = undirected(edges);
        const got = await shortestPaths(a, b, { neighbours: async (e) => adjacency.get(e) ?? new Map() }, { k, maxHops });
        const want = brutePaths(adjacency, a, b, k, maxHops);
        expect(got).toEqual(want);
      },
    ), { numRuns: 300 });
  });

  it('asks for no more neighbours than the two searches need, and rejects a bad k', async () => {
    // A line 0 – 1 – 2 – 3 – 4 with a hub 5 on 0 linked to many leaves: the search from 4 grows instead.
    const adjacency = new Map<number, Map<number, number>>();
    const link = (x: number, y: number) => {
      for (const [p, q] of [[x, y], [y, x]] as const) (adjacency.get(p) ?? adjacency.set(p, new Map()).get(p)!).set(q, 1);
    };
    [[0, 1], [1, 2], [2, 3], [3, 4]].forEach(([x, y]) => link(x!, y!));
    for (let leaf = 10; leaf < 40; leaf++) link(0, leaf);
    const asked: number[] = [];
    const paths = await shortestPaths(0, 4, { neighbours: async (e) => { asked.push(e); return adjacency.get(e) ?? new Map(); } });
    expect(paths).toEqual([{ nodes: [0, 1, 2, 3, 4], weights: [1, 1, 1, 1], weight: 4 }]);
    expect(asked.filter((e) => e >= 10)).toEqual([]);
    expect(() => checkPathOptions({ k: 0 })).toThrow('k 0: expected a whole number of paths, 1 or more');
  });

  it('with a cost, expands the cheaper side (a rare name before a hub) and finds the same paths (property)', async () => {
    // The hub 0 is linked to 30 leaves and to 1; 1 – 2 – 3. From the hub to 3, the hub is not expanded.
    const adjacency = new Map<number, Map<number, number>>();
    const link = (x: number, y: number, w = 1) => {
      for (const [p, q] of [[x, y], [y, x]] as const) (adjacency.get(p) ?? adjacency.set(p, new Map()).get(p)!).set(q, w);
    };
    [[0, 1], [1, 2], [2, 3]].forEach(([x, y]) => link(x!, y!));
    for (let leaf = 10; leaf < 40; leaf++) link(0, leaf);
    const degree = async (e: number) => adjacency.get(e)?.size ?? 0;
    const asked: number[] = [];
    const paths = await shortestPaths(0, 3, { neighbours: async (e) => { asked.push(e); return adjacency.get(e) ?? new Map(); }, cost: degree });
    expect(paths).toEqual([{ nodes: [0, 1, 2, 3], weights: [1, 1, 1], weight: 3 }]);
    expect(asked).not.toContain(0);
    // Without a cost the frontiers tie and the hub's side goes first.
    const plain: number[] = [];
    await shortestPaths(0, 3, { neighbours: async (e) => { plain.push(e); return adjacency.get(e) ?? new Map(); } });
    expect(plain[0]).toBe(0);
    await fc.assert(fc.asyncProperty(
      fc.array(fc.tuple(fc.nat(7), fc.nat(7), fc.integer({ min: 1, max: 3 })), { maxLength: 16 }), fc.nat(7), fc.nat(7), fc.integer({ min: 1, max: 4 }),
      async (edges, a, b, k) => {
        const g = undirected(edges);
        const n = async (e: number) => g.get(e) ?? new Map<number, number>();
        expect(await shortestPaths(a, b, { neighbours: n, cost: async (e) => (g.get(e)?.size ?? 0) * 7 % 5 }, { k })).toEqual(brutePaths(g, a, b, k, 6));
      },
    ), { numRuns: 200 });
  });

  it('weighs a large frontier only until it outweighs the other side', async () => {
    // 0 has 100 neighbours (each of cost 5), all linked to 200; 300 – 200. From 0 to 300: once 0's
    // side is expanded, its frontier of 100 costs more than 300's single node (cost 5) after two.
    const adjacency = new Map<number, Map<number, number>>();
    const link = (x: number, y: number) => {
      for (const [p, q] of [[x, y], [y, x]] as const) (adjacency.get(p) ?? adjacency.set(p, new Map()).get(p)!).set(q, 1);
    };
    for (let n = 1; n <= 100; n++) {
      link(0, n);
      link(n, 200);
    }
    link(300, 200);
    const weighed: number[] = [];
    const cost = async (e: number) => { weighed.push(e); return e === 0 ? 1 : 5; };
    const paths = await shortestPaths(0, 300, { neighbours: async (e) => adjacency.get(e) ?? new Map(), cost }, { k: 2 });
    expect(paths.map((p) => p.nodes)).toEqual([[0, 1, 200, 300], [0, 2, 200, 300]]);
    // One batch of 0's neighbours in each of the two rounds that compare the sides, not all 100 twice.
    expect(weighed.filter((e) => e >= 1 && e <= 100).length).toBe(32);
  });

  it('with a known link, answers a direct link without asking for neighbours, and finds the same paths (property)', async () => {
    await fc.assert(fc.asyncProperty(
      fc.array(fc.tuple(fc.nat(7), fc.nat(7), fc.integer({ min: 1, max: 3 })), { maxLength: 16 }), fc.nat(7), fc.nat(7), fc.integer({ min: 1, max: 4 }),
      async (edges, a, b, k) => {
        const g = undirected(edges);
        const asked: number[] = [];
        const graph = {
          neighbours: async (e: number) => { asked.push(e); return g.get(e) ?? new Map<number, number>(); },
          link: async (x: number, y: number) => g.get(x)?.get(y) ?? 0,
        };
        expect(await shortestPaths(a, b, graph, { k })).toEqual(brutePaths(g, a, b, k, 6));
        if (g.get(a)?.has(b)) expect(asked).toEqual([]);
      },
    ), { numRuns: 200 });
  });

  it('on a built corpus, matches a plain search over the pairs counted from every paragraph, in any slice', async () => {
    const entities = Array.from({ length: reader.entityCount }, (_, e) => e);
    for (const filter of [{}, { tags: ['SNAR'] }, { from: '2006-02-01', to: '2007-12-31' }] as SliceFilter[]) {
      const adjacency = adjacencyOf((await bruteCounts(reader, filter)).pairs);
      const evidence = new SliceEvidence(reader, filter);
      for (const a of entities) {
        for (const b of entities) {
          const got = await shortestPaths(a, b, evidence, { k: 3 });
          const want = adjacency.has(a) && adjacency.has(b) || a === b ? brutePaths(adjacency, a, b, 3, 6) : [];
          expect(got, `${a} → ${b} in ${JSON.stringify(filter)}`).toEqual(want);
        }
      }
    }
  });

  it('links Evo Morales to the FARC through the PNP, and not at all in a slice without the FARC', async () => {
    const [evo, pnp, farc] = await Promise.all(['Evo Morales', 'PNP', 'FARC'].map(id));
    const whole = new SliceEvidence(reader);
    expect(await shortestPaths(evo!, farc!, whole)).toEqual([{ nodes: [evo, pnp, farc], weights: [1, 1], weight: 2 }]);
    const laPaz = new SliceEvidence(reader, { origins: ['Embassy La Paz'] });
    expect(await shortestPaths(evo!, farc!, laPaz)).toEqual([]);
  });
});

describe('SliceEvidence', () => {
  it('gives the paragraphs two entities share in the slice', async () => {
    const [pnp, mas] = await Promise.all(['PNP', 'MAS'].map(id));
    const whole = new SliceEvidence(reader);
    expect(await whole.shared([pnp!, mas!])).toEqual([1, 3]);
    expect(await new SliceEvidence(reader, { classifications: ['secret'] }).shared([pnp!, mas!])).toEqual([3]);
    expect(intersectSorted([[1, 2, 5, 9], [2, 9, 11], [0, 2, 9]])).toEqual([2, 9]);
  });
});
