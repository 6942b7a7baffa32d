import { describe, expect, it } from 'vitest';
import { boundedMemo } from '../../src/core/bounded-memo.ts';

describe('boundedMemo', () => {
  it('works a key out once while it is kept, null values included', () => {
    const calls: string[] = [];
    const memo = boundedMemo((key) => (calls.push(key), key === 'none' ? null : key.length), 10);
    expect([memo('Iran'), memo('none'), memo('Iran'), memo('none')]).toEqual([4, null, 4, null]);
    expect(calls).toEqual(['Iran', 'none']);
  });

  it('starts afresh past its limit, and still gives the same values', () => {
    const calls: string[] = [];
    const memo = boundedMemo((key) => (calls.push(key), key.toUpperCase()), 2);
    expect(['a', 'b', 'c', 'a', 'c'].map(memo)).toEqual(['A', 'B', 'C', 'A', 'C']);
    // 'c' found the table full and cleared it: 'a' is worked out again, 'c' is still kept.
    expect(calls).toEqual(['a', 'b', 'c', 'a']);
  });
});
