/**
 * Paragraph sort keys (format.ts `ParagraphKeysShard`): written by the build from the cable of
 * each paragraph, the cables' dates and the paragraphs' entity counts, and read back by the
 * explorer to order thousands of paragraphs by date, cable or entities before any text is fetched.
 */
import { PARAGRAPH_KEYS_PER_SHARD, type ParagraphKeysShard } from './format.ts';



/**
 * The key shards of a corpus: `paragraphCable[p]` is the (non-decreasing) cable of paragraph p,
 * `cableDays[c]` the day of cable c, `paragraphEntities[p]` its distinct entities.
 */
export function paragraphKeyShards(
  paragraphCable: ArrayLike<number>, cableDays: readonly (number | null)[], paragraphEntities: ArrayLike<number>,
  perShard = PARAGRAPH_KEYS_PER_SHARD,
): ParagraphKeysShard[] {
  const shards: ParagraphKeysShard[] = [];
  for (let first = 0; first < paragraphCable.length; first += perShard) {
    const end = Math.min(paragraphCable.length, first + perShard);
    const cable = paragraphCable[first]!;
    const runs: number[] = [];
    for (let p = first; p < end; p++) {
      const c = paragraphCable[p]! - cable;
      if (c < runs.length - 1) throw new Error(`paragraph ${p} belongs to cable ${paragraphCable[p]}, before the cable of paragraph ${p - 1}: paragraphs must come in cable order`);
      while (runs.length <= c) runs.push(0);
      runs[c]!++;
    }
    shards.push({
      cable, runs,
      days: runs.map((_, i) => cableDays[cable + i] ?? null),
      entities: Array.from({ length: end - first }, (_, i) => paragraphEntities[first + i]!),
    });
  }
  return shards;
}

/** One shard read back: cable, day and entities of each of its paragraphs. */
export interface DecodedKeys {
  first: number;
  cable: Uint32Array;
  /** Day of each paragraph's cable; NaN when unknown. */
  day: Float64Array;
  entities: Uint32Array;
}

export function decodeKeyShard(shard: ParagraphKeysShard, index: number, perShard = PARAGRAPH_KEYS_PER_SHARD): DecodedKeys {
  const n = shard.entities.length;
  const cable = new Uint32Array(n);
  const day = new Float64Array(n);
  let p = 0;
  shard.runs.forEach((length, i) => {
    const d = shard.days[i];
    for (let k = 0; k < length && p < n; k++, p++) {
      cable[p] = shard.cable + i;
      day[p] = d ?? Number.NaN;
    }
  });
  if (p !== n) throw new Error(`paragraph keys shard ${index}: runs cover ${p} paragraphs, entities ${n}`);
  return { first: index * perShard, cable, day, entities: Uint32Array.from(shard.entities) };
}
