/**
 * The dataset a build writes and the explorer reads: a small manifest and overview graph that
 * open at once, plus shards fetched on demand (entity records with their neighbours and
 * paragraph lists, paragraph texts, cable headers, and a search index by prefix). The same
 * files come from the CLI (written to a folder) and from the in-browser import (kept in memory).
 *
 * Paths are relative to the dataset's root. Every file is JSON.
 */
import type { SerializedGraph } from 'graphology-types';

export const DATASET_VERSION = 2;

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

export interface Manifest {
  version: typeof DATASET_VERSION;
  corpus: CorpusFigures;
  /** Entity types present, most entities first, with counts (custom lexicon types included). */
  types: { type: string; entities: number; mentions: number }[];
  /** Communities by size, largest first (at most 1000); `id` is the value of the nodes' `community` attribute. */
  communities: { id: number; size: number; label: string; top: string[] }[];
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
  };
  /** Options the build ran with (resolution rules, lexicon and alias files), for the record. */
  options: Record<string, unknown>;
}

export interface CorpusFigures {
  files: number;
  cables: number;
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

/** Node attributes in graph.json (node key: the entity key). */
export interface NodeAttributes {
  id: number;
  label: string;
  type: string;
  /** Most frequent surface forms with counts (all of them are in the entity record). */
  aliases: [string, number][];
  mentions: number;
  paragraphs: number;
  cables: number;
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
 * A neighbour as listed in an entity record: [id, weight, key, label, type, community, paragraphs,
 * alpha]. With the entity's own paragraphs they give the edge's every weighting (`edgeAttributes`);
 * the disparity alpha is stored because it needs both ends' degree and strength.
 */
export type NeighborEntry = [id: number, weight: number, key: string, label: string, type: string, community: number, paragraphs: number, alpha: number];

/** One entity, in `entities/<shard>.json` (an array of records for consecutive ids). */
export interface EntityRecord {
  id: number;
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
