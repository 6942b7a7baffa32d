import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readCable, type ReadResult } from '../../../src/core/cable/read-cable.ts';
import { seedText } from '../../helpers.ts';

/** Pieces real files are made of, plus the ways they go wrong. */
const FRAGMENTS = [
  '[PER ', '[ORG ', '[LOC ', '[MISC ', '[GPE ', '[X_1 ', '  ]', ' ]', ']', '[', '[ ', ' ', ' ', ' ', ' \n', '\n', '\r\n', '\r',
  "<a id='par1' href='#par1'>¶</a>1 .", "<a id='par2' href='#par2'>¶</a>2 .", "<a id='parB' href='#parB'>¶</a>B .",
  "<a href='/tag/PREL_0.html'>PREL</a>", '</a>', '<a ', '<code><pre>', '</pre></code>', '<script>alert(1)</script>',
  '&amp;', '&quot;', '&#x000A;', '&#0;', '&bogus;', '&', '(', ')', '"', "'s", "n't", ',', '.', ':', ';', '$', '``', "''",
  'LIMA 002158 ', 'LIMA', '00002158 002 OF 004', '01 OF 03 291400Z', 'CONFIDENTIAL PAGE 02 ', 'Visit ', "'s Classified Website: ",
  'http://www.state.sgov.gov/p/wha/lima', 'SECTION 02 OF 03 ', 'Classified By: ', 'reasons 1.4 ( b ) .',
  'Evo', 'Morales', 'XXXXXXXXXXXX', 'Lima.', 'é', '’S', '\ufeff', '\u0000', '1 .', 'TAGS:', 'SUBJECT:', 'REF:', 'C O N F',
];

const fragmentText = fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 80 }).map((parts) => parts.join(''));
const anyText = fc.oneof(fragmentText, fc.string({ unit: 'binary', maxLength: 200 }), fc.string({ maxLength: 200 }));

/** The text the reader actually scans: BOM dropped, line ends made LF. */
function normalized(text: string): string {
  return (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text).replace(/\r\n?/g, '\n');
}

function openings(text: string): number {
  return [...normalized(text).matchAll(/\[[A-Z][A-Z0-9_-]* /g)].length;
}

const ACCOUNTS_FOR_OPENING = new Set(['unclosed-mention', 'empty-mention', 'signature-mention', 'artefact-mention']);

function checkInvariants(r: ReadResult): void {
  if (r.cable === null) {
    expect(r.diagnostics.map((d) => d.code)).toEqual(['binary-file']);
    return;
  }
  for (const part of [r.cable.header, ...r.cable.paragraphs]) {
    for (const m of part.mentions) {
      expect(0 <= m.start && m.start < m.end && m.end <= part.text.length).toBe(true);
      expect(part.text.slice(m.start, m.end)).toBe(m.text);
    }
  }
  for (const p of r.cable.paragraphs) {
    for (const s of p.sentences) expect(s >= 0 && s <= p.text.length).toBe(true);
  }
}

function accountedOpenings(r: ReadResult): number {
  const mentions = r.cable ? r.cable.header.mentions.length + r.cable.paragraphs.reduce((n, p) => n + p.mentions.length, 0) : 0;
  return mentions + r.diagnostics.filter((d) => ACCOUNTS_FOR_OPENING.has(d.code)).length;
}

/** Cuts, repeats and insertions applied to a real cable. */
const mutatedSeed = fc
  .array(
    fc.tuple(fc.nat(), fc.nat({ max: 60 }), fc.constantFrom('delete', 'repeat', 'insert'), fc.constantFrom(...FRAGMENTS)),
    { minLength: 1, maxLength: 8 },
  )
  .map((edits) => {
    let text = seedText();
    for (const [at, len, op, fragment] of edits) {
      const i = at % (text.length + 1);
      if (op === 'delete') text = text.slice(0, i) + text.slice(i + len);
      else if (op === 'repeat') text = text.slice(0, i + len) + text.slice(i, i + len) + text.slice(i + len);
      else text = text.slice(0, i) + fragment + text.slice(i);
    }
    return text;
  });

describe('readCable (properties)', () => {
  it('never throws and gives valid offsets, on random text and random bytes', () => {
    fc.assert(fc.property(anyText, (text) => checkInvariants(readCable(text, 'p.txt'))), { numRuns: 2000 });
    fc.assert(fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => checkInvariants(readCable(bytes, 'p.bin'))), { numRuns: 1000 });
  });

  it('turns every [TYPE opening into exactly one mention or one diagnostic', () => {
    fc.assert(fc.property(fragmentText, (text) => {
      expect(accountedOpenings(readCable(text, 'p.txt'))).toBe(openings(text));
    }), { numRuns: 3000 });
  });

  it('holds on mutated copies of the seed cable', () => {
    fc.assert(fc.property(mutatedSeed, (text) => {
      const r = readCable(text, 'm.txt');
      checkInvariants(r);
      expect(accountedOpenings(r)).toBe(openings(text));
    }), { numRuns: 500 });
  });

  it('reads the same input to the same result', () => {
    fc.assert(fc.property(fragmentText, (text) => {
      expect(readCable(text, 'd.txt')).toEqual(readCable(text, 'd.txt'));
    }), { numRuns: 300 });
  });
});
