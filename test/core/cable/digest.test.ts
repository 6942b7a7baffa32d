import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { textDigest } from '../../../src/core/cable/digest.ts';

/** FNV-1a 64 over UTF-16 code units, in BigInt: the definition, slowly. */
function reference(text: string): string {
  let h = 0xcbf29ce484222325n;
  for (let i = 0; i < text.length; i++) h = ((h ^ BigInt(text.charCodeAt(i))) * 0x100000001b3n) & 0xffffffffffffffffn;
  return h.toString(16).padStart(16, '0');
}

describe('textDigest', () => {
  it("gives FNV-1a 64's published values for ASCII text", () => {
    expect(textDigest('')).toBe('cbf29ce484222325');
    expect(textDigest('a')).toBe('af63dc4c8601ec8c');
    expect(textDigest('foobar')).toBe('85944171f73967e8');
  });

  it('is FNV-1a 64 over the code units, whatever the text (property)', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 64 }), (text) => {
      expect(textDigest(text)).toBe(reference(text));
    }), { numRuns: 500 });
  });
});
