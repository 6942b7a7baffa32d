import { describe, expect, it } from 'vitest';
import { buildFilterIndex, createFilterPipeline } from '../../../src/app/state/filters.ts';
import type { FilterParams } from '../../../src/app/state/filters.ts';

const attrs = (weight: number, alpha = 0.5) => ({ weight, jaccard: weight / 10, npmi: 0, association: 1, alpha });
const index = buildFilterIndex(
  [
    { key: 'a', type: 'PER', mentions: 5 },
    { key: 'b', type: 'ORG', mentions: 2 },
    { key: 'c', type: 'LOC', mentions: 9 },
    { key: 'd', type: 'PER', mentions: 1 },
  ],
  [
    { key: 'ab', source: 'a', target: 'b', attributes: attrs(1, 0.01) },
    { key: 'bc', source: 'b', target: 'c', attributes: attrs(3) },
    { key: 'cd', source: 'c', target: 'd', attributes: attrs(2, 0.04) },
  ],
);
const base: FilterParams = { hiddenTypes: [], minMentions: 0, weighting: 'weight', minWeight: null };

describe('filters', () => {
  it('run(defaults) hides nothing', () => {
    const r = createFilterPipeline(index).run(base);
    expect([r.visibleNodes, r.visibleEdges, r.hiddenNodes.size, r.hiddenEdges.size]).toEqual([4, 3, 0, 0]);
  });

  it('a hidden type hides exactly its entities and their edges', () => {
    const r = createFilterPipeline(index).run({ ...base, hiddenTypes: ['PER'] });
    expect([...r.hiddenNodes].sort()).toEqual(['a', 'd']);
    expect([...r.hiddenEdges].sort()).toEqual(['ab', 'cd']);
    expect(r.visibleNodes).toBe(2);
  });

  it('minMentions and minWeight combine', () => {
    const p = createFilterPipeline(index);
    expect([...p.run({ ...base, minMentions: 2 }).hiddenNodes]).toEqual(['d']);
    const r = p.run({ ...base, minWeight: 2 });
    expect([...r.hiddenEdges]).toEqual(['ab']);
    expect(r.visibleNodes).toBe(4);
  });

  it('backbone keeps edges whose alpha is at most the threshold', () => {
    const r = createFilterPipeline(index).run({ ...base, weighting: 'backbone' });
    expect([...r.hiddenEdges]).toEqual(['bc']);
  });

  it('moving the edge threshold reruns the edge step only', () => {
    const p = createFilterPipeline(index);
    p.run({ ...base, hiddenTypes: ['ORG'] });
    const before = p.runs;
    p.run({ ...base, hiddenTypes: ['ORG'], minWeight: 2 });
    expect(p.runs).toEqual({ ...before, edges: before.edges + 1 });
  });

  it('the same parameters twice return the same result object sets', () => {
    const p = createFilterPipeline(index);
    const a = p.run({ ...base, hiddenTypes: ['LOC'] });
    const b = p.run({ ...base, hiddenTypes: ['LOC'] });
    expect(b.hiddenNodes).toBe(a.hiddenNodes);
    expect(b.hiddenEdges).toBe(a.hiddenEdges);
  });
});
