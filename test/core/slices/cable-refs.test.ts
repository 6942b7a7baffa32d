import { describe, expect, it } from 'vitest';
import { cableKey, cableRefGraph, parseRef } from '../../../src/core/slices/cable-refs.ts';
import { buildFixture, memoryReader } from './fixture.ts';
import { SLICE_CABLES } from './fixtures.ts';

const { reader } = await memoryReader(await buildFixture(SLICE_CABLES));

describe('cable references', () => {
  it('parseRef reads post, serial and a two- or four-digit year; what is not an id is null', () => {
    expect(parseRef('08 MOSCOW 3363')).toEqual({ year: '08', post: 'MOSCOW', serial: 3363 });
    expect(parseRef('2009 BERLIN 01528')).toEqual({ year: '09', post: 'BERLIN', serial: 1528 });
    expect(parseRef('la paz 304')).toEqual({ year: null, post: 'LAPAZ', serial: 304 });
    expect(parseRef('STATE')).toBeNull();
    expect(parseRef('12345')).toBeNull();
  });

  it("cableKey takes metadata's id, else the header's origin and serial", async () => {
    const cables = await reader.cables();
    expect(cableKey(cables[1]!)).toEqual({ year: '06', post: 'LAPAZ', serial: 200 });
    expect(cableKey(cables[3]!)).toEqual({ year: null, post: 'LIMA', serial: 400 });
  });

  it('matches refs by post, serial and year (the citing cable\'s when the ref gives none), and lists the reverse', async () => {
    const g = cableRefGraph(await reader.cables());
    expect(g.references).toEqual([
      [],
      [{ ref: 'LIMA 100', cable: 0 }],
      // A ref without a year means the citing cable's year: 07 LA PAZ 200 is not in the corpus.
      [{ ref: '06 LIMA 100', cable: 0 }, { ref: 'LA PAZ 200', cable: null }],
      // Cable 3 has no date: LIMA 300 is matched as the only cable with that post and serial.
      [{ ref: 'LIMA 300', cable: 2 }, { ref: 'STATE 999', cable: null }],
      [],
    ]);
    expect(g.referencedBy).toEqual([
      [{ cable: 1, ref: 'LIMA 100' }, { cable: 2, ref: '06 LIMA 100' }], [], [{ cable: 3, ref: 'LIMA 300' }], [], [],
    ]);
  });
});
