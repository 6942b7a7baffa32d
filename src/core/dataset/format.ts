/**
 * The dataset a build writes and the explorer reads: a small manifest and overview graph that
 * open at once, plus shards fetched on demand (entity records with their neighbours and
 * paragraph lists, paragraph texts, cable headers, and a search index by prefix), and
 * `standouts.json` (brokers, unusual pairings, community stability: `StandoutsFile`). The same
 * files come from the CLI (written to a folder) and from the in-browser import (kept in memory).
 *
 * Paths are relative to the dataset's root. Every file is JSON.
 */
import type { SerializedGraph } from 'graphology-types';

export const DATASET_VERSION = 3;

export const MANIFEST_PATH = 'manifest.json';
export const GRAPH_PATH = 'graph.json';

/** Paragraph records per paragraph shard (`paragraphs/<n>.json`). */
export const PARAGRAPHS_PER_SHARD = 256;
/** Cable records per cable shard (`cables/<n>.json`). */
export const CABLES_PER_SHARD = 256;

export const entityShardPath = (shard: number) => `entities/${shard}.json`;
export const paragraphShardPath = (shard: number) => `paragraphs/${shard}.json`;
export const cableShardPath = (shard: number) => `cables/${shard}.json`;
export const searchShardPath = (prefix: string) => `search/${prefix}.json`;
/** Paragraphs per paragraph-keys shard (`paragraph-keys/<n>.json`). */
export const PARAGRAPH_KEYS_PER_SHARD = 65536;
export const paragraphKeysPath = (shard: number) => `paragraph-keys/${shard}.json`;
/** The entities of each paragraph, per 65,536 paragraphs as the keys (`paragraph-entities/<n>.json`). */
export const paragraphEntitiesPath = (shard: number) => `paragraph-entities/${shard}.json`;

export interface Manifest {
  version: typeof DATASET_VERSION;
  corpus: CorpusFigures;
  /** Entity types present, most entities first, with counts (custom lexicon types included). */
  types: { type: string; entities: number; mentions: number }[];
  /**
   * Communities by size, largest first (at most 1000); `id` is the value of the nodes'
   * `community` attribute. `names`: its most characteristic entities (community-names.ts), which
   * make `label`; `top`: its most cited; `posts` and `years`: where and when the cables behind its
   * mentions come from, with counts of mentions.
   */
  communities: {
    id: number; size: number; label: string; names: string[]; top: string[];
    posts: [string, number][]; years: [string, number][];
  }[];
  modularity: number;
  /** How communities were found: on `nodes` entities and `edges` pairs of weight ≥ `minWeight`; `communities` in all. */
  clustering: { resolution: number; minWeight: number; nodes: number; edges: number; seed: number; communities: number };
  /** What graph.json holds out of the whole graph. */
  overview: { nodes: number; edges: number; maxNodes: number; maxEdges: number };
  shards: {
    /** First entity id of each entity shard, ascending; shard i holds ids [starts[i], starts[i+1]). */
    entityStarts: number[];
    paragraphs: number;
    cables: number;
    /**
     * First paragraph id of each cable shard, ascending: the cable shard of a paragraph is known
     * before its record is read, so a reader can fetch both at once. Absent in older datasets.
     */
    cableParagraphStarts?: number[];
    /**
     * Shards in `paragraph-entities/` (one per 65,536 paragraphs); absent in older datasets,
     * whose readers find neighbours from the paragraph records instead.
     */
    paragraphEntities?: number;
  };
  /** Options the build ran with (resolution rules, lexicon and alias files), for the record. */
  options: Record<string, unknown>;
  /** `standouts.json` when the build wrote it (datasets built before it lack both). */
  standouts?: typeof STANDOUTS_PATH;
  /** `review.json` when the build wrote it (datasets built before it lack both). */
  review?: typeof REVIEW_PATH;
  /**
   * The cable table (`cable-table/index.json` and its detail shards) when the build wrote it:
   * datasets built before it lack both, and their readers read every cable shard instead.
   */
  cableTable?: { index: typeof CABLE_TABLE_INDEX_PATH; shards: number };
}

export interface CorpusFigures {
  files: number;
  cables: number;
  /** Files holding a cable already read from another file (same text or metadata.csv id): counted once. */
  duplicates: number;
  paragraphs: number;
  mentions: {
    /** Mentions that name an entity and count as co-occurrence evidence. */
    kept: number;
    /** Mentions dropped, by reason (format-word, jargon-role, redaction, no-name). */
    dropped: Record<string, number>;
    /** Mentions in cable headers: cable metadata, not evidence. */
    header: number;
    /** Kept mentions added by the lexicon. */
    lexicon: number;
  };
  /** Mentions each resolution rule acted on (drops, merges, lexicon additions), by rule id. */
  rules: Record<string, number>;
  entities: number;
  /** Entity pairs that share at least one paragraph (the complete graph, not only what is drawn). */
  pairs: number;
  /** Files that could not be read or were not cables. */
  rejectedFiles: number;
  diagnostics: Record<string, number>;
}

/** Node attributes in graph.json (node key: the entity's dataset key, see dataset-key.ts). */
export interface NodeAttributes {
  id: number;
  label: string;
  type: string;
  /** Most frequent surface forms with counts (all of them are in the entity record). */
  aliases: [string, number][];
  mentions: number;
  paragraphs: number;
  cables: number;
  /**
   * The entity's first paragraph (in cable order, the reading room's first row): a click fetches
   * its text beside the entity record instead of after it. Absent in datasets built before it.
   */
  first?: number;
  community: number;
  x: number;
  y: number;
  size: number;
  /** Neighbours and summed edge weight in the whole graph, not only in graph.json. */
  degree: number;
  strength: number;
}

/** Edge attributes in graph.json: the count and every normalisation of it, so views need no rebuild. */
export interface EdgeAttributes {
  /** Paragraphs in which both entities are mentioned. */
  weight: number;
  jaccard: number;
  npmi: number;
  association: number;
  /** Disparity-filter significance (Serrano et al. 2009): the smaller, the more of a backbone edge. */
  alpha: number;
}

export type GraphFile = SerializedGraph<NodeAttributes, EdgeAttributes>;

/**
 * A neighbour as listed in an entity record: [id, weight, dataset key, label, type, community, paragraphs,
 * alpha]. With the entity's own paragraphs they give the edge's every weighting (`edgeAttributes`);
 * the disparity alpha is stored because it needs both ends' degree and strength.
 */
export type NeighborEntry = [id: number, weight: number, key: string, label: string, type: string, community: number, paragraphs: number, alpha: number];

/** One entity, in `entities/<shard>.json` (an array of records for consecutive ids). */
export interface EntityRecord {
  id: number;
  /** The dataset key (dataset-key.ts): the entity key, `~`-escaped where a plain object would mistake it. */
  key: string;
  label: string;
  type: string;
  /** Mention types with counts (the tagger is not always consistent). */
  types: Record<string, number>;
  /** Every surface form with its count, most frequent first. */
  aliases: [string, number][];
  /**
   * Keys merged into this entity after reading, with the rule that merged each (`chavez`,
   * `partial-name`; `usa`, `country-name`), in key order. Absent when none was.
   */
  merged?: [key: string, rule: string][];
  /** Mentions by origin: tagger, lexicon. */
  origins: Record<string, number>;
  mentions: number;
  paragraphs: number;
  cables: number;
  community: number;
  degree: number;
  strength: number;
  inOverview: boolean;
  /** Strongest neighbours, by weight then key. */
  neighbors: NeighborEntry[];
  /** Ids of the paragraphs that mention it, ascending; an edge's evidence is the intersection of two lists. */
  postings: number[];
}

/** A mention in a paragraph record: [start, end, entity id or -1 when dropped, type, drop reason]. */
export type ParagraphMention = [start: number, end: number, entity: number, type: string, dropped?: string];

/** One paragraph, in `paragraphs/<shard>.json` (an array of records for consecutive ids). */
export interface ParagraphRecord {
  /** Index of the cable in `cables/`. */
  cable: number;
  n: number;
  text: string;
  mentions: ParagraphMention[];
}

/** What a corpus metadata.csv says of a cable, as listed there (`Embassy Lima`, `CONFIDENTIAL//NOFORN`). */
export interface CableListing {
  id: string;
  date: string;
  origin: string;
  classification: string;
  /** The row's TAGS (`PTER`, `PE`), in its order; absent in datasets built before tags were kept. */
  tags?: string[];
}

/** One cable, in `cables/<shard>.json` (an array of records for consecutive indexes). */
export interface CableRecord {
  id: string;
  file: string;
  classification: string;
  origin: string;
  serial: string;
  section: string;
  declassify: string;
  tags: string[];
  subject: string;
  refs: string[];
  classifiedBy: string;
  reason: string;
  signature: string;
  /** The cable's row in a corpus metadata.csv (joined by file name or id); null when it has none. */
  listing: CableListing | null;
  /** First paragraph id and number of paragraphs. */
  paragraphs: [first: number, count: number];
}

/**
 * What the explorer needs to order a list of paragraphs without fetching their texts, for the
 * paragraphs [n·65536, (n+1)·65536) in `paragraph-keys/<n>.json`: their cables (paragraph ids run
 * through the cables in order, so a run length per cable says it), each cable's date and each
 * paragraph's count of entities. Some kilobytes per shard where the texts take megabytes.
 * (Written since dataset version 3; a dataset without it is sorted from its paragraph and cable shards.)
 */
export interface ParagraphKeysShard {
  /** Cable of the shard's first paragraph. */
  cable: number;
  /** Paragraphs in this shard of the cables `cable`, `cable + 1`, ... (0 for a cable without paragraphs). */
  runs: number[];
  /** Per run, its cable's date (metadata.csv listing) in days since 1970-01-01; null when unknown. */
  days: (number | null)[];
  /** Per paragraph, the distinct entities it mentions. */
  entities: number[];
}

/**
 * The distinct entities of the paragraphs [n·65536, (n+1)·65536), in `paragraph-entities/<n>.json`:
 * for each paragraph its count, then every paragraph's entity ids one after the other, each
 * paragraph's ascending. Flat lists of numbers, which parse fast.
 */
export interface ParagraphEntitiesShard {
  counts: number[];
  entities: number[];
}

/** A search entry: [normalised text that matched, entity id, label, type, paragraphs]. */
export type SearchEntry = [text: string, id: number, label: string, type: string, paragraphs: number];

/**
 * Search shard of a normalised query or name: its first two characters, as a file-name-safe
 * string (`ev`, `u00e9v` for `év`, `_` for anything but a letter or digit).
 */
export function searchPrefix(normalized: string): string {
  let prefix = '';
  let n = 0;
  for (const ch of normalized) {
    if (n === 2) break;
    n++;
    if (/[a-z0-9]/.test(ch)) prefix += ch;
    else if (/[\p{L}\p{N}]/u.test(ch)) prefix += `u${ch.codePointAt(0)!.toString(16).padStart(4, '0')}`;
    else prefix += '_';
  }
  return prefix.padEnd(2, '_');
}

/** The entity shard holding `id`, by binary search over the shard starts. */
/** The cable shard that holds a paragraph's cable, from `shards.cableParagraphStarts` (the same search). */
export function cableShardOfParagraph(id: number, starts: readonly number[]): number {
  return entityShardOf(id, starts);
}

export function entityShardOf(id: number, starts: readonly number[]): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= id) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

export const paragraphShardOf = (paragraph: number) => Math.floor(paragraph / PARAGRAPHS_PER_SHARD);
export const cableShardOf = (cable: number) => Math.floor(cable / CABLES_PER_SHARD);

export const STANDOUTS_PATH = 'standouts.json';

/**
 * The cable table: what slices and the cable-to-cable graph need of every cable, in a few bytes
 * per cable, so that `evidence`, `path` and `refs` need not read the cable shards (about 600
 * bytes per cable, most of them header fields no slice looks at). `index.json` holds the facts
 * of every cable; the detail shards, each for CABLE_TABLE_PER_SHARD consecutive cables, their
 * subjects and references, already matched at build time (core/slices/cable-refs.ts).
 */
export const CABLE_TABLE_INDEX_PATH = 'cable-table/index.json';
export const CABLE_TABLE_PER_SHARD = 4096;
export const cableTableShardPath = (shard: number) => `cable-table/${shard}.json`;
export const cableTableShardOf = (cable: number) => Math.floor(cable / CABLE_TABLE_PER_SHARD);

/**
 * `cable-table/index.json`, column by column (one entry per cable, in index order). A cable's
 * id, date, origin, classification and tags are its facts (`cableFacts` in
 * core/slices/slice-index.ts: metadata.csv's where it has a row, else the header's).
 */
export interface CableTableIndex {
  cables: number;
  /** Facts id: metadata.csv's (`07PARIS2725`), else the header's. */
  ids: string[];
  /** The header's id (`PARIS 002725`), which `refs` also accepts. */
  headers: string[];
  /** `YYYY-MM-DD`, or '' when undated. */
  dates: string[];
  /** Distinct origins, classifications and tags (spellings as found); the columns below index into them. */
  origins: string[];
  classifications: string[];
  tagValues: string[];
  origin: number[];
  classification: number[];
  tags: number[][];
  /** Paragraphs per cable (paragraph ids run through the cables in order). */
  paragraphs: number[];
  /**
   * The cables whose key (year, post, serial: `cableKey`) is not the one their facts id spells
   * (`06LIMA2158`), with their key written the same way (`LIMA2158` without a year), or null
   * for none; ascending by cable.
   */
  keys: [cable: number, key: string | null][];
}

/** `cable-table/<n>.json`: subjects and references of cables [n·CABLE_TABLE_PER_SHARD, ...). */
export interface CableTableShard {
  subjects: string[];
  /** Per cable, its REF lines in header order, each with the cable of the dataset it names or null. */
  references: [ref: string, cable: number | null][][];
  /** Per cable, the cables whose REF lines name it (ascending), with the REF that does. */
  referencedBy: [cable: number, ref: string][][];
}
/** The review queue: what the corpus-wide resolution could not decide, most paragraphs first. */
export const REVIEW_PATH = 'review.json';

/**
 * A key the review queue names: its entity's id and label when the key is in the dataset, and
 * `joined` when the key is not its entity's own key (a rule merged it into another).
 */
export interface ReviewEntity {
  key: string;
  id?: number;
  label?: string;
  joined?: true;
}

/** One question of the review queue (kinds: `ReviewItem` in core/entities/corpus-merge.ts). */
export interface ReviewRecord extends ReviewEntity {
  kind: string;
  /** Paragraphs the decision affects. */
  paragraphs: number;
  note: string;
  candidates: ReviewEntity[];
}

/** `review.json`. */
export interface ReviewFile {
  version: number;
  items: ReviewRecord[];
}

/**
 * The names a build writes at the top of a dataset folder, files and folders: a folder holding
 * anything else is not a dataset of ours, and a build never replaces it.
 */
export const DATASET_ENTRIES: readonly string[] = [MANIFEST_PATH, GRAPH_PATH, STANDOUTS_PATH, REVIEW_PATH, 'entities', 'paragraphs', 'cables', 'search', 'paragraph-keys', 'paragraph-entities', 'cable-table'];

/** An entity as a standout names it: id, key (graph.json's node key, the URL's `node=`), label. */
export interface StandoutEntity {
  id: number;
  key: string;
  label: string;
}

/**
 * `standouts.json`: what stands out in the whole graph (src/core/standouts/). Community ids are
 * the nodes' `community`. Evidence is not copied here: a bridge's or a pair's paragraphs are the
 * intersection of the two entities' postings (entity records).
 */
export interface StandoutsFile {
  /** Highest participation coefficient over communities first (weighted by shared paragraphs). */
  brokers: (StandoutEntity & {
    community: number;
    score: number;
    strength: number;
    /** Communities it links to, heaviest first, each with its strongest neighbours there. */
    bridges: { community: number; weight: number; neighbors: (StandoutEntity & { weight: number })[] }[];
  })[];
  /** Pairs sharing ≥ minSupport paragraphs, cross-community first, then by NPMI; hub–hub pairs left out. */
  pairs: {
    source: number; target: number; sourceKey: string; targetKey: string; sourceLabel: string; targetLabel: string;
    /** Shared paragraphs. */
    weight: number;
    /** ln(p(ab) / (p(a)·p(b))) / −ln p(ab), with p(x) = paragraphs of x / paragraphs of the corpus. */
    npmi: number;
    communities: [number, number];
  }[];
  /**
   * Louvain rerun with other seeds on the graph the build clustered (its `clustered` entities:
   * those in pairs of weight ≥ the manifest's clustering.minWeight), scored against the build.
   */
  stability: {
    seeds: number[];
    resolution: number;
    clustered: number;
    /** Per build community with clustered members: mean over seeds of the best Jaccard match of its members; by id. */
    communities: { id: number; score: number; size: number }[];
    /** Least stable entities (score < 1), lowest first: the fraction of seeds in which each stays in its community's best match. */
    entities: (StandoutEntity & { community: number; score: number })[];
    /** For the page: the overview's clustered entities (ids, ascending) and, aligned with them, their scores and clusters. */
    overview: {
      nodes: number[];
      scores: number[];
      /** Per seed, each node's cluster named after the build community it matches (one to one), -1 for none. */
      partitions: number[][];
      /** Consensus over the seeds (pairs together in more than half of them), named the same way. */
      consensus: number[];
    };
  };
  options: { brokers: { minStrength: number; minShare: number }; pairs: { minSupport: number; hubs: number } };
}
