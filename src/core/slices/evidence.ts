/**
 * The evidence of a slice, read lazily from a dataset: an entity's paragraphs in the slice, the
 * paragraphs two or more entities share there, and an entity's neighbours with the weights the
 * slice gives them (exact: counted from the paragraph records, not the stored top-30). Only the
 * shards these touch are read, which is what lets `evidence` and `path` answer quickly on a
 * large dataset; cable facts and neighbour lists are cached for the reader's life. Which
 * paragraphs a slice holds is decided from the paragraph-keys shards (each paragraph's cable and
 * day, a few kilobytes per 65,536 paragraphs) and, for posts, markings and tags, the records of
 * those cables only: never from the paragraph texts, which a hub's postings would spread over
 * most of the paragraph shards.
 */
import type { DatasetReader } from '../dataset/read-dataset.ts';
import { PARAGRAPH_KEYS_PER_SHARD, type ParagraphRecord } from '../dataset/format.ts';
import { dayNumber } from '../days.ts';
import { cableFacts, checkFilter, isWholeCorpus, matchesFilter, type CableFacts, type SliceFilter } from './slice-index.ts';

export interface EvidenceParagraph {
  /** Paragraph id in the dataset. */
  id: number;
  /** Cable index in the dataset. */
  cableIndex: number;
  cable: CableFacts;
  record: ParagraphRecord;
}

/** The ids in every list (each ascending), ascending. */
export function intersectSorted(lists: readonly (readonly number[])[]): number[] {
  if (lists.length === 0) return [];
  const sorted = [...lists].sort((x, y) => x.length - y.length);
  let result = [...sorted[0]!];
  for (const list of sorted.slice(1)) {
    const next: number[] = [];
    let j = 0;
    for (const p of result) {
      while (j < list.length && list[j]! < p) j++;
      if (j < list.length && list[j] === p) next.push(p);
    }
    result = next;
  }
  return result;
}

export class SliceEvidence {
  private readonly facts = new Map<number, Promise<CableFacts>>();
  private readonly neighbourCache = new Map<number, Promise<Map<number, number>>>();
  private readonly whole: boolean;

  constructor(readonly reader: DatasetReader, readonly filter: SliceFilter = {}) {
    checkFilter(filter);
    this.whole = isWholeCorpus(filter);
  }

  cable(index: number): Promise<CableFacts> {
    let hit = this.facts.get(index);
    if (!hit) {
      hit = this.reader.cable(index).then(cableFacts);
      this.facts.set(index, hit);
    }
    return hit;
  }

  async paragraph(id: number): Promise<EvidenceParagraph> {
    const record = await this.reader.paragraph(id);
    return { id, cableIndex: record.cable, cable: await this.cable(record.cable), record };
  }

  /** The paragraphs of `ids` that are in the slice, in the same order. */
  async inSlice(ids: readonly number[]): Promise<number[]> {
    if (this.whole) return [...ids];
    const keys = await this.keysOf(ids);
    if (!keys) {
      const keep = await Promise.all(ids.map(async (p) => matchesFilter((await this.paragraph(p)).cable, this.filter)));
      return ids.filter((_, i) => keep[i]);
    }
    const { from, to } = this.filter;
    const dated = from !== undefined || to !== undefined;
    const low = from === undefined ? -Infinity : dayNumber(from)!;
    const high = to === undefined ? Infinity : dayNumber(to)!;
    // The days first (a cable's day in the keys is its metadata.csv date, as in its facts).
    const candidates = ids.filter((_, i) => !dated || (keys.day[i]! >= low && keys.day[i]! <= high));
    const onlyDays = [this.filter.origins, this.filter.classifications, this.filter.tags].every((v) => !v || v.length === 0);
    if (onlyDays) return candidates;
    const cableOf = new Map(ids.map((p, i) => [p, keys.cable[i]!]));
    const cables = [...new Set(candidates.map((p) => cableOf.get(p)!))];
    const facts = await Promise.all(cables.map((c) => this.cable(c)));
    const matching = new Set(cables.filter((_, i) => matchesFilter(facts[i]!, this.filter)));
    return candidates.filter((p) => matching.has(cableOf.get(p)!));
  }

  /** Each paragraph's cable and day (NaN: undated) from the paragraph keys; null when the dataset has none. */
  private async keysOf(ids: readonly number[]): Promise<{ cable: Uint32Array; day: Float64Array } | null> {
    if (!this.reader.paragraphKeys) return null;
    const shards = [...new Set(ids.map((p) => Math.floor(p / PARAGRAPH_KEYS_PER_SHARD)))];
    const decoded = await Promise.all(shards.map((s) => this.reader.paragraphKeys!(s)));
    if (decoded.some((d) => d === null)) return null;
    const byShard = new Map(shards.map((s, i) => [s, decoded[i]!]));
    const cable = new Uint32Array(ids.length);
    const day = new Float64Array(ids.length);
    ids.forEach((p, i) => {
      const keys = byShard.get(Math.floor(p / PARAGRAPH_KEYS_PER_SHARD))!;
      cable[i] = keys.cable[p - keys.first]!;
      day[i] = keys.day[p - keys.first]!;
    });
    return { cable, day };
  }

  /** The entity's paragraphs in the slice, ascending. */
  async postings(entity: number): Promise<number[]> {
    return this.inSlice((await this.reader.entity(entity)).postings);
  }

  /** Paragraphs in the slice where every one of the entities appears, ascending. */
  async shared(entities: readonly number[]): Promise<number[]> {
    const lists = await Promise.all(entities.map(async (e) => (await this.reader.entity(e)).postings));
    return this.inSlice(intersectSorted(lists));
  }

  /** What `neighbours(entity)` reads: the entity's paragraphs (in the whole corpus; its record is read, no paragraph). */
  async cost(entity: number): Promise<number> {
    return (await this.reader.entity(entity)).postings.length;
  }

  /** Every entity sharing a paragraph of the slice with `entity`, with the number of such paragraphs. */
  neighbours(entity: number): Promise<Map<number, number>> {
    let hit = this.neighbourCache.get(entity);
    if (!hit) {
      hit = (async () => {
        const counts = new Map<number, number>();
        const records = await Promise.all((await this.postings(entity)).map((p) => this.reader.paragraph(p)));
        for (const record of records) {
          const seen = new Set<number>();
          for (const m of record.mentions) {
            const other = m[2];
            if (other < 0 || other === entity || seen.has(other)) continue;
            seen.add(other);
            counts.set(other, (counts.get(other) ?? 0) + 1);
          }
        }
        return counts;
      })();
      this.neighbourCache.set(entity, hit);
    }
    return hit;
  }
}
