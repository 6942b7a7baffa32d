/**
 * The corpus-wide index built cable by cable: entity ids for keys, per-entity figures (mentions,
 * paragraphs, cables, surface forms and types with counts), the paragraphs each entity appears in,
 * and the counts of co-occurring pairs. Memory grows with entities and pairs, never with the
 * text, which callers stream elsewhere.
 */
import type { ResolvedMention } from '../entities/model.ts';
import { MAX_ENTITIES, PairCounter, type PairTable } from './pair-counts.ts';
import { growableUint32 } from './growable.ts';

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

export class CorpusIndex {
  private readonly ids = new Map<string, number>();
  private readonly keys: string[] = [];
  private readonly mentions: number[] = [];
  private readonly paragraphCounts: number[] = [];
  private readonly cableCounts: number[] = [];
  private readonly lastCable: number[] = [];
  private readonly surfaces: Map<string, number>[] = [];
  private readonly types: Map<string, number>[] = [];
  private readonly lexiconMentions: number[] = [];
  /** (entity, paragraph) incidences in paragraph order. */
  private readonly incidenceEntity = growableUint32(1 << 16);
  private readonly incidenceParagraph = growableUint32(1 << 16);
  private readonly pairs: PairCounter;
  private paragraphs = 0;
  private cables = 0;

  constructor(pairBuffer?: number) {
    this.pairs = new PairCounter(pairBuffer);
  }

  /** Paragraphs and distinct entities so far, for progress reports. */
  counts(): { paragraphs: number; entities: number } {
    return { paragraphs: this.paragraphs, entities: this.keys.length };
  }

  /** Starts a new cable; returns its index. */
  addCable(): number {
    return this.cables++;
  }

  /**
   * Adds one paragraph of the current cable; returns its id and, per mention, the entity id it
   * names (-1 for dropped mentions).
   */
  addParagraph(mentions: readonly ResolvedMention[]): { paragraph: number; entities: number[] } {
    const paragraph = this.paragraphs++;
    const cable = this.cables - 1;
    const entities: number[] = [];
    const distinct: number[] = [];
    for (const m of mentions) {
      if (m.key === null) {
        entities.push(-1);
        continue;
      }
      const e = this.intern(m.key);
      entities.push(e);
      this.mentions[e]!++;
      bump(this.surfaces[e]!, m.surface);
      bump(this.types[e]!, m.type);
      if (m.origin === 'lexicon') this.lexiconMentions[e]!++;
      if (this.lastCable[e] !== cable) {
        this.lastCable[e] = cable;
        this.cableCounts[e]!++;
      }
      distinct.push(e);
    }
    distinct.sort((x, y) => x - y);
    let n = 0;
    for (let i = 0; i < distinct.length; i++) {
      if (i === 0 || distinct[i] !== distinct[i - 1]) distinct[n++] = distinct[i]!;
    }
    distinct.length = n;
    for (const e of distinct) {
      this.paragraphCounts[e]!++;
      this.incidenceEntity.push(e);
      this.incidenceParagraph.push(paragraph);
    }
    this.pairs.addGroup(distinct);
    return { paragraph, entities };
  }

  finish(): CorpusTables {
    const entities = this.keys.length;
    const offsets = new Uint32Array(entities + 1);
    for (let e = 0; e < entities; e++) offsets[e + 1] = offsets[e]! + this.paragraphCounts[e]!;
    const fill = offsets.slice(0, entities);
    const ids = new Uint32Array(this.incidenceEntity.length);
    const byEntity = this.incidenceEntity.view();
    const byParagraph = this.incidenceParagraph.view();
    // A stable counting sort by entity keeps each list in paragraph order.
    for (let i = 0; i < byEntity.length; i++) ids[fill[byEntity[i]!]!++] = byParagraph[i]!;
    const pairOccurrences = this.pairs.occurrences;
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
      postings: { offsets, ids },
      pairs: this.pairs.finish(),
      pairOccurrences,
    };
  }

  private intern(key: string): number {
    let e = this.ids.get(key);
    if (e !== undefined) return e;
    e = this.keys.length;
    if (e >= MAX_ENTITIES) throw new RangeError(`more than ${MAX_ENTITIES} distinct entities; pair keys would not be exact`);
    this.ids.set(key, e);
    this.keys.push(key);
    this.mentions.push(0);
    this.paragraphCounts.push(0);
    this.cableCounts.push(0);
    this.lastCable.push(-1);
    this.surfaces.push(new Map());
    this.types.push(new Map());
    this.lexiconMentions.push(0);
    return e;
  }
}

function bump(counts: Map<string, number>, key: string): void {
  counts.set(key, (counts.get(key) ?? 0) + 1);
}
