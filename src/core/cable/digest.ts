/**
 * A fingerprint of a cable's text, to tell the same cable in two files: FNV-1a 64 (Fowler, Noll,
 * Vo) over the UTF-16 code units of the decoded text, computed in four 16-bit limbs so it needs
 * neither BigInt nor a crypto API and gives the same 16 hex digits in Node and in a browser.
 * Hashing the decoded text (line ends already made LF) makes a UTF-8 and a UTF-16 copy, or a
 * CRLF and an LF copy, of one cable the same cable.
 */

export function textDigest(text: string): string {
  // Offset basis 0xcbf29ce484222325, low limb first.
  let h0 = 0x2325;
  let h1 = 0x8422;
  let h2 = 0x9ce4;
  let h3 = 0xcbf2;
  for (let i = 0; i < text.length; i++) {
    h0 ^= text.charCodeAt(i) & 0xffff;
    // Multiply by the prime 0x100000001b3 = 2^40 + 0x1b3, modulo 2^64.
    const t0 = h0 * 0x1b3;
    let t1 = h1 * 0x1b3;
    let t2 = h2 * 0x1b3 + h0 * 0x100;
    let t3 = h3 * 0x1b3 + h1 * 0x100;
    t1 += t0 >>> 16;
    t2 += t1 >>> 16;
    t3 += t2 >>> 16;
    h0 = t0 & 0xffff;
    h1 = t1 & 0xffff;
    h2 = t2 & 0xffff;
    h3 = t3 & 0xffff;
  }
  return [h3, h2, h1, h0].map((h) => h.toString(16).padStart(4, '0')).join('');
}
