import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadOverviewSlices, sliceOverview } from '../../../src/core/slices/overview-slices.ts';
import { subsetBase, subsetWeights } from '../../../src/core/slices/subset-graph.ts';
import { cableMask, checkFilter, facetCounts, paragraphMask, type SliceFilter } from '../../../src/core/slices/slice-index.ts';
import { dayNumber } from '../../../src/core/days.ts';
import type { DatasetReader } from '../../../src/core/dataset/read-dataset.ts';
import { buildFixture, memoryReader } from './fixture.ts';
import { SLICE_CABLES } from './fixtures.ts';
import { bruteCounts, pairKey } from './brute-force.ts';

const { reader } = await memoryReader(await buildFixture(SLICE_CABLES));
const slices = await loadOverviewSlices(reader);
const graph = await reader.graph();
const idOf = new Map(graph.nodes.map((n) => [n.key, n.attributes!.id]));

/** The slice's overview as {key: paragraphs} and {a|b: weight}, zeros left out. */
function sliced(filter: SliceFilter) {
  const w = sliceOverview(slices, filter);
  const nodes = Object.fromEntries(slices.nodes.map((k, i) => [k, w.nodeParagraphs[i]!]).filter(([, n]) => n !== 0));
  const edges = Object.fromEntries(slices.edges.map(([s, t], i) => [[s, t].sort().join('|'), w.edgeWeights[i]!]).filter(([, n]) => n !== 0));
  return { nodes, edges, w };
}

async function brute(r: DatasetReader, filter: SliceFilter) {
  const counts = await bruteCounts(r, filter);
  const nodes = Object.fromEntries(slices.nodes.map((k) => [k, counts.entities.get(idOf.get(k)!) ?? 0]).filter(([, n]) => n !== 0));
  const edges = Object.fromEntries(slices.edges.map(([s, t]) => [[s, t].sort().join('|'), counts.pairs.get(pairKey(idOf.get(s)!, idOf.get(t)!)) ?? 0]).filter(([, n]) => n !== 0));
  return { nodes, edges };
}

describe('subset of the overview in a slice', () => {
  it('is the overview itself for the whole corpus', () => {
    const { w } = sliced({});
    graph.edges.forEach((e, i) => expect(w.edgeWeights[i], `${e.source}-${e.target}`).toBe(e.attributes!.weight));
    graph.nodes.forEach((n, i) => expect(w.nodeParagraphs[i], n.key).toBe(n.attributes!.paragraphs));
  });

  it('counts only paragraphs of cables dated within both ends of the range (days, inclusive)', () => {
    const { nodes, edges } = sliced({ from: '2006-02-01', to: '2006-02-01' });
    // Cables 1 (La Paz) and 4 (Bogota, 23:59 on that day) only.
    expect(nodes).toEqual({ 'evo morales': 1, mas: 2, pnp: 2, farc: 2, sl: 1 });
    expect(edges).toEqual({ 'evo morales|mas': 1, 'mas|pnp': 1, 'farc|pnp': 1, 'farc|sl': 1 });
  });

  it('takes any of one kind repeated, all of kinds combined, metadata values first and header values where there is no row', () => {
    // Tag PE: cable 0 (metadata) and cable 3 (no row: header tags PTER PE). Cable 2's header says PTER only.
    expect(sliced({ tags: ['pe'] }).nodes).toEqual({ pnp: 3, vrae: 1, 'evo morales': 1, mas: 1, sl: 1 });
    expect(sliced({ tags: ['PE', 'BL'] }).nodes).toEqual({ pnp: 4, vrae: 1, 'evo morales': 2, mas: 3, sl: 1 });
    expect(sliced({ tags: ['SNAR'], origins: ['embassy lima'] }).nodes).toEqual({ pnp: 3, vrae: 2, 'evo morales': 1, mas: 1, sl: 1 });
    expect(sliced({ origins: ['LIMA'] }).nodes).toEqual({ pnp: 1, sl: 1 });
    expect(sliced({ classifications: ['SECRET'], tags: ['SNAR'] }).nodes).toEqual({});
  });

  it('matches a brute-force count over the paragraphs for any filter (property)', async () => {
    const days = ['2006-01-15', '2006-01-16', '2006-02-01', '2007-03-10', '2008-01-01'];
    const pick = (values: string[]) => fc.option(fc.subarray(values, { minLength: 1 }), { nil: undefined });
    await fc.assert(fc.asyncProperty(
      fc.record({
        from: fc.option(fc.constantFrom(...days), { nil: undefined }),
        to: fc.option(fc.constantFrom(...days), { nil: undefined }),
        origins: pick(['Embassy Lima', 'embassy la paz', 'Embassy Bogota', 'LIMA', 'Nowhere']),
        classifications: pick(['SECRET', 'confidential', 'UNCLASSIFIED']),
        tags: pick(['SNAR', 'PE', 'PTER', 'PGOV', 'BL', 'XX']),
      }),
      async (filter) => {
        const { nodes, edges } = sliced(filter);
        expect({ nodes, edges }).toEqual(await brute(reader, filter));
      },
    ), { numRuns: 60 });
  });

  it('subsetBase finds each edge the paragraphs both ends share, whichever end has more', () => {
    fc.assert(fc.property(
      fc.array(fc.uniqueArray(fc.integer({ min: 0, max: 40 }), { maxLength: 25 }), { minLength: 2, maxLength: 6 }),
      fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 12 }),
      (lists, rawEdges) => {
        const postings = lists.map((l) => [...l].sort((a, b) => a - b));
        const edges = rawEdges.map(([a, b]) => [a % postings.length, b % postings.length] as const).filter(([a, b]) => a !== b);
        const base = subsetBase(postings, edges, 41);
        const w = subsetWeights(base, { lo: 0, hi: 41, mask: null });
        edges.forEach(([a, b], i) => {
          const shared = postings[a]!.filter((p) => postings[b]!.includes(p));
          expect([...base.edgeParagraphs.items.subarray(base.edgeParagraphs.offsets[i], base.edgeParagraphs.offsets[i + 1])]).toEqual(shared);
          expect(w.edgeWeights[i]).toBe(shared.length);
        });
      },
    ));
  });
});

describe('slice index', () => {
  it('counts facet values among the cables the other filters keep, and months of the dated ones', () => {
    const counts = facetCounts(slices.index, { origins: ['Embassy Lima'], tags: ['SNAR'] });
    expect(counts.cables).toBe(2);
    expect(counts.origins).toEqual([{ value: 'Embassy Lima', cables: 2 }]);
    expect(counts.tags).toEqual([{ value: 'SNAR', cables: 2 }, { value: 'PE', cables: 1 }, { value: 'PTER', cables: 1 }]);
    expect(counts.classifications).toEqual([{ value: 'CONFIDENTIAL', cables: 1 }, { value: 'UNCLASSIFIED', cables: 1 }]);
    expect(counts.months).toEqual([{ month: '2006-01', cables: 1 }, { month: '2007-03', cables: 1 }]);
    expect(facetCounts(slices.index, {}).months).toEqual([{ month: '2006-01', cables: 1 }, { month: '2006-02', cables: 2 }, { month: '2007-03', cables: 1 }]);
  });

  it('maps every paragraph to its cable, and leaves undated cables out of any date range', () => {
    const mask = cableMask(slices.index, { from: '1900-01-01' });
    expect([...mask]).toEqual([1, 1, 1, 0, 1]);
    expect([...paragraphMask(slices.index, mask)]).toEqual([1, 1, 1, 1, 1, 0, 1, 1]);
  });

  it('rejects a day that is not YYYY-MM-DD or not in the calendar, naming the bound', () => {
    expect(() => checkFilter({ from: '2008-02-30' })).toThrow('from "2008-02-30": expected a day as YYYY-MM-DD');
    expect(() => checkFilter({ to: '2008/01/01' })).toThrow(/^to /);
    expect(dayNumber('1970-01-02')).toBe(1);
    expect(dayNumber('2008-02-29 10:00')).toBe(13938);
  });
});
