import { describe, expect, it } from 'vitest';
import { readCable } from '../../../src/core/cable/read-cable.ts';
import type { Cable } from '../../../src/core/cable/model.ts';
import { SEED_FILE, seedText } from '../../helpers.ts';

/** An annotated file as the tagger writes it: wrapper, one sentence per line, lines ending in ' \n'. */
export function annotated(...lines: string[]): string {
  return `<code><pre>${lines.join(' \n')}</pre></code> \n`;
}
const anchor = (n: number | string) => `<a id='par${n}' href='#par${n}'>¶</a>${n} .`;

function allMentions(cable: Cable) {
  return [...cable.header.mentions, ...cable.paragraphs.flatMap((p) => p.mentions)];
}

function countByType(mentions: { type: string }[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const m of mentions) counts[m.type] = (counts[m.type] ?? 0) + 1;
  return counts;
}

describe('readCable(seed)', () => {
  const { cable, diagnostics } = readCable(seedText(), SEED_FILE);

  it('reads 13 numbered paragraphs, in order', () => {
    expect(cable!.paragraphs.map((p) => p.n)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13]);
  });

  it('finds 104 mentions: 8 in the header (LOC 7, PER 1) and 96 in the paragraphs', () => {
    expect(countByType(cable!.header.mentions)).toEqual({ LOC: 7, PER: 1 });
    expect(countByType(cable!.paragraphs.flatMap((p) => p.mentions))).toEqual({ ORG: 59, LOC: 18, MISC: 10, PER: 9 });
  });

  it('reads the header fields', () => {
    const h = cable!.header;
    expect(cable!.id).toBe('LIMA 002158');
    expect(h).toMatchObject({
      classification: 'CONFIDENTIAL', origin: 'LIMA', serial: '002158', section: '01 OF 03',
      declassify: '11/11/2014', tags: ['SNAR', 'ASEC', 'PGOV', 'PTER', 'PE'],
      subject: 'COCALEROS ATTRACTIVE TO POLITICAL GROUPS BUT NARCOTRAFFICKERS GIVE THEM ALL THE SUPPORT THEY NEED',
      refs: ['LIMA 2055', 'LIMA 1929', 'LIMA 1794', 'LIMA 1712', 'LIMA 1418'],
      classifiedBy: 'Alexander Margulies', reason: '1.4 (b, d)', signature: 'STRUBLE',
    });
  });

  it('gives offsets such that text.slice(start, end) is the mention text, everywhere', () => {
    for (const p of [cable!.header, ...cable!.paragraphs]) {
      for (const m of p.mentions) expect(p.text.slice(m.start, m.end)).toBe(m.text);
    }
  });

  it('undoes the tokenization where it is obvious', () => {
    const p1 = cable!.paragraphs[0]!.text;
    expect(p1.startsWith('(C) Summary: Although the various cocalero groups')).toBe(true);
    expect(p1).toContain("A coca researcher's recent visit");
    expect(p1).toContain('The Peruvian National Police (PNP) are responding');
    expect(p1).toContain('Apurimac and Ene river valleys (VRAE) area');
    expect(p1.endsWith('End Summary.')).toBe(true);
    expect(cable!.paragraphs[5]!.text).toContain('a line item for the "sacred leaf." Ayacucho Regional President');
    expect(cable!.paragraphs[6]!.text.endsWith('delivering cocaine to Lima.')).toBe(true);
  });

  it('keeps the signature out of the last paragraph', () => {
    expect(cable!.paragraphs[12]!.text.endsWith('a coca law on all fronts.')).toBe(true);
  });

  it('marks sentence starts, one per line of the file', () => {
    const p1 = cable!.paragraphs[0]!;
    expect(p1.sentences.map((s) => p1.text.slice(s, s + 12))).toEqual([
      '(C) Summary:', 'In addition,', 'Bolivian fol', 'A coca resea', 'The Peruvian', 'End Summary.',
    ]);
  });

  it('records the line where each paragraph starts', () => {
    expect(cable!.paragraphs.slice(0, 3).map((p) => p.line)).toEqual([7, 13, 15]);
  });

  it('has nothing odd to report', () => {
    expect(diagnostics).toEqual([]);
  });
});

describe('readCable(quirks)', () => {
  it('reads bytes with a BOM and CRLF line ends like plain text', () => {
    const text = annotated('UNCLAS TAGS: PREL SUBJECT: X ' + anchor(1), '( U ) [PER Evo Morales  ] spoke .', 'RICE');
    const bytes = new TextEncoder().encode('\ufeff' + text.replace(/\n/g, '\r\n'));
    const fromBytes = readCable(bytes, 'a.txt');
    expect(fromBytes).toEqual(readCable(text, 'a.txt'));
    expect(fromBytes.cable!.paragraphs[0]!.text).toBe('(U) Evo Morales spoke.');
  });

  it('keeps references named after object properties (&constructor;, &toString;) as written', () => {
    const r = readCable(annotated('H ' + anchor(1), 'A &constructor; B &toString; C &hasOwnProperty; [ORG &valueOf;  ] .'), 'e.txt');
    expect(r.cable!.paragraphs[0]!.text).toBe('A &constructor; B &toString; C &hasOwnProperty; &valueOf;.');
  });

  it('decodes HTML character references, in text and in mentions', () => {
    const r = readCable(annotated('H ' + anchor(1), 'A &amp; B said &quot; yes &quot; to [ORG AT&amp;T  ] &#x000A;now .'), 'e.txt');
    const p = r.cable!.paragraphs[0]!;
    expect(p.text).toBe('A & B said "yes" to AT&T \nnow.');
    expect(p.mentions[0]).toMatchObject({ type: 'ORG', text: 'AT&T' });
  });

  it('decodes invalid UTF-8 with replacement characters and says where', () => {
    const head = new TextEncoder().encode(annotated('H ' + anchor(1), 'caf'));
    const bytes = new Uint8Array([...head.slice(0, head.length - 15), 0xe9, ...head.slice(head.length - 15)]);
    const r = readCable(bytes, 'bad.txt');
    expect(r.cable!.paragraphs[0]!.text).toBe('caf\ufffd');
    expect(r.diagnostics).toMatchObject([{ file: 'bad.txt', line: 2, severity: 'warning', code: 'invalid-utf8' }]);
  });

  it('rejects a binary file with one diagnostic', () => {
    const r = readCable(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13, 0x49, 0x48]), 'x.png');
    expect(r.cable).toBeNull();
    expect(r.diagnostics).toMatchObject([{ file: 'x.png', severity: 'error', code: 'binary-file' }]);
  });

  it('reads a file without anchors as one paragraph', () => {
    const r = readCable('Just [PER one  ] line of text .\nAnd [LOC another  ] .', 'plain.txt');
    expect(r.cable!.paragraphs).toMatchObject([{ n: 1, text: 'Just one line of text. And another.' }]);
    expect(r.cable!.id).toBe('plain');
  });

  it('splits at bare paragraph numbers when a file has no anchors but numbers 1, 2, ...', () => {
    const r = readCable(annotated('S E C R E T CAIRO 000009 TAGS: PREL SUBJECT: TALKS . 1 .', '( S ) First [PER Mubarak  ] . 2 .', '( S ) Second .'), 'c.txt');
    expect(r.cable!.paragraphs.map((p) => [p.n, p.text])).toEqual([[1, '(S) First Mubarak.'], [2, '(S) Second.']]);
    expect(r.cable!.header.subject).toBe('TALKS.');
  });

  it('keeps repeated and out-of-order paragraph numbers, with a diagnostic each', () => {
    const r = readCable(annotated('H ' + anchor(1), 'one ' + anchor(3), 'three ' + anchor(3), 'again ' + anchor(2), 'two'), 'o.txt');
    expect(r.cable!.paragraphs.map((p) => [p.n, p.text])).toEqual([[1, 'one'], [3, 'three'], [3, 'again'], [2, 'two']]);
    expect(r.diagnostics.map((d) => [d.code, d.line])).toEqual([['paragraph-order', 4], ['paragraph-order', 5]]);
  });

  it('keeps an unclosed opening as text and reports it', () => {
    const r = readCable(annotated('H ' + anchor(1), 'the [PER Evo Morales ] visit and [LOC Cuzco  ] .'), 'u.txt');
    const p = r.cable!.paragraphs[0]!;
    expect(p.text).toBe('the [PER Evo Morales] visit and Cuzco.');
    expect(p.mentions.map((m) => m.text)).toEqual(['Cuzco']);
    expect(r.diagnostics).toMatchObject([
      { line: 2, severity: 'warning', code: 'unclosed-mention' },
      { line: 2, severity: 'info', code: 'literal-bracket' },
    ]);
  });

  it('treats a second opening before the close as closing nothing for the first', () => {
    const r = readCable(annotated('H ' + anchor(1), '[PER a [LOC b  ] c'), 'n.txt');
    expect(r.cable!.paragraphs[0]!.mentions).toMatchObject([{ type: 'LOC', text: 'b' }]);
    expect(r.diagnostics.map((d) => d.code)).toEqual(['unclosed-mention']);
  });

  it('keeps unknown types as they are', () => {
    const r = readCable(annotated('H ' + anchor(1), 'the [GPE Lima  ] and [WORK_OF_ART Don Quixote  ] .'), 't.txt');
    expect(r.cable!.paragraphs[0]!.mentions.map((m) => [m.type, m.text])).toEqual([['GPE', 'Lima'], ['WORK_OF_ART', 'Don Quixote']]);
  });

  it('keeps literal brackets as text, with a note', () => {
    const r = readCable(annotated('H ' + anchor(1), 'a [ Source removed ] b'), 'l.txt');
    expect(r.cable!.paragraphs[0]!.text).toBe('a [Source removed] b');
    expect(r.diagnostics.map((d) => [d.code, d.severity])).toEqual([['literal-bracket', 'info'], ['literal-bracket', 'info']]);
  });

  it('reports an empty mention and drops its brackets', () => {
    const r = readCable(annotated('H ' + anchor(1), 'a [PER   ] b'), 'm.txt');
    expect(r.cable!.paragraphs[0]!.text).toBe('a b');
    expect(r.diagnostics.map((d) => d.code)).toEqual(['empty-mention']);
  });

  it('keeps markup-looking cable text as plain characters', () => {
    const r = readCable(annotated('H ' + anchor(1), '<script>alert(1)</script> and [PER <img src=x onerror=alert(2)>  ] .'), 's.txt');
    const p = r.cable!.paragraphs[0]!;
    expect(p.text).toBe('<script>alert(1)</script> and <img src=x onerror=alert(2)>.');
    expect(p.mentions[0]!.text).toBe('<img src=x onerror=alert(2)>');
  });

  it('notes a signature line with a mention as metadata', () => {
    const r = readCable(annotated('H ' + anchor(1), 'Text .', '[ORG RANDT  ]'), 'g.txt');
    expect(r.cable!.header.signature).toBe('RANDT');
    expect(r.cable!.paragraphs[0]!.text).toBe('Text.');
    expect(r.diagnostics.map((d) => d.code)).toEqual(['signature-mention']);
  });

  it('renders lettered anchors inside a paragraph as their letter', () => {
    const r = readCable(annotated('H ' + anchor(1), 'Points: ' + anchor('A'), 'first ' + anchor('B'), 'second .'), 'l.txt');
    expect(r.cable!.paragraphs[0]!.text).toBe('Points: A. first B. second.');
  });

  it('gives the same result for the same input', () => {
    expect(readCable(seedText(), 'x')).toEqual(readCable(seedText(), 'x'));
  });
});
