import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { RowCounts } from '../../../src/core/graph/row-counts.ts';

describe('RowCounts', () => {
  it('counts as a Map per row would, in order of first appearance', () => {
    fc.assert(fc.property(fc.array(fc.tuple(fc.nat(3), fc.nat(5), fc.integer({ min: 1, max: 9 }))), (adds) => {
      const rows = new RowCounts();
      const maps = Array.from({ length: 4 }, () => new Map<string, number>());
      for (let r = 0; r < 4; r++) rows.addRow();
      for (const [row, id, count] of adds) {
        rows.add(row, id, count);
        maps[row]!.set(`n${id}`, (maps[row]!.get(`n${id}`) ?? 0) + count);
      }
      for (let r = 0; r < 4; r++) expect([...rows.named(r, (id) => `n${id}`)]).toEqual([...maps[r]!]);
    }));
  });
});
