import { describe, expect, it } from 'vitest';
import { slicePairs } from '../../../src/core/slices/slice-pairs.ts';
import type { SliceFilter } from '../../../src/core/slices/slice-index.ts';
import { buildFixture, memoryReader } from './fixture.ts';
import { SLICE_CABLES } from './fixtures.ts';
import { bruteCounts } from './brute-force.ts';

const { reader } = await memoryReader(await buildFixture(SLICE_CABLES));

describe('slicePairs', () => {
  it('lists every linked pair of the slice with its shared paragraphs, as a count over the paragraphs does', async () => {
    for (const filter of [{}, { tags: ['SNAR'] }, { from: '2006-02-01', to: '2006-02-01' }, { origins: ['LIMA', 'Embassy Bogota'] }, { classifications: ['TOP SECRET'] }] as SliceFilter[]) {
      const pairs = await slicePairs(reader, filter);
      const brute = [...(await bruteCounts(reader, filter)).pairs]
        .map(([k, weight]) => { const [source, target] = k.split('-').map(Number) as [number, number]; return { source, target, weight }; })
        .sort((x, y) => x.source - y.source || x.target - y.target);
      expect(pairs, JSON.stringify(filter)).toEqual(brute);
    }
  });

  it('for the whole corpus, counts as many pairs as the build did', async () => {
    expect((await slicePairs(reader, {})).length).toBe(reader.manifest.corpus.pairs);
  });
});
