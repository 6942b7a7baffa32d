/**
 * The evidence of a slice, read lazily from a dataset: an entity's paragraphs in the slice, the
 * paragraphs two or more entities share there, and an entity's neighbours with the weights the
 * slice gives them (exact: counted from the paragraph records, not the stored top-30). Only the
 * shards these touch are read, which is what lets `evidence` and `path` answer quickly on a
 * large dataset; cable facts and neighbour lists are cached for the reader's life. Which
 * paragraphs a slice holds is decided from the paragraph-keys shards (each paragraph's cable and
 * day, a few kilobytes per 65,536 paragraphs) and, for posts, markings and tags, the cable
 * table's index (one file for every cable; datasets built before it: the records of those
 * cables): never from the paragraph texts, which a hub's postings would spread over most of the
 * paragraph shards. Cable facts for printed paragraphs come from the table too.
 */
import type { DatasetReader } from '../dataset/read-dataset.ts';
import type { CableTable } from '../dataset/cable-table.ts';
import { PARAGRAPH_KEYS_PER_SHARD, cableShardOf, paragraphShardOf, type ParagraphRecord } from '../dataset/format.ts';
import { dayNumber } from '../days.ts';
import type { PathGraph } from './paths.ts';
import { cableFacts, checkFilter, isWholeCorpus, matchesFilter, type CableFacts, type SliceFilter } from './slice-index.ts';

/**
 * The cable table's index is worth reading once the cable shards to read are more than
 * 1/TABLE_WEIGHT of them all: per cable, the index takes 74 bytes where the cable shards take
 * 610 (the Cablegate sample), and a sixth leaves room for decoding it.
 */
const TABLE_WEIGHT = 6;

/** Paragraph shards read at once when listing many paragraphs (a reader keeps 64). */
const SHARDS_AT_ONCE = 16;

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

/**
 * The shards of 65,536 paragraphs (paragraph keys, paragraph entities) that hold `ids`, each
 * loaded once and at once, as a lookup by paragraph; null when the dataset lacks any of them.
 */
async function shardsHolding<T>(ids: readonly number[], load: (shard: number) => Promise<T | null>): Promise<((paragraph: number) => T) | null> {
  const shards = [...new Set(ids.map((p) => Math.floor(p / PARAGRAPH_KEYS_PER_SHARD)))];
  const decoded = await Promise.all(shards.map(load));
  if (decoded.some((d) => d === null)) return null;
  const byShard = new Map(shards.map((s, i) => [s, decoded[i]!]));
  return (paragraph) => byShard.get(Math.floor(paragraph / PARAGRAPH_KEYS_PER_SHARD))!;
}

export class SliceEvidence implements PathGraph {
  private readonly facts = new Map<number, Promise<CableFacts>>();
  private readonly neighbourCache = new Map<number, Promise<Map<number, number>>>();
  private readonly whole: boolean;
  /** The cable table's index, once `factsOf` found it worth reading. */
  private tableRead: Promise<CableTable | null> | undefined;

  constructor(readonly reader: DatasetReader, readonly filter: SliceFilter = {}) {
    checkFilter(filter);
    this.whole = isWholeCorpus(filter);
  }

  /** A cable's facts: from the cable table once it is read, else from the cable's shard. */
  cable(index: number): Promise<CableFacts> {
    let hit = this.facts.get(index);
    if (!hit) {
      const table = this.tableRead;
      hit = table ? table.then(async (t) => (t ? t.facts(index) : cableFacts(await this.reader.cable(index)))) : this.reader.cable(index).then(cableFacts);
      this.facts.set(index, hit);
    }
    return hit;
  }

  /**
   * The facts of many cables, reading the cable table's index first when the cable shards they
   * are in would weigh more (see TABLE_WEIGHT): a
   * rare name's few cables cost a shard or two, a hub's or a slice's thousands one index.
   */
  async factsOf(cables: readonly number[]): Promise<CableFacts[]> {
    const unknown = cables.filter((c) => !this.facts.has(c));
    if (this.tableRead === undefined && unknown.length > 0 && this.reader.cableTable) {
      const shards = new Set(unknown.map(cableShardOf)).size;
      if (shards * TABLE_WEIGHT >= this.reader.manifest.shards.cables) this.tableRead = this.reader.cableTable();
    }
    return Promise.all(cables.map((c) => this.cable(c)));
  }

  async paragraph(id: number): Promise<EvidenceParagraph> {
    const record = await this.reader.paragraph(id);
    return { id, cableIndex: record.cable, cable: await this.cable(record.cable), record };
  }

  /** `paragraph` for many, their cables' facts read as `factsOf` reads them. */
  async paragraphs(ids: readonly number[]): Promise<EvidenceParagraph[]> {
    const records: ParagraphRecord[] = [];
    // A few shards at a time, in the order given (ascending, as postings): a reader keeps only
    // the shards it read last, and a hub's paragraphs span most of them.
    for (let i = 0; i < ids.length;) {
      const shards = new Set<number>();
      let j = i;
      for (; j < ids.length; j++) {
        const shard = paragraphShardOf(ids[j]!);
        if (!shards.has(shard) && shards.size === SHARDS_AT_ONCE) break;
        shards.add(shard);
      }
      records.push(...await Promise.all(ids.slice(i, j).map((p) => this.reader.paragraph(p))));
      i = j;
    }
    const facts = await this.factsOf(records.map((r) => r.cable));
    return records.map((record, i) => ({ id: ids[i]!, cableIndex: record.cable, cable: facts[i]!, record }));
  }

  /** The paragraphs of `ids` that are in the slice, in the same order. */
  async inSlice(ids: readonly number[]): Promise<number[]> {
    if (this.whole) return [...ids];
    const keys = await this.keysOf(ids);
    if (!keys) {
      const keep = (await this.paragraphs(ids)).map((p) => matchesFilter(p.cable, this.filter));
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
    const facts = await this.factsOf(cables);
    const matching = new Set(cables.filter((_, i) => matchesFilter(facts[i]!, this.filter)));
    return candidates.filter((p) => matching.has(cableOf.get(p)!));
  }

  /** Each paragraph's cable and day (NaN: undated) from the paragraph keys; null when the dataset has none. */
  private async keysOf(ids: readonly number[]): Promise<{ cable: Uint32Array; day: Float64Array } | null> {
    if (!this.reader.paragraphKeys) return null;
    const shardOf = await shardsHolding(ids, (shard) => this.reader.paragraphKeys!(shard));
    if (!shardOf) return null;
    const cable = new Uint32Array(ids.length);
    const day = new Float64Array(ids.length);
    ids.forEach((p, i) => {
      const keys = shardOf(p);
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

  /** Paragraphs in the slice shared by `a` and `b`: the weight of their link there (`PathGraph.link`). */
  async link(a: number, b: number): Promise<number> {
    return (await this.shared([a, b])).length;
  }

  /** What `neighbours(entity)` reads: the entity's paragraphs (in the whole corpus; its record is read, no paragraph). */
  async cost(entity: number): Promise<number> {
    return (await this.reader.entity(entity)).postings.length;
  }

  /** Every entity sharing a paragraph of the slice with `entity`, with the number of such paragraphs. */
  neighbours(entity: number): Promise<Map<number, number>> {
    let hit = this.neighbourCache.get(entity);
    if (!hit) {
      hit = this.postings(entity).then(async (ids) => (await this.neighboursFromIndex(entity, ids)) ?? this.neighboursFromRecords(entity, ids));
      this.neighbourCache.set(entity, hit);
    }
    return hit;
  }

  /** Neighbours over paragraphs `ids` from the paragraph-entities shards; null when the dataset has none. */
  private async neighboursFromIndex(entity: number, ids: readonly number[]): Promise<Map<number, number> | null> {
    if (!this.reader.paragraphEntities) return null;
    const shardOf = await shardsHolding(ids, (shard) => this.reader.paragraphEntities!(shard));
    if (!shardOf) return null;
    const counts = new Map<number, number>();
    for (const p of ids) {
      const { first, offsets, entities } = shardOf(p);
      // Each paragraph lists its entities once each.
      for (let i = offsets[p - first]!; i < offsets[p - first + 1]!; i++) {
        const other = entities[i]!;
        if (other !== entity) counts.set(other, (counts.get(other) ?? 0) + 1);
      }
    }
    return counts;
  }

  /** Neighbours over paragraphs `ids` from their records (datasets without paragraph-entities shards). */
  private async neighboursFromRecords(entity: number, ids: readonly number[]): Promise<Map<number, number>> {
    const counts = new Map<number, number>();
    const records = await Promise.all(ids.map((p) => this.reader.paragraph(p)));
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
  }
}
