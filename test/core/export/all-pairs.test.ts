import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CooccurrenceIndex } from '../../../src/core/export/all-pairs.ts';

/** Pairs counted the obvious way: every two entities of every paragraph. */
function bruteForce(paragraphs: readonly (readonly number[])[]): string[] {
  const counts = new Map<string, number>();
  for (const entities of paragraphs) {
    const set = [...new Set(entities)].sort((a, b) => a - b);
    for (let i = 0; i < set.length; i++) for (let j = i + 1; j < set.length; j++) {
      const k = `${set[i]}-${set[j]}`;
      counts.set(k, (counts.get(k) ?? 0) + 1);
    }
  }
  return [...counts].map(([k, w]) => `${k}:${w}`);
}

async function indexed(paragraphs: readonly (readonly number[])[], entities: number): Promise<string[]> {
  const postings: number[][] = Array.from({ length: entities }, () => []);
  paragraphs.forEach((es, p) => new Set(es).forEach((e) => postings[e]!.push(p)));
  const index = new CooccurrenceIndex(paragraphs.length);
  for (const list of postings) index.add(list);
  const out: string[] = [];
  await index.forEachPair((e, f, w) => void out.push(`${e}-${f}:${w}`));
  return out;
}

const ends = (s: string) => s.split(/[-:]/).map(Number) as [number, number, number];
const byPair = (a: string, b: string) => ends(a)[0] - ends(b)[0] || ends(a)[1] - ends(b)[1];

describe('CooccurrenceIndex', () => {
  it('gives each pair once with the paragraphs its two entities share', async () => {
    expect(await indexed([[0, 1, 2], [1, 2], [2, 3], []], 4)).toEqual(['0-1:1', '0-2:1', '1-2:2', '2-3:1']);
  });

  it('property: the pairs and weights of a brute-force count over paragraphs, in ascending (e, f) order', async () => {
    await fc.assert(fc.asyncProperty(
      fc.integer({ min: 1, max: 30 }).chain((entities) => fc.tuple(
        fc.constant(entities),
        fc.array(fc.array(fc.integer({ min: 0, max: entities - 1 }), { maxLength: 8 }), { maxLength: 40 }),
      )),
      async ([entities, paragraphs]) => {
        const got = await indexed(paragraphs, entities);
        expect(got).toEqual([...got].sort(byPair));
        expect([...got].sort()).toEqual(bruteForce(paragraphs).sort());
      },
    ), { numRuns: 300 });
  });

  it('waits for a visit that returns a promise (a stream draining) before going on', async () => {
    const index = new CooccurrenceIndex(2);
    [[0], [0, 1], [0, 1]].forEach((p) => index.add(p));
    const seen: string[] = [];
    await index.forEachPair(async (e, f, w) => {
      await new Promise((r) => setImmediate(r));
      seen.push(`${e}-${f}:${w}`);
    });
    expect(seen).toEqual(['0-1:1', '0-2:1', '1-2:2']);
  });

  it('refuses a paragraph id outside the corpus, naming it', () => {
    expect(() => new CooccurrenceIndex(3).add([0, 3])).toThrow(/paragraph 3 of entity 0/);
  });
});
