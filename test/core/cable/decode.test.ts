import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeFile, decodeWindows1252 } from '../../../src/core/cable/decode.ts';
import { readCable } from '../../../src/core/cable/read-cable.ts';
import { seedText } from '../../helpers.ts';

const seed = seedText();
const utf8 = readCable(seed, 'seed.txt').cable!;

function utf16(text: string, le: boolean): Uint8Array {
  const bytes = new Uint8Array(2 + text.length * 2);
  bytes.set(le ? [0xff, 0xfe] : [0xfe, 0xff]);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    bytes[2 + 2 * i + (le ? 0 : 1)] = c & 0xff;
    bytes[2 + 2 * i + (le ? 1 : 0)] = c >> 8;
  }
  return bytes;
}

/** The text in windows-1252, for text whose characters all have a byte there below U+0100. */
const latin = (text: string) => Uint8Array.from(text, (c) => c.charCodeAt(0));

describe('decodeFile(bytes)', () => {
  it('reads UTF-16 LE and BE with a byte-order mark to the same cable as UTF-8, and says so', () => {
    for (const le of [true, false]) {
      const r = readCable(utf16(seed, le), 'seed16.txt');
      expect(r.cable!.paragraphs).toEqual(utf8.paragraphs);
      expect(r.diagnostics).toContainEqual(expect.objectContaining({ severity: 'info', code: 'encoding', message: `read as UTF-16 ${le ? 'LE' : 'BE'} (byte-order mark)` }));
    }
  });

  it('reads a windows-1252 file with its ¶ anchors (13 paragraphs, as in UTF-8), and warns', () => {
    const r = readCable(latin(seed), 'seed1252.txt');
    expect(r.cable!.paragraphs).toHaveLength(13);
    expect(r.cable!.paragraphs).toEqual(utf8.paragraphs);
    expect(r.diagnostics).toContainEqual(expect.objectContaining({ severity: 'warning', code: 'encoding', message: expect.stringContaining('read as windows-1252') }));
  });

  it('maps windows-1252 as the WHATWG Encoding standard does, 0x80–0x9F included', () => {
    expect(decodeWindows1252(new Uint8Array([0x80, 0x93, 0x94, 0x96, 0x81, 0x9f, 0xb6, 0xe9, 0x41]))).toBe('€“”–\u0081Ÿ¶éA');
  });

  it('keeps a mostly UTF-8 file UTF-8, with U+FFFD for the odd bad byte', () => {
    const bytes = new TextEncoder().encode('Café, ¶ déjà vu\nand ');
    const r = decodeFile(new Uint8Array([...bytes, 0xff, 0x41]), 'x.txt');
    expect(r.text).toBe('Café, ¶ déjà vu\nand \ufffdA');
    expect(r.diagnostics).toEqual([expect.objectContaining({ line: 2, code: 'invalid-utf8' })]);
  });

  it('rejects binary behind a UTF-16 byte-order mark', () => {
    expect(decodeFile(new Uint8Array([0xff, 0xfe, 0, 0, 1, 2]), 'b.txt')).toMatchObject({ text: null, diagnostics: [{ code: 'binary-file' }] });
  });

  it('never throws and gives valid offsets on random bytes behind either byte-order mark, or in windows-1252', () => {
    const bom = fc.constantFrom([0xff, 0xfe], [0xfe, 0xff], [0xef, 0xbb, 0xbf], []);
    fc.assert(fc.property(bom, fc.uint8Array({ maxLength: 300 }), (mark, body) => {
      const r = readCable(new Uint8Array([...mark, ...body]), 'p.txt');
      if (r.cable === null) {
        expect(r.diagnostics.map((d) => d.code)).toEqual(['binary-file']);
        return;
      }
      for (const part of [r.cable.header, ...r.cable.paragraphs]) {
        for (const m of part.mentions) expect(part.text.slice(m.start, m.end)).toBe(m.text);
      }
    }), { numRuns: 1000 });
  });
});
