import { describe, expect, it } from 'vitest';
import { metadataTags } from '../../../src/core/cable/metadata.ts';
import { buildFixture, memoryReader } from '../slices/fixture.ts';

describe('metadata tags in the cable listing', () => {
  it('metadataTags splits a tags cell on spaces, commas and semicolons', () => {
    expect(metadataTags('PTER PINR  PREL SP LY')).toEqual(['PTER', 'PINR', 'PREL', 'SP', 'LY']);
    expect(metadataTags(' SNAR, PGOV;PE ')).toEqual(['SNAR', 'PGOV', 'PE']);
    expect(metadataTags('')).toEqual([]);
  });

  it("a cable's listing carries its metadata row's tags, not the header's", async () => {
    const files = await buildFixture([
      { origin: 'LIMA', serial: 1, tags: ['PGOV'], paragraphs: ['[ORG PNP  ] met [ORG MAS  ]'], listing: { id: '06LIMA1', date: '2006-01-02 10:00', origin: 'Embassy Lima', classification: 'CONFIDENTIAL', tags: 'SNAR PTER PE' } },
      { origin: 'LIMA', serial: 2, paragraphs: ['[ORG PNP  ] alone'] },
    ]);
    const { reader } = await memoryReader(files);
    expect((await reader.cable(0)).listing).toEqual({ id: '06LIMA1', date: '2006-01-02 10:00', origin: 'Embassy Lima', classification: 'CONFIDENTIAL', tags: ['SNAR', 'PTER', 'PE'] });
    expect((await reader.cable(0)).tags).toEqual(['PGOV']);
    expect((await reader.cable(1)).listing).toBeNull();
  });
});
