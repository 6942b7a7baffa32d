import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvCell } from '../../../src/core/export/csv.ts';
import { EVIDENCE_COLUMNS, evidenceCsv } from '../../../src/core/export/evidence.ts';
import type { CableRecord, ParagraphRecord } from '../../../src/core/dataset/format.ts';

/** Reads RFC 4180 CSV back into rows. */
function parse(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (cell += '"'), i++;
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(cell), (cell = '');
    else if (c === '\r' && text[i + 1] === '\n') row.push(cell), rows.push(row), (row = []), (cell = ''), i++;
    else cell += c;
  }
  return rows;
}

describe('csvCell', () => {
  it('csvCell neutralises a leading = + - @ tab or CR and quotes what needs it', () => {
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell('+1')).toBe("'+1");
    expect(csvCell('-2')).toBe("'-2");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\tx')).toBe("'\tx");
    expect(csvCell('\rx')).toBe(`"'\rx"`);
    expect(csvCell('a, b')).toBe('"a, b"');
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell(-3)).toBe('-3');
  });

  it('csvCell round-trips any text, with a quote mark added only before a formula start', () => {
    fc.assert(fc.property(fc.string(), (s) => {
      const [[back]] = parse(`${csvCell(s)}\r\n`) as [[string]];
      expect(back).toBe(/^[=+\-@\t\r]/.test(s) ? `'${s}` : s);
    }));
  });
});

describe('evidenceCsv', () => {
  it('evidenceCsv writes one row per paragraph with cable id, date, post, classification, number and text', () => {
    const cable = { id: 'LIMA 002158', origin: 'LIMA', classification: 'CONFIDENTIAL', listing: { id: '06LIMA2158', date: '2006-05-04 13:55', origin: 'Embassy Lima', classification: 'CONFIDENTIAL//NOFORN' } } as CableRecord;
    const paragraph = { cable: 0, n: 3, text: '=cmd|" /C calc"!A0, and more', mentions: [] } as ParagraphRecord;
    const rows = parse(evidenceCsv([{ paragraph, cable }]));
    expect(rows).toEqual([
      [...EVIDENCE_COLUMNS],
      ['06LIMA2158', '2006-05-04 13:55', 'Embassy Lima', 'CONFIDENTIAL//NOFORN', '3', `'=cmd|" /C calc"!A0, and more`],
    ]);
  });
});
