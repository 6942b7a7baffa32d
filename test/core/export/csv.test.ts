import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvCell, csvRow, csvTable, neutralizeText } from '../../../src/core/export/csv.ts';

const TRIGGERS = ['=', '+', '-', '@', '\t', '\r'];
/** Strings rich in what matters here: triggers, quotes, separators, line breaks, spaces, controls. */
const text = fc.oneof(
  fc.string({ unit: fc.constantFrom('=', '+', '-', '@', '\t', '\r', '\n', '"', ',', ' ', "'", 'a', '1', '\u0001', 'é') }),
  fc.string({ unit: 'binary' }),
);
const cell = fc.oneof(text, fc.double({ noNaN: true, noDefaultInfinity: true }), fc.integer());

describe('neutralizeText / csvCell', () => {
  it('puts a quote before text a spreadsheet would take for a formula', () => {
    expect(neutralizeText('=HYPERLINK("http://evil","x")')).toBe(`'=HYPERLINK("http://evil","x")`);
    expect(csvCell('=HYPERLINK("http://evil","x")')).toBe(`"'=HYPERLINK(""http://evil"",""x"")"`);
    expect(csvCell('+cmd')).toBe("'+cmd");
    expect(csvCell('-Minus (1)')).toBe("'-Minus (1)");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\t=1')).toBe("'\t=1");
    expect(csvCell('\r=1')).toBe(`"'\r=1"`);
    expect(csvCell('Lima')).toBe('Lima');
    expect(csvCell('a=b')).toBe('a=b');
  });

  it('writes numbers as numbers, negative ones included', () => {
    expect(csvCell(-0.0958)).toBe('-0.0958');
    expect(csvCell(2734)).toBe('2734');
    expect(csvRow(['cocaleros', 6, -0.5])).toBe('cocaleros,6,-0.5\r\n');
  });

  it('property: every text cell reads back (RFC 4180) as the neutralised text, never starting with a trigger', () => {
    fc.assert(fc.property(fc.array(fc.tuple(cell, cell, cell), { minLength: 1, maxLength: 8 }), (rows) => {
      const table = csvTable(rows.map(([a, b, c]) => ({ A: a, B: b, C: c })));
      // Strict reader: a field quoted wrongly (a bare quote, an unquoted line break) throws.
      const read = parse(table, { record_delimiter: '\r\n', relax_quotes: false, relax_column_count: false, skip_empty_lines: false }) as string[][];
      expect(read).toHaveLength(rows.length + 1);
      expect(read[0]).toEqual(['A', 'B', 'C']);
      rows.forEach((row, r) => row.forEach((value, c) => {
        const got = read[r + 1]![c]!;
        if (typeof value === 'number') expect(got).toBe(String(value));
        else {
          expect(got).toBe(neutralizeText(value));
          expect(TRIGGERS).not.toContain(got.charAt(0));
        }
      }));
    }), { numRuns: 500 });
  });
});
