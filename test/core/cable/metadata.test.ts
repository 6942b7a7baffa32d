import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MetadataIndex, cableIdKey, readMetadataCsv, type CableMetadata } from '../../../src/core/cable/metadata.ts';

const HEADER = 'id,date,origin,classification,tags,subject,file';
const CSV = [
  HEADER,
  '06LIMA2158,2006-05-26 21:09,Embassy Lima,CONFIDENTIAL,SNAR PE,"VRAE, cocaleros",06LIMA2158.txt',
  '72TEHRAN1164,1972-02-25 09:09,Embassy Tehran,UNCLASSIFIED,MASS,"a ""quoted""',
  'subject on two lines",72TEHRAN1164.txt',
  'too,few,fields',
].join('\r\n');

const byFile = (rows: CableMetadata[]) => new Map(rows.map((r) => [r.file, r]));
const row = (n: number, subject = `subject ${n}`) => `${n}LIMA${n},2006-01-01,Embassy Lima,UNCLASSIFIED,PE,${subject},c${n}.txt`;

describe('readMetadataCsv(text, file)', () => {
  it('reads quoted fields across lines and names the line of a malformed row', () => {
    const table = readMetadataCsv(CSV, 'corpus/metadata.csv');
    expect(byFile(table.rows).get('72TEHRAN1164.txt')?.subject).toBe('a "quoted"\nsubject on two lines');
    expect(byFile(table.rows).get('06LIMA2158.txt')?.subject).toBe('VRAE, cocaleros');
    expect(table.diagnostics).toEqual([expect.objectContaining({ file: 'corpus/metadata.csv', line: 5, code: 'metadata-row' })]);
  });

  it('loses only the row of a quote left open: the rows after it keep their metadata', () => {
    const lines = [HEADER, row(1), row(2, '"COCALEROS ATTRACTIVE'), row(3), row(4), row(5)];
    const table = readMetadataCsv(lines.join('\n'), 'metadata.csv');
    expect(table.rows.map((r) => r.file)).toEqual(['c1.txt', 'c3.txt', 'c4.txt', 'c5.txt']);
    expect(table.diagnostics).toEqual([expect.objectContaining({ line: 3, severity: 'warning', code: 'metadata-row' })]);
  });

  it('loses only the first row of two stray quotes that pair up across lines', () => {
    const lines = [HEADER, row(1, '"OPEN'), row(2), row(3, 'CLOSE"'), row(4)];
    const table = readMetadataCsv(lines.join('\n'), 'metadata.csv');
    expect(table.rows.map((r) => r.file)).toEqual(['c2.txt', 'c3.txt', 'c4.txt']);
    expect(table.diagnostics.map((d) => d.line)).toEqual([2]);
  });

  it('keeps the first of two rows for one cable and names both lines', () => {
    const lines = [HEADER, row(1), row(2), row(1, 'again'), `2LIMA2,2007-01-01,Embassy Lima,SECRET,PE,other file,elsewhere.txt`];
    const table = readMetadataCsv(lines.join('\n'), 'metadata.csv');
    expect(table.rows.map((r) => r.subject)).toEqual(['subject 1', 'subject 2']);
    expect(table.diagnostics).toEqual([
      expect.objectContaining({ line: 4, code: 'metadata-duplicate', message: expect.stringContaining('already listed at line 2') }),
      expect.objectContaining({ line: 5, code: 'metadata-duplicate', message: expect.stringContaining('already listed at line 3') }),
    ]);
  });

  it('refuses a header with neither an id nor a file column, as an error', () => {
    const table = readMetadataCsv('date,origin\nx,y\n', 'm.csv');
    expect(table.rows).toEqual([]);
    expect(table.diagnostics).toEqual([expect.objectContaining({ file: 'm.csv', line: 1, severity: 'error', code: 'metadata-header' })]);
  });

  it('reads a header with an id but no file column, joining rows by id', () => {
    const table = readMetadataCsv('id,origin\n06LIMA2158,Embassy Lima\n', 'm.csv');
    const index = new MetadataIndex();
    index.add(table);
    expect(index.find('x.txt', 'LIMA 002158')?.origin).toBe('Embassy Lima');
    expect(table.diagnostics.map((d) => d.severity)).toEqual(['info']);
  });

  it('never throws, and every row it keeps is one of the good rows, whatever is broken around them', () => {
    const good = fc.integer({ min: 1, max: 500 }).map((n) => row(n));
    const junk = fc.string({ unit: fc.constantFrom('"', ',', 'a', ' ', '\n', '\r'), maxLength: 12 });
    fc.assert(fc.property(fc.array(fc.oneof(good, junk), { maxLength: 30 }), (lines) => {
      const table = readMetadataCsv([HEADER, ...lines].join('\n'), 'metadata.csv');
      const goodLines = new Set(lines.filter((l) => /^\d+LIMA/.test(l)));
      for (const r of table.rows) expect(goodLines.has(row(Number(r.file.slice(1, -4))))).toBe(true);
      for (const d of table.diagnostics) expect(d.line).toBeGreaterThanOrEqual(1);
    }));
  });

  it('reads a file longer than one parsing window, with a quote left open near its end', () => {
    const lines = [HEADER, ...Array.from({ length: 9000 }, (_, i) => row(i + 1, i === 8990 ? '"OPEN' : `s${i + 1}`))];
    const table = readMetadataCsv(lines.join('\n'), 'metadata.csv');
    expect(table.rows).toHaveLength(8999);
    expect(table.diagnostics.map((d) => d.line)).toEqual([8992]);
  });
});

describe('MetadataIndex', () => {
  it('joins a cable by file name in any folder, else by its id', () => {
    const index = new MetadataIndex();
    index.add(readMetadataCsv(CSV, 'metadata.csv'));
    expect(index.find('some/where/06LIMA2158.txt', '')?.origin).toBe('Embassy Lima');
    expect(index.find('C:\\cables\\06LIMA2158.txt', '')?.origin).toBe('Embassy Lima');
    // Renamed file: the id in the cable's header (`LIMA 002158`) finds the row.
    expect(index.find('renamed.txt', 'LIMA 002158')?.date).toBe('2006-05-26 21:09');
    expect(index.find('renamed.txt', 'LIMA 002159')).toBeUndefined();
    expect(index.find('renamed.txt', '')).toBeUndefined();
  });

  it('reduces both spellings of a cable id to one key', () => {
    expect(cableIdKey('06LIMA2158')).toBe('LIMA2158');
    expect(cableIdKey('LIMA 002158')).toBe('LIMA2158');
    expect(cableIdKey('TEHRAN 001164')).toBe(cableIdKey('72TEHRAN1164'));
  });
});
