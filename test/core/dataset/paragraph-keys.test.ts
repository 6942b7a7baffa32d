import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeKeyShard, paragraphKeyShards } from '../../../src/core/dataset/paragraph-keys.ts';
import { dayNumber, dayText as dayString } from '../../../src/core/days.ts';
import { paragraphKeysPath } from '../../../src/core/dataset/format.ts';
import { seedText } from '../../helpers.ts';
import { buildInMemory } from './seed-dataset.ts';

describe('paragraph keys', () => {
  it('dayNumber reads metadata.csv dates and refuses what is not a date', () => {
    expect(dayNumber('1970-01-02 00:00')).toBe(1);
    expect(dayString(dayNumber('2006-05-04 13:55')!)).toBe('2006-05-04');
    expect(dayNumber('2006-02-31')).toBeNull();
    expect(dayNumber('')).toBeNull();
    expect(dayNumber('May 2006')).toBeNull();
  });

  it('paragraphKeyShards then decodeKeyShard give back each paragraph’s cable, day and entities', () => {
    fc.assert(fc.property(
      fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 1, maxLength: 30 }),
      fc.integer({ min: 1, max: 7 }),
      (paragraphsPerCable, perShard) => {
        const cableOf: number[] = [];
        paragraphsPerCable.forEach((n, c) => { for (let i = 0; i < n; i++) cableOf.push(c); });
        const days = paragraphsPerCable.map((_, c) => (c % 3 === 0 ? null : 13000 + c));
        const entities = cableOf.map((_, p) => (p * 7) % 5);
        const shards = paragraphKeyShards(cableOf, days, entities, perShard);
        expect(shards.length).toBe(Math.ceil(cableOf.length / perShard));
        shards.forEach((shard, i) => {
          const d = decodeKeyShard(shard, i, perShard);
          for (let k = 0; k < d.cable.length; k++) {
            const p = d.first + k;
            expect(d.cable[k]).toBe(cableOf[p]);
            expect(Number.isNaN(d.day[k]) ? null : d.day[k]).toBe(days[cableOf[p]!]);
            expect(d.entities[k]).toBe(entities[p]);
          }
        });
      }));
  });

  it('paragraphKeyShards refuses paragraphs out of cable order', () => {
    expect(() => paragraphKeyShards([0, 2, 1], [null, null, null], [0, 0, 0])).toThrow(/cable order/);
  });
});

describe('the build writes paragraph keys', () => {
  it('DatasetBuilder writes paragraph-keys/0.json: every paragraph of the seed in its cable, with its distinct entities', async () => {
    const { files } = await buildInMemory([{ name: 'seed.txt', text: seedText() }]);
    const shard = JSON.parse(files.get(paragraphKeysPath(0))!) as Parameters<typeof decodeKeyShard>[0];
    const paragraphs = JSON.parse(files.get('paragraphs/0.json')!) as { cable: number; mentions: [number, number, number][] }[];
    const keys = decodeKeyShard(shard, 0);
    expect(keys.entities.length).toBe(paragraphs.length);
    paragraphs.forEach((p, i) => {
      expect(keys.cable[i]).toBe(p.cable);
      expect(keys.entities[i]).toBe(new Set(p.mentions.filter((m) => m[2] >= 0).map((m) => m[2])).size);
    });
    // The seed comes without metadata.csv: no dates.
    expect(shard.days).toEqual([null]);
  });
});
