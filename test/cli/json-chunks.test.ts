import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonChunks } from '../../src/cli/json-chunks.ts';

describe('jsonChunks(value)', () => {
  it('joins to exactly JSON.stringify(value), for any JSON value and chunk size', () => {
    fc.assert(fc.property(fc.jsonValue(), fc.integer({ min: 1, max: 200 }), (value, size) => {
      expect([...jsonChunks(value, size)].join('')).toBe(JSON.stringify(value));
    }));
  });

  it('leaves out undefined properties and writes null for undefined array items, as JSON.stringify does', () => {
    const value = { a: undefined, b: [undefined, 1, () => 2], c: { d: undefined, e: [{ f: 1 }] } };
    expect([...jsonChunks(value, 4)].join('')).toBe(JSON.stringify(value));
  });

  it('hands out pieces of bounded size however large the value (a paragraph with 200,000 mentions)', () => {
    const mentions = Array.from({ length: 200_000 }, (_, i) => ({ type: 'PER', text: 'Evo Morales', start: i * 20, end: i * 20 + 11 }));
    const pieces = [...jsonChunks({ paragraphs: [{ n: 1, text: 'x'.repeat(1000), mentions }] }, 1 << 16)];
    expect(pieces.length).toBeGreaterThan(100);
    expect(Math.max(...pieces.map((p) => p.length))).toBeLessThan((1 << 16) + 200);
  });
});
