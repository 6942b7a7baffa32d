/**
 * Reading a built dataset (format.ts), wherever its files live: the CLI passes a loader over a
 * folder, the page one over HTTP or over the Map an in-browser build filled. The manifest is
 * checked when the dataset opens; everything else (graph.json, entity, paragraph, cable and
 * search shards) is read on first use and cached, so a command that needs two entities reads a
 * handful of files whatever the corpus size. A file that breaks the contract is a
 * `DatasetError` naming the file and what is wrong.
 *
 * Entities are named as a person would name them (`findEntity`): by id (the numeric id or the
 * key), label or alias, case-insensitively; an id always names its own entity first.
 */
import { entityKey } from '../entities/normalize.ts';
import { decodeKeyShard, type DecodedKeys } from './paragraph-keys.ts';
import { decodeParagraphEntities, type DecodedParagraphEntities } from './paragraph-entities.ts';
import { indexRecords, parseRecord, type RecordShard } from './record-shard.ts';
import { remembered } from './remembered.ts';
import { checkCableTableShard, decodeCableTable, type CableTable } from './cable-table.ts';
import {
  CABLES_PER_SHARD, CABLE_TABLE_INDEX_PATH, CABLE_TABLE_PER_SHARD, DATASET_VERSION, cableTableShardPath, GRAPH_PATH, MANIFEST_PATH, PARAGRAPHS_PER_SHARD, REVIEW_PATH,
  cableShardOf, cableShardPath, entityShardOf, entityShardPath, paragraphShardOf, paragraphShardPath,
  PARAGRAPH_KEYS_PER_SHARD, paragraphEntitiesPath, paragraphKeysPath, searchPrefix, searchShardPath,
  type CableRecord, type CableTableShard, type ParagraphKeysShard, type EntityRecord, type GraphFile, type Manifest, type ParagraphRecord, type SearchEntry, type ReviewFile,
} from './format.ts';

/**
 * The text of the file at `path` (relative to the dataset root). A missing file resolves to
 * `null` or rejects with a `DatasetError` of kind 'missing'; any other rejection is taken as
 * 'unreachable'.
 */
/**
 * Reads a dataset file: its text, or its bytes (UTF-8), which let paragraph records be picked
 * out of a shard without decoding it whole (record-shard.ts); null when there is no such file.
 */
export type DatasetLoader = (path: string) => Promise<string | Uint8Array | null>;

const utf8 = new TextDecoder();
const encoder = new TextEncoder();

/** Why a dataset file could not be used: each kind calls for different advice. */
export type DatasetErrorKind = 'missing' | 'corrupt' | 'unreachable';

export class DatasetError extends Error {
  constructor(
    readonly kind: DatasetErrorKind,
    readonly path: string,
    readonly detail: string,
  ) {
    super(`${path}: ${detail}`);
    this.name = 'DatasetError';
  }
}

/** A candidate entity for a name, as listed when the name is unknown or ambiguous. */
export interface EntityCandidate {
  id: number;
  key: string;
  label: string;
  type: string;
  paragraphs: number;
}

/** How a name matched: its entity's id (numeric or key), its label, or one of its aliases. */
export type EntityMatchKind = 'id' | 'key' | 'label' | 'alias';

export type EntityLookup =
  | { ok: true; entity: EntityRecord; by: EntityMatchKind }
  | { ok: false; name: string; problem: 'unknown' | 'ambiguous'; candidates: EntityCandidate[] };

export interface DatasetReader {
  readonly manifest: Manifest;
  /** Entities in the whole dataset (ids are 0 .. entityCount - 1). */
  readonly entityCount: number;
  /** The overview graph, read and checked on first call. */
  graph(): Promise<GraphFile>;
  entity(id: number): Promise<EntityRecord>;
  paragraph(id: number): Promise<ParagraphRecord>;
  cable(index: number): Promise<CableRecord>;
  /** Every cable record, in index order (reads every cable shard once). */
  cables(): Promise<CableRecord[]>;
  /** Search entries in the shard of `query` (any text; normalised here as the build normalised names). */
  searchShard(query: string): Promise<SearchEntry[]>;
  /** The entity a person means by `name` (id, key, label or alias, case-insensitively). */
  findEntity(name: string): Promise<EntityLookup>;
  /**
   * Each paragraph's cable and day for the paragraphs of one paragraph-keys shard (65,536 of
   * them in some kilobytes), decoded; null when the dataset has none. Lets slices decide which
   * paragraphs they hold without reading paragraph texts. Optional: a reader without it makes
   * slices read the paragraph records instead.
   */
  paragraphKeys?(shard: number): Promise<DecodedKeys | null>;
  /**
   * The cable table's index (every cable's facts, names and paragraph count in one file), or
   * null for a dataset built before it, whose readers use `cables()` instead. Optional like
   * `paragraphKeys`.
   */
  cableTable?(): Promise<CableTable | null>;
  /** The cable table's detail shard `shard` (subjects and matched references), checked. */
  cableTableShard?(shard: number): Promise<CableTableShard>;
  /**
   * The entities of each paragraph of one paragraph-entities shard (65,536 paragraphs), decoded;
   * null when the dataset has none. Lets a slice find an entity's neighbours without reading
   * paragraph texts. Optional like `paragraphKeys`.
   */
  paragraphEntities?(shard: number): Promise<DecodedParagraphEntities | null>;
}

/** Paragraph shards a reader keeps (about 270 KB of text each). */
const PARAGRAPH_SHARDS_KEPT = 64;

/** Candidates listed for an unknown or ambiguous name. */
const MAX_CANDIDATES = 10;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function corrupt(path: string, what: string): DatasetError {
  return new DatasetError('corrupt', path, what);
}

/** Checks review.json's shape (a list of items, each with a key, a kind, paragraphs and candidates); throws a 'corrupt' DatasetError naming what is wrong. */
export function checkReview(value: unknown): ReviewFile {
  if (!isObject(value) || !Array.isArray(value.items)) throw corrupt(REVIEW_PATH, "expected an object with an 'items' list");
  for (const [i, item] of value.items.entries()) {
    const r = item as Record<string, unknown>;
    if (!isObject(r) || typeof r.key !== 'string' || typeof r.kind !== 'string' || typeof r.paragraphs !== 'number' || !Array.isArray(r.candidates)
      || !r.candidates.every((c) => isObject(c) && typeof c.key === 'string')) {
      throw corrupt(REVIEW_PATH, `item ${i} needs a key, a kind, paragraphs and a list of candidates with keys`);
    }
  }
  return value as unknown as ReviewFile;
}

/** Checks the manifest's version and the fields readers rely on; throws a 'corrupt' DatasetError naming the first that is wrong. */
export function checkManifest(value: unknown): Manifest {
  if (!isObject(value)) throw corrupt(MANIFEST_PATH, 'expected a JSON object');
  if (value.version !== DATASET_VERSION) {
    throw corrupt(MANIFEST_PATH, `dataset version ${JSON.stringify(value.version)}, this reader reads version ${DATASET_VERSION}: rebuild the dataset`);
  }
  for (const field of ['types', 'communities'] as const) {
    if (!Array.isArray(value[field])) throw corrupt(MANIFEST_PATH, `'${field}' should be an array`);
  }
  const shards = value.shards;
  if (!isObject(shards) || !Array.isArray(shards.entityStarts) || shards.entityStarts.length === 0
    || !shards.entityStarts.every((s) => Number.isInteger(s))) {
    throw corrupt(MANIFEST_PATH, "'shards.entityStarts' should be a non-empty array of integers");
  }
  for (const field of ['paragraphs', 'cables'] as const) {
    if (!Number.isInteger(shards[field]) || (shards[field] as number) < 0) throw corrupt(MANIFEST_PATH, `'shards.${field}' should be a count`);
  }
  const starts = shards.cableParagraphStarts;
  if (starts !== undefined && (!Array.isArray(starts) || starts.length !== shards.cables
    || !starts.every((s, i) => Number.isInteger(s) && s >= 0 && (i === 0 || s >= (starts[i - 1] as number))))) {
    throw corrupt(MANIFEST_PATH, "'shards.cableParagraphStarts' should hold the first paragraph of each cable shard, ascending");
  }
  const entityShards = shards.paragraphEntities;
  if (entityShards !== undefined && (!Number.isInteger(entityShards) || (entityShards as number) < 0)) {
    throw corrupt(MANIFEST_PATH, "'shards.paragraphEntities' should be a count of shards, or absent");
  }
  const table = value.cableTable;
  if (table !== undefined && (!isObject(table) || table.index !== CABLE_TABLE_INDEX_PATH || !Number.isInteger(table.shards))) {
    throw corrupt(MANIFEST_PATH, `'cableTable' should be {"index": "${CABLE_TABLE_INDEX_PATH}", "shards": a count}, or absent`);
  }
  const corpus = value.corpus;
  if (!isObject(corpus)) throw corrupt(MANIFEST_PATH, "'corpus' should be an object");
  for (const field of ['cables', 'paragraphs', 'entities'] as const) {
    if (!Number.isInteger(corpus[field]) || (corpus[field] as number) < 0) throw corrupt(MANIFEST_PATH, `'corpus.${field}' should be a count`);
  }
  return value as unknown as Manifest;
}

/** Checks that graph.json is a graphology serialisation whose nodes and edges carry what views draw. */
export function checkGraph(value: unknown): GraphFile {
  if (!isObject(value)) throw corrupt(GRAPH_PATH, 'expected a JSON object (a graphology serialisation)');
  const { nodes, edges } = value;
  if (!Array.isArray(nodes)) throw corrupt(GRAPH_PATH, "'nodes' should be an array");
  if (!Array.isArray(edges)) throw corrupt(GRAPH_PATH, "'edges' should be an array");
  const keys = new Set<string>();
  for (const [i, node] of nodes.entries()) {
    if (!isObject(node) || typeof node.key !== 'string' || !isObject(node.attributes)) {
      throw corrupt(GRAPH_PATH, `node #${i} should be {key: string, attributes: {...}}`);
    }
    const a = node.attributes;
    for (const field of ['id', 'x', 'y', 'paragraphs', 'mentions', 'community'] as const) {
      if (typeof a[field] !== 'number' || !Number.isFinite(a[field])) throw corrupt(GRAPH_PATH, `node '${node.key}' has no numeric '${field}'`);
    }
    if (typeof a.label !== 'string' || typeof a.type !== 'string') throw corrupt(GRAPH_PATH, `node '${node.key}' needs a string 'label' and 'type'`);
    if (a.first !== undefined && (!Number.isInteger(a.first) || (a.first as number) < 0)) throw corrupt(GRAPH_PATH, `node '${node.key}' has 'first' ${JSON.stringify(a.first)}, not a paragraph id`);
    keys.add(node.key);
  }
  const pairs = new Set<string>();
  for (const [i, edge] of edges.entries()) {
    if (!isObject(edge) || typeof edge.source !== 'string' || typeof edge.target !== 'string' || !isObject(edge.attributes)) {
      throw corrupt(GRAPH_PATH, `edge #${i} should be {source, target, attributes}`);
    }
    if (!keys.has(edge.source) || !keys.has(edge.target)) throw corrupt(GRAPH_PATH, `edge #${i} joins a node that is not in the graph`);
    if (typeof edge.attributes.weight !== 'number') throw corrupt(GRAPH_PATH, `edge #${i} has no numeric 'weight'`);
    const pair = edge.source < edge.target ? `${edge.source}\u0000${edge.target}` : `${edge.target}\u0000${edge.source}`;
    if (edge.source === edge.target || pairs.has(pair)) throw corrupt(GRAPH_PATH, `edge #${i} is a self-loop or repeats a pair (${edge.source} – ${edge.target})`);
    pairs.add(pair);
  }
  return value as unknown as GraphFile;
}

/** The record for `index` in a shard of consecutive records starting at `first`, checked for the fields every reader uses. */
function pick<T>(path: string, shard: unknown, index: number, first: number, check: (record: Record<string, unknown>) => string | null): T {
  if (!Array.isArray(shard)) throw corrupt(path, 'expected an array of records');
  const record: unknown = shard[index - first];
  if (record === undefined) throw corrupt(path, `has no record ${index}`);
  return checked(path, record, index, check);
}

/** Record `index` of file `path` as `check` accepts it, or a 'corrupt' DatasetError saying why not. */
function checked<T>(path: string, record: unknown, index: number, check: (record: Record<string, unknown>) => string | null): T {
  if (!isObject(record)) throw corrupt(path, `record ${index} is not an object`);
  const wrong = check(record);
  if (wrong !== null) throw corrupt(path, `record ${index}: ${wrong}`);
  return record as T;
}

function checkEntity(id: number) {
  return (r: Record<string, unknown>): string | null => {
    if (r.id !== id) return `has id ${JSON.stringify(r.id)}`;
    if (typeof r.key !== 'string' || typeof r.label !== 'string' || typeof r.type !== 'string') return 'needs a string key, label and type';
    if (!Array.isArray(r.postings) || !Array.isArray(r.aliases) || !Array.isArray(r.neighbors)) return 'needs postings, aliases and neighbors arrays';
    return null;
  };
}

function checkParagraph(r: Record<string, unknown>): string | null {
  if (!Number.isInteger(r.cable) || typeof r.text !== 'string' || !Array.isArray(r.mentions)) return 'needs a cable index, a text and mentions';
  return null;
}

function checkCable(r: Record<string, unknown>): string | null {
  if (typeof r.id !== 'string' || !Array.isArray(r.refs) || !Array.isArray(r.tags) || !Array.isArray(r.paragraphs)) return 'needs an id, refs, tags and paragraphs';
  return null;
}

/** Opens a dataset: reads and checks the manifest now, every other file when first asked for. */
export async function openDatasetReader(load: DatasetLoader): Promise<DatasetReader> {
  const cache = new Map<string, Promise<unknown>>();
  const json = (path: string): Promise<unknown> => remembered(cache, path, () => readDatasetJson(load, path));
  const manifest = checkManifest(await json(MANIFEST_PATH));
  const starts = manifest.shards.entityStarts;
  const entityCount = manifest.corpus.entities;
  let graph: Promise<GraphFile> | undefined;
  let allCables: Promise<CableRecord[]> | undefined;
  const decodedKeys = new Map<number, Promise<DecodedKeys | null>>();
  /**
   * The paragraph shards read last, by shard (least recently used first), each indexed by record
   * (record-shard.ts) or, in another form, parsed whole: a hub's evidence touches thousands of
   * shards for a few records each, and keeping them all would hold the corpus's texts.
   */
  const paragraphShards = new Map<number, Promise<RecordShard | { records: unknown }>>();
  const paragraphShard = (shard: number): Promise<RecordShard | { records: unknown }> => {
    const path = paragraphShardPath(shard);
    const expected = Math.min(PARAGRAPHS_PER_SHARD, manifest.corpus.paragraphs - shard * PARAGRAPHS_PER_SHARD);
    const hit = remembered(paragraphShards, shard, () => readDatasetFile(load, path).then((content) => {
      const bytes = typeof content === 'string' ? encoder.encode(content) : content;
      return indexRecords(bytes, expected) ?? { records: parseDatasetJson(path, bytes) };
    }));
    // Last used, last in line to go: a Map iterates in the order keys were set.
    paragraphShards.delete(shard);
    paragraphShards.set(shard, hit);
    for (const old of paragraphShards.keys()) {
      if (paragraphShards.size <= PARAGRAPH_SHARDS_KEPT) break;
      paragraphShards.delete(old);
    }
    return hit;
  };
  const decodedEntities = new Map<number, Promise<DecodedParagraphEntities>>();
  let table: Promise<CableTable | null> | undefined;

  const reader: DatasetReader = {
    manifest,
    entityCount,
    graph() {
      graph ??= json(GRAPH_PATH).then(checkGraph);
      graph.catch(() => (graph = undefined));
      return graph;
    },
    async entity(id) {
      if (!Number.isInteger(id) || id < 0 || id >= entityCount) throw new RangeError(`entity ${id}: ids run from 0 to ${entityCount - 1}`);
      const shard = entityShardOf(id, starts);
      const path = entityShardPath(shard);
      return pick<EntityRecord>(path, await json(path), id, starts[shard]!, checkEntity(id));
    },
    async paragraph(id) {
      if (!Number.isInteger(id) || id < 0 || id >= manifest.corpus.paragraphs) throw new RangeError(`paragraph ${id}: ids run from 0 to ${manifest.corpus.paragraphs - 1}`);
      const shard = paragraphShardOf(id);
      const path = paragraphShardPath(shard);
      const first = shard * PARAGRAPHS_PER_SHARD;
      const read = await paragraphShard(shard);
      if (!('starts' in read)) return pick<ParagraphRecord>(path, read.records, id, first, checkParagraph);
      let record: unknown;
      try {
        record = parseRecord(read, id - first);
      } catch (e) {
        throw corrupt(path, `record ${id} is not valid JSON (${(e as Error).message})`);
      }
      return checked<ParagraphRecord>(path, record, id, checkParagraph);
    },
    async cable(index) {
      if (!Number.isInteger(index) || index < 0 || index >= manifest.corpus.cables) throw new RangeError(`cable ${index}: indexes run from 0 to ${manifest.corpus.cables - 1}`);
      const shard = cableShardOf(index);
      const path = cableShardPath(shard);
      return pick<CableRecord>(path, await json(path), index, shard * CABLES_PER_SHARD, checkCable);
    },
    cables() {
      allCables ??= Promise.all(Array.from({ length: manifest.corpus.cables }, (_, i) => reader.cable(i)));
      allCables.catch(() => (allCables = undefined));
      return allCables;
    },
    async searchShard(query) {
      const path = searchShardPath(searchPrefix(entityKey(query)));
      let entries: unknown;
      try {
        entries = await json(path);
      } catch (e) {
        // No shard for a prefix means no name starts with it: an empty answer, not an error.
        if (e instanceof DatasetError && e.kind === 'missing') return [];
        throw e;
      }
      if (!Array.isArray(entries)) throw corrupt(path, 'expected an array of search entries');
      return entries as SearchEntry[];
    },
    findEntity: (name) => findEntity(reader, name),
    cableTable() {
      if (!manifest.cableTable) return Promise.resolve(null);
      table ??= json(CABLE_TABLE_INDEX_PATH).then((raw) => {
        try {
          return decodeCableTable(raw, manifest.corpus.cables);
        } catch (e) {
          throw corrupt(CABLE_TABLE_INDEX_PATH, (e as Error).message);
        }
      });
      table.catch(() => (table = undefined));
      return table;
    },
    async cableTableShard(shard) {
      const count = Math.min(CABLE_TABLE_PER_SHARD, manifest.corpus.cables - shard * CABLE_TABLE_PER_SHARD);
      if (!manifest.cableTable || !Number.isInteger(shard) || count <= 0) throw new RangeError(`cable table shard ${shard}: not in this dataset`);
      const path = cableTableShardPath(shard);
      const raw = await json(path);
      try {
        return checkCableTableShard(raw, count, manifest.corpus.cables);
      } catch (e) {
        throw corrupt(path, (e as Error).message);
      }
    },
    paragraphKeys(shard) {
      const path = paragraphKeysPath(shard);
      return remembered(decodedKeys, shard, () => json(path).then((raw) => {
        const s = raw as ParagraphKeysShard;
        if (!isObject(s) || !Array.isArray(s.runs) || !Array.isArray(s.days) || !Array.isArray(s.entities)) throw corrupt(path, 'expected {cable, runs, days, entities}');
        try {
          return decodeKeyShard(s, shard, PARAGRAPH_KEYS_PER_SHARD);
        } catch (e) {
          throw corrupt(path, (e as Error).message);
        }
      }, (e: unknown) => {
        if (e instanceof DatasetError && e.kind === 'missing') return null;
        throw e;
      }));
    },
    paragraphEntities(shard) {
      const count = manifest.shards.paragraphEntities;
      if (count === undefined) return Promise.resolve(null);
      if (!Number.isInteger(shard) || shard < 0 || shard >= count) return Promise.reject(new RangeError(`paragraph entities shard ${shard}: not in this dataset`));
      const path = paragraphEntitiesPath(shard);
      // Read past the file cache: only the decoded arrays are kept, not the parsed lists too.
      return remembered(decodedEntities, shard, () => readDatasetJson(load, path).then((raw) => {
        try {
          return decodeParagraphEntities(raw, shard, manifest.corpus.paragraphs, entityCount);
        } catch (e) {
          throw corrupt(path, (e as Error).message);
        }
      }));
    },
  };
  return reader;
}

/** One dataset file, parsed; a missing, unreadable or malformed file is a DatasetError naming it. */
export async function readDatasetJson(load: DatasetLoader, path: string): Promise<unknown> {
  return parseDatasetJson(path, await readDatasetFile(load, path));
}

/** A dataset file as read; a DatasetError of kind 'missing' or 'unreachable' when it cannot be had. */
async function readDatasetFile(load: DatasetLoader, path: string): Promise<string | Uint8Array> {
  let content: string | Uint8Array | null;
  try {
    content = await load(path);
  } catch (e) {
    if (e instanceof DatasetError) throw e;
    throw new DatasetError('unreachable', path, (e as Error).message ?? String(e));
  }
  if (content === null) throw new DatasetError('missing', path, 'not found');
  return content;
}

function parseDatasetJson(path: string, content: string | Uint8Array): unknown {
  try {
    return JSON.parse(typeof content === 'string' ? content : utf8.decode(content)) as unknown;
  } catch (e) {
    throw corrupt(path, `not valid JSON (${(e as Error).message})`);
  }
}

const candidate = (e: EntityRecord): EntityCandidate => ({ id: e.id, key: e.key, label: e.label, type: e.type, paragraphs: e.paragraphs });

/** Most paragraphs first, then id: the order candidates are listed in. */
const byWeight = (x: EntityCandidate, y: EntityCandidate) => y.paragraphs - x.paragraphs || x.id - y.id;

/**
 * Resolves a name, in tiers: a numeric id or an entity key names that entity; else the entities
 * whose label matches; else those with the name among their aliases. Matching compares names
 * normalised as the build normalised them (case, spacing, trailing punctuation). One entity in
 * the first tier that has any is the answer; several are ambiguous; none anywhere is unknown,
 * with the entities whose names start like it as candidates.
 */
export async function findEntity(reader: Pick<DatasetReader, 'entityCount' | 'entity' | 'searchShard'>, name: string): Promise<EntityLookup> {
  const trimmed = name.trim();
  if (/^\d+$/.test(trimmed)) {
    const id = Number(trimmed);
    if (id < reader.entityCount) return { ok: true, entity: await reader.entity(id), by: 'id' };
  }
  const wanted = entityKey(trimmed);
  if (wanted === '') return { ok: false, name, problem: 'unknown', candidates: [] };
  const entries = await reader.searchShard(wanted);
  const exact = [...new Set(entries.filter((s) => s[0] === wanted).map((s) => s[1]))];
  const records = await Promise.all(exact.map((id) => reader.entity(id)));
  const byKey = records.filter((e) => e.key === wanted);
  if (byKey.length === 1) return { ok: true, entity: byKey[0]!, by: 'key' };
  for (const [by, test] of [
    ['label', (e: EntityRecord) => entityKey(e.label) === wanted],
    ['alias', (e: EntityRecord) => e.aliases.some(([alias]) => entityKey(alias) === wanted)],
  ] as const) {
    const found = records.filter(test);
    if (found.length === 1) return { ok: true, entity: found[0]!, by };
    if (found.length > 1) return { ok: false, name, problem: 'ambiguous', candidates: found.map(candidate).sort(byWeight).slice(0, MAX_CANDIDATES) };
  }
  // Unknown: suggest the entities with a name starting like it (one per entity, most mentioned first).
  const seen = new Map<number, EntityCandidate>();
  for (const [text, id, label, type, paragraphs] of entries) {
    if (text.startsWith(wanted) && !seen.has(id)) seen.set(id, { id, key: '', label, type, paragraphs });
  }
  const suggestions = [...seen.values()].sort(byWeight).slice(0, MAX_CANDIDATES);
  for (const s of suggestions) s.key = (await reader.entity(s.id)).key;
  return { ok: false, name, problem: 'unknown', candidates: suggestions };
}

/** One line per candidate, for messages: `Evo Morales (PER, id 12, key evo morales, 40 paragraphs)`. */
export function describeCandidates(candidates: readonly EntityCandidate[]): string {
  return candidates.map((c) => `${c.label} (${c.type}, id ${c.id}, key '${c.key}', ${c.paragraphs} paragraphs)`).join('; ');
}
