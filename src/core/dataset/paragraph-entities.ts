/**
 * Which entities each paragraph names (format.ts `ParagraphEntitiesShard`): the corpus's
 * entity-to-paragraph postings turned around, written by the build per 65,536 paragraphs and
 * read back to find an entity's neighbours in any slice without reading paragraph texts. A hub's
 * neighbours at corpus scale otherwise mean reading most of the paragraph shards (the whole
 * Cablegate's: 1.7 GB); from these, a few tens of megabytes of numbers.
 */
import { PARAGRAPH_KEYS_PER_SHARD, type ParagraphEntitiesShard } from './format.ts';

/** One shard read back: the entities of paragraph `first + i` are `entities[offsets[i] .. offsets[i + 1])`, ascending. */
export interface DecodedParagraphEntities {
  first: number;
  offsets: Uint32Array;
  entities: Uint32Array;
}

/**
 * The shards of a corpus of `paragraphs` paragraphs from each entity's paragraphs
 * (`ids[offsets[e] .. offsets[e + 1])`, ascending): a counting sort by paragraph, so each
 * paragraph's entities come out ascending. `counts`: each paragraph's distinct entities, after
 * any corpus-wide merge (what the paragraph keys record).
 */
export function paragraphEntityShards(
  postings: { offsets: Uint32Array; ids: Uint32Array }, paragraphs: number, perShard = PARAGRAPH_KEYS_PER_SHARD,
): { counts: Uint32Array; shards: ParagraphEntitiesShard[] } {
  const { offsets, ids } = postings;
  const counts = new Uint32Array(paragraphs);
  for (let i = 0; i < ids.length; i++) counts[ids[i]!]!++;
  const starts = new Uint32Array(paragraphs + 1);
  for (let p = 0; p < paragraphs; p++) starts[p + 1] = starts[p]! + counts[p]!;
  const fill = starts.slice(0, paragraphs);
  const byParagraph = new Uint32Array(ids.length);
  for (let e = 0; e + 1 < offsets.length; e++) {
    for (let i = offsets[e]!; i < offsets[e + 1]!; i++) byParagraph[fill[ids[i]!]!++] = e;
  }
  const shards: ParagraphEntitiesShard[] = [];
  for (let first = 0; first < paragraphs; first += perShard) {
    const end = Math.min(paragraphs, first + perShard);
    shards.push({
      counts: Array.from(counts.subarray(first, end)),
      entities: Array.from(byParagraph.subarray(starts[first]!, starts[end]!)),
    });
  }
  return { counts, shards };
}

/**
 * Checks shard `index` of a dataset with `paragraphs` paragraphs and `entityCount` entities and
 * decodes it; throws an Error saying what is wrong (the reader names the file).
 */
export function decodeParagraphEntities(raw: unknown, index: number, paragraphs: number, entityCount: number, perShard = PARAGRAPH_KEYS_PER_SHARD): DecodedParagraphEntities {
  const s = raw as Partial<ParagraphEntitiesShard> | null;
  if (typeof s !== 'object' || s === null || !Array.isArray(s.counts) || !Array.isArray(s.entities)) throw new Error('expected {counts, entities}');
  const first = index * perShard;
  const expected = Math.min(perShard, paragraphs - first);
  if (s.counts.length !== expected) throw new Error(`counts for ${s.counts.length} paragraphs, expected ${expected}`);
  const offsets = new Uint32Array(expected + 1);
  for (let i = 0; i < expected; i++) {
    const c = s.counts[i];
    if (!Number.isInteger(c) || (c as number) < 0) throw new Error(`count ${i} is ${JSON.stringify(c)}, expected a count`);
    offsets[i + 1] = offsets[i]! + (c as number);
  }
  if (offsets[expected] !== s.entities.length) throw new Error(`counts add up to ${offsets[expected]}, entities list ${s.entities.length}`);
  const entities = new Uint32Array(s.entities.length);
  for (let i = 0; i < entities.length; i++) {
    const e = s.entities[i];
    if (!Number.isInteger(e) || (e as number) < 0 || (e as number) >= entityCount) throw new Error(`entity ${JSON.stringify(e)} at ${i} is not an entity id of this dataset`);
    entities[i] = e as number;
  }
  return { first, offsets, entities };
}
