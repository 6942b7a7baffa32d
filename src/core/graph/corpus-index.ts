/**
 * The corpus-wide index built cable by cable: entity ids for keys, per-entity figures (mentions,
 * paragraphs, cables, surface forms and types with counts), the paragraphs each entity appears in,
 * and the counts of co-occurring pairs. Memory grows with entities and pairs, never with the
 * text, which callers stream elsewhere.
 */
import type { CableTally } from './cable-tally.ts';
import { countPairs, type PairTable } from './pair-counts.ts';
import { growableUint32 } from './growable.ts';
import { Interner } from '../interner.ts';
import { RowCounts } from './row-counts.ts';
import { WordBooks, type NumberedWords } from './vocabulary.ts';

/** What a producer's words are translated into (WordBook kinds): entity ids, and names (forms, types). */
const ENTITY = 0;
const NAME = 1;

/** Everything known about the corpus once every cable is in. Arrays are indexed by entity id. */
export interface CorpusTables {
  entities: number;
  paragraphs: number;
  cables: number;
  keys: string[];
  mentions: number[];
  paragraphCounts: number[];
  cableCounts: number[];
  /** Surface forms with counts, per entity. */
  surfaces: Map<string, number>[];
  /** Mention types with counts, per entity. */
  types: Map<string, number>[];
  lexiconMentions: number[];
  /** Paragraph ids of each entity, ascending: ids[offsets[e] .. offsets[e + 1]). */
  postings: { offsets: Uint32Array; ids: Uint32Array };
  pairs: PairTable;
  pairOccurrences: number;
}

/** What the corpus-wide resolution reads of each key before the tables are finished. */
export interface KeyFigures {
  keys: readonly string[];
  mentions: readonly number[];
  paragraphCounts: readonly number[];
  surfaces: readonly Map<string, number>[];
  types: readonly Map<string, number>[];
  /** Per entity, the countries of the cables it appears in (by the cable's post), with counts of cables. */
  countries: readonly Map<string, number>[];
  /** Per entity, the first and last day (see core/days.ts) of the dated cables it appears in; NaN when none is dated. */
  firstDay: readonly number[];
  lastDay: readonly number[];
}

/**
 * Entities merged after reading: `target[e]` is the id entity `e` joins (ids 0..keys.length-1),
 * `keys` the key of each merged entity, and `retype` the type some entities' mentions vote as
 * (initials defined as a person vote PER wherever they occur).
 */
export interface EntityMerge {
  target: Uint32Array;
  keys: string[];
  retype?: ReadonlyMap<number, string>;
}

export class CorpusIndex {
  private readonly ids = new Map<string, number>();
  private readonly keys: string[] = [];
  private readonly mentions: number[] = [];
  private readonly paragraphCounts: number[] = [];
  private readonly cableCounts: number[] = [];
  /**
   * Surface forms, types and countries with counts per entity, as Maps once reading is over; while
   * cables come, counted by name number in `surfaceRows`, `typeRows` and `countryRows`.
   */
  private readonly surfaces: Map<string, number>[] = [];
  private readonly types: Map<string, number>[] = [];
  private readonly countries: Map<string, number>[] = [];
  private readonly surfaceRows = new RowCounts();
  private readonly typeRows = new RowCounts();
  private readonly countryRows = new RowCounts();
  /** Forms, types and countries numbered, for the rows. */
  private readonly names = new Interner();
  private readonly books = new WordBooks(2);
  private reading = true;
  private readonly lexiconMentions: number[] = [];
  /** The country of each cable, as a name number (-1: unknown). */
  private readonly cableCountry: number[] = [];
  private readonly cableDay: number[] = [];
  private readonly firstDay: number[] = [];
  private readonly lastDay: number[] = [];
  /** The cable of each paragraph. */
  private readonly paragraphCable = growableUint32(1 << 12);
  /** (entity, paragraph) incidences in paragraph order. */
  private incidenceEntity = growableUint32(1 << 16);
  private incidenceParagraph = growableUint32(1 << 16);
  private paragraphs = 0;
  private cables = 0;

  /** Paragraphs and distinct entities so far, for progress reports. */
  counts(): { paragraphs: number; entities: number } {
    return { paragraphs: this.paragraphs, entities: this.keys.length };
  }

  /** Starts a new cable, with the country of its post ('' when unknown) and its day (null when undated); returns its index. */
  addCable(country = '', day: number | null = null): number {
    this.cableCountry.push(country === '' ? -1 : this.names.id(country));
    this.cableDay.push(day ?? Number.NaN);
    return this.cables++;
  }

  /** Figures per key so far, for the corpus-wide resolution that runs before `finish`. */
  figures(): KeyFigures {
    this.settle();
    return { keys: this.keys, mentions: this.mentions, paragraphCounts: this.paragraphCounts, surfaces: this.surfaces, types: this.types, countries: this.countries, firstDay: this.firstDay, lastDay: this.lastDay };
  }

  /**
   * Learns the words a producer numbered for a tally that is not counted (a duplicate cable's):
   * its later tallies use them by number.
   */
  learnWords(words: NumberedWords): void {
    this.books.learn(words);
  }

  /**
   * Counts the current cable's mentions from its tally: each key translated into its entity (in
   * the tally's order, its order of first appearance; a key new to the corpus is interned) and
   * its figures counted once. Returns each tally key's entity.
   */
  addMentions(tally: CableTally): Uint32Array {
    if (!this.reading) throw new Error('the corpus index was read: no more cables can be added');
    const book = this.books.learn(tally);
    const cable = this.cables - 1;
    const country = this.cableCountry[cable]!;
    const day = this.cableDay[cable]!;
    const { forms, formStart, types, typeStart } = tally;
    const entities = new Uint32Array(tally.keys.length);
    for (let k = 0; k < tally.keys.length; k++) {
      const e = book.translate(ENTITY, tally.keys[k]!, this.intern);
      entities[k] = e;
      this.mentions[e]! += tally.mentions[k]!;
      this.lexiconMentions[e]! += tally.lexicon[k]!;
      for (let i = formStart[k]!; i < formStart[k + 1]!; i++) {
        this.surfaceRows.add(e, book.translate(NAME, forms[2 * i]!, this.name), forms[2 * i + 1]!);
      }
      for (let i = typeStart[k]!; i < typeStart[k + 1]!; i++) {
        this.typeRows.add(e, book.translate(NAME, types[2 * i]!, this.name), types[2 * i + 1]!);
      }
      // Keys are distinct within a tally, so each is new to this cable.
      this.cableCounts[e]!++;
      if (country >= 0) this.countryRows.add(e, country, 1);
      if (!Number.isNaN(day)) {
        if (Number.isNaN(this.firstDay[e]!) || day < this.firstDay[e]!) this.firstDay[e] = day;
        if (Number.isNaN(this.lastDay[e]!) || day > this.lastDay[e]!) this.lastDay[e] = day;
      }
    }
    return entities;
  }

  /** Ends the reading: the counts by name number become Maps by name, and the producers' words are let go. */
  private settle(): void {
    if (!this.reading) return;
    this.reading = false;
    this.books.clear();
    const name = (id: number) => this.names.values[id]!;
    for (let e = 0; e < this.keys.length; e++) {
      this.surfaces.push(this.surfaceRows.named(e, name));
      this.types.push(this.typeRows.named(e, name));
      this.countries.push(this.countryRows.named(e, name));
    }
  }

  /**
   * Adds one paragraph of the current cable, its mentions given as indexes into `entities` (what
   * `addMentions` returned; -1 for a dropped mention); returns its id.
   */
  addParagraph(local: readonly number[], entities: Uint32Array): number {
    const paragraph = this.paragraphs++;
    const distinct: number[] = [];
    for (const k of local) if (k >= 0) distinct.push(entities[k]!);
    distinct.sort((x, y) => x - y);
    let previous = -1;
    for (const e of distinct) {
      if (e === previous) continue;
      previous = e;
      this.paragraphCounts[e]!++;
      this.incidenceEntity.push(e);
      this.incidenceParagraph.push(paragraph);
    }
    this.paragraphCable.push(this.cables - 1);
    return paragraph;
  }

  /**
   * The finished tables; with a merge, entities are merged first (figures pooled, paragraph lists
   * united). Pairs are counted here, from the incidences, so that merged entities count a shared
   * paragraph once.
   */
  finish(merge?: EntityMerge): CorpusTables {
    this.settle();
    if (merge !== undefined) this.applyMerge(merge);
    return this.tables();
  }

  /** Rewrites the figures and incidences for merged entities. */
  private applyMerge({ target, keys, retype }: EntityMerge): void {
    const n = keys.length;
    const mentions = new Array<number>(n).fill(0);
    const lexicon = new Array<number>(n).fill(0);
    const surfaces = Array.from({ length: n }, () => new Map<string, number>());
    const types = Array.from({ length: n }, () => new Map<string, number>());
    const countries = Array.from({ length: n }, () => new Map<string, number>());
    for (let e = 0; e < this.keys.length; e++) {
      const t = target[e]!;
      mentions[t]! += this.mentions[e]!;
      lexicon[t]! += this.lexiconMentions[e]!;
      for (const [form, c] of this.surfaces[e]!) surfaces[t]!.set(form, (surfaces[t]!.get(form) ?? 0) + c);
      const as = retype?.get(e);
      for (const [type, c] of this.types[e]!) {
        const voted = as ?? type;
        types[t]!.set(voted, (types[t]!.get(voted) ?? 0) + c);
      }
      for (const [country, c] of this.countries[e]!) countries[t]!.set(country, (countries[t]!.get(country) ?? 0) + c);
    }
    // Incidences again, in paragraph order, each merged entity once per paragraph.
    const oldEntity = this.incidenceEntity.view().slice();
    const oldParagraph = this.incidenceParagraph.view().slice();
    const newEntity = growableUint32(Math.max(16, oldEntity.length));
    const newParagraph = growableUint32(Math.max(16, oldEntity.length));
    const paragraphCounts = new Array<number>(n).fill(0);
    const cableCounts = new Array<number>(n).fill(0);
    const lastCable = new Array<number>(n).fill(-1);
    const cableOf = this.paragraphCable.view();
    const group: number[] = [];
    for (let i = 0; i < oldEntity.length; ) {
      const p = oldParagraph[i]!;
      group.length = 0;
      let j = i;
      for (; j < oldEntity.length && oldParagraph[j] === p; j++) group.push(target[oldEntity[j]!]!);
      group.sort((x, y) => x - y);
      const cable = cableOf[p]!;
      for (let k = 0; k < group.length; k++) {
        const e = group[k]!;
        if (k > 0 && e === group[k - 1]) continue;
        newEntity.push(e);
        newParagraph.push(p);
        paragraphCounts[e]!++;
        if (lastCable[e] !== cable) {
          lastCable[e] = cable;
          cableCounts[e]!++;
        }
      }
      i = j;
    }
    replace(this.keys, keys);
    this.ids.clear();
    keys.forEach((k, e) => this.ids.set(k, e));
    replace(this.mentions, mentions);
    replace(this.lexiconMentions, lexicon);
    replace(this.surfaces, surfaces);
    replace(this.types, types);
    replace(this.countries, countries);
    replace(this.paragraphCounts, paragraphCounts);
    replace(this.cableCounts, cableCounts);
    this.incidenceEntity = newEntity;
    this.incidenceParagraph = newParagraph;
  }

  private tables(): CorpusTables {
    const entities = this.keys.length;
    const byEntity = this.incidenceEntity.view();
    const byParagraph = this.incidenceParagraph.view();
    const offsets = new Uint32Array(entities + 1);
    for (let e = 0; e < entities; e++) offsets[e + 1] = offsets[e]! + this.paragraphCounts[e]!;
    const fill = offsets.slice(0, entities);
    const ids = new Uint32Array(byEntity.length);
    // A stable counting sort by entity keeps each list in paragraph order.
    for (let i = 0; i < byEntity.length; i++) ids[fill[byEntity[i]!]!++] = byParagraph[i]!;
    const postings = { offsets, ids };
    // The incidences come by paragraph, each paragraph's entities ascending: they are its members.
    const memberOffsets = new Uint32Array(this.paragraphs + 1);
    for (let i = 0; i < byParagraph.length; i++) memberOffsets[byParagraph[i]! + 1] = memberOffsets[byParagraph[i]! + 1]! + 1;
    for (let p = 0; p < this.paragraphs; p++) memberOffsets[p + 1] = memberOffsets[p + 1]! + memberOffsets[p]!;
    const { pairs, occurrences } = countPairs({ offsets: memberOffsets, ids: byEntity }, postings);
    return {
      entities,
      paragraphs: this.paragraphs,
      cables: this.cables,
      keys: this.keys,
      mentions: this.mentions,
      paragraphCounts: this.paragraphCounts,
      cableCounts: this.cableCounts,
      surfaces: this.surfaces,
      types: this.types,
      lexiconMentions: this.lexiconMentions,
      postings,
      pairs,
      pairOccurrences: occurrences,
    };
  }

  private readonly name = (value: string): number => this.names.id(value);

  private readonly intern = (key: string): number => {
    let e = this.ids.get(key);
    if (e !== undefined) return e;
    e = this.keys.length;
    this.ids.set(key, e);
    this.keys.push(key);
    this.mentions.push(0);
    this.paragraphCounts.push(0);
    this.cableCounts.push(0);
    this.surfaceRows.addRow();
    this.typeRows.addRow();
    this.lexiconMentions.push(0);
    this.countryRows.addRow();
    this.firstDay.push(Number.NaN);
    this.lastDay.push(Number.NaN);
    return e;
  };
}

function replace<T>(array: T[], values: T[]): void {
  array.length = 0;
  for (const v of values) array.push(v);
}

