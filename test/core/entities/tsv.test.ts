import { describe, expect, it } from 'vitest';
import { readTsv } from '../../../src/core/entities/tsv.ts';

describe('readTsv', () => {
  it('readTsv(text, columns) skips comments and blank lines and numbers rows by file line', () => {
    const rows = readTsv('# comment\n\nA\tB\n  # indented comment\nC\tD\n', ['alias', 'canonical']);
    expect(rows).toEqual([{ line: 3, fields: ['A', 'B'] }, { line: 5, fields: ['C', 'D'] }]);
  });

  it('readTsv(text, columns) skips a first line that names the columns, in any case', () => {
    expect(readTsv('Alias\tCanonical\nA\tB', ['alias', 'canonical'])).toEqual([{ line: 2, fields: ['A', 'B'] }]);
    expect(readTsv('# c\nterm\ttype\nx\tGROUP', ['term', 'type', 'variants'])).toEqual([{ line: 3, fields: ['x', 'GROUP'] }]);
  });

  it('readTsv(text, columns) keeps a header-like line that is not the first', () => {
    expect(readTsv('A\tB\nalias\tcanonical', ['alias', 'canonical'])).toHaveLength(2);
  });

  it('readTsv(text, columns) reads CRLF files with a BOM and trims fields', () => {
    expect(readTsv('\ufeffA \t B\r\nC\tD\r\n', ['alias', 'canonical'])).toEqual([{ line: 1, fields: ['A', 'B'] }, { line: 2, fields: ['C', 'D'] }]);
  });

  it("readTsv(text, columns) reads a quote before a formula trigger (as the page writes it) as the bare text", () => {
    expect(readTsv(`'=A\t'-B\n'x\t'\n'@\t''=C`, ['alias', 'canonical']).map((r) => r.fields)).toEqual([['=A', '-B'], ["'x", "'"], ['@', "''=C"]]);
  });
});
