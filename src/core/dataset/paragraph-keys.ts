/**
 * Paragraph sort keys (format.ts `ParagraphKeysShard`): written by the build from the cable of
 * each paragraph, the cables' dates and the paragraphs' entity counts, and read back by the
 * explorer to order thousands of paragraphs by date, cable or entities before any text is fetched.
 */
import { PARAGRAPH_KEYS_PER_SHARD, type ParagraphKeysShard } from './format.ts';

const DAY_MS = 86_400_000;

/** Days since 1970-01-01 of a `YYYY-MM-DD…` date (metadata.csv writes `2006-05-04 13:55`); null when it is not one. */
export function dayNumber(date: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(date);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = Date.UTC(y, mo - 1, d);
  const back = new Date(t);
  // Date.UTC rolls 2006-02-31 over into March: such a date is not one.
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) return null;
  return Math.round(t / DAY_MS);
}

/** `YYYY-MM-DD` of a day number. */
export function dayString(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

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
