import { describe, expect, it } from 'vitest';
import { MetadataIndex, cableIdKey, readMetadataCsv } from '../../../src/core/cable/metadata.ts';

const CSV = [
  'id,date,origin,classification,tags,subject,file',
  '06LIMA2158,2006-05-26 21:09,Embassy Lima,CONFIDENTIAL,SNAR PE,"VRAE, cocaleros",06LIMA2158.txt',
  '72TEHRAN1164,1972-02-25 09:09,Embassy Tehran,UNCLASSIFIED,MASS,"a ""quoted""',
  'subject on two lines",72TEHRAN1164.txt',
  'too,few,fields',
].join('\r\n');

describe('metadata.csv', () => {
  it('reads quoted fields across lines and names the line of a malformed row', () => {
    const table = readMetadataCsv(CSV, 'corpus/metadata.csv');
    expect(table.byFile.get('72TEHRAN1164.txt')?.subject).toBe('a "quoted"\r\nsubject on two lines');
    expect(table.byFile.get('06LIMA2158.txt')?.subject).toBe('VRAE, cocaleros');
    expect(table.diagnostics).toEqual([expect.objectContaining({ file: 'corpus/metadata.csv', line: 5, code: 'metadata-row' })]);
  });

  it('says which columns a header lacks and reads no row', () => {
    const table = readMetadataCsv('id,origin\nx,y\n', 'm.csv');
    expect(table.byFile.size).toBe(0);
    expect(table.diagnostics[0]).toMatchObject({ file: 'm.csv', line: 1, message: expect.stringContaining('lacks date and file') });
  });

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
