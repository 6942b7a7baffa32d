/**
 * The cable table (format.ts, `cable-table/`): written once at build time from what the build
 * keeps of each cable (`CableTableRow`), read by slices and `refs` instead of the cable shards.
 * The index holds each cable's facts in columns (a few tens of bytes per cable); the detail
 * shards its subject and its references, matched among the dataset's cables when built, so a
 * reader answers `refs` from one index and a shard or two, with no global computation.
 */
import { cableKey, cableRefGraphOf, keyText, listedIdKey, parseKeyText, type CableKey, type CableNames } from '../slices/cable-refs.ts';
import { cableFacts, type CableFacts } from '../slices/slice-index.ts';
import {
  CABLE_TABLE_INDEX_PATH, CABLE_TABLE_PER_SHARD, cableTableShardPath,
  type CableRecord, type CableTableIndex, type CableTableShard,
} from './format.ts';
import { Interner } from '../interner.ts';

/** What the table keeps of one cable. */
export interface CableTableRow {
  facts: CableFacts;
  header: string;
  key: CableKey | null;
  paragraphs: number;
  subject: string;
  refs: string[];
}

export function cableTableRow(cable: CableRecord): CableTableRow {
  return { facts: cableFacts(cable), header: cable.id, key: cableKey(cable), paragraphs: cable.paragraphs[1], subject: cable.subject, refs: cable.refs };
}

/** The table's files, path → JSON, for the rows of every cable in index order. */
export function cableTableFiles(rows: readonly CableTableRow[]): Map<string, string> {
  const origins = new Interner();
  const classifications = new Interner();
  const tags = new Interner();
  const index: CableTableIndex = {
    cables: rows.length, ids: [], headers: [], dates: [], origins: origins.values, classifications: classifications.values, tagValues: tags.values,
    origin: [], classification: [], tags: [], paragraphs: [], keys: [],
  };
  rows.forEach((row, c) => {
    const f = row.facts;
    index.ids.push(f.id);
    index.headers.push(row.header);
    index.dates.push(f.date);
    index.origin.push(origins.id(f.origin));
    index.classification.push(classifications.id(f.classification));
    index.tags.push(f.tags.map((t) => tags.id(t)));
    index.paragraphs.push(row.paragraphs);
    const spelled = listedIdKey(f.id);
    const same = row.key === null ? spelled === null : spelled !== null && keyText(spelled) === keyText(row.key);
    if (!same) index.keys.push([c, row.key === null ? null : keyText(row.key)]);
  });
  const graph = cableRefGraphOf(rows.map((r) => r.key), rows.map((r) => r.refs));
  const files = new Map<string, string>([[CABLE_TABLE_INDEX_PATH, JSON.stringify(index)]]);
  for (let first = 0, n = 0; first < rows.length; first += CABLE_TABLE_PER_SHARD, n++) {
    const end = Math.min(first + CABLE_TABLE_PER_SHARD, rows.length);
    const shard: CableTableShard = { subjects: [], references: [], referencedBy: [] };
    for (let c = first; c < end; c++) {
      shard.subjects.push(rows[c]!.subject);
      shard.references.push(graph.references[c]!.map((r) => [r.ref, r.cable]));
      shard.referencedBy.push(graph.referencedBy[c]!.map((r) => [r.cable, r.ref]));
    }
    files.set(cableTableShardPath(n), JSON.stringify(shard));
  }
  return files;
}

export const cableTableShards = (cables: number) => Math.ceil(cables / CABLE_TABLE_PER_SHARD);

/** The index, checked and ready to answer per cable. */
export interface CableTable {
  readonly cables: number;
  facts(cable: number): CableFacts;
  /** First paragraph id and number of paragraphs (first is where the previous cable's end, even for none). */
  paragraphs(cable: number): [first: number, count: number];
  names(cable: number): CableNames;
}

const isArrayOf = (v: unknown, n: number, test: (x: unknown) => boolean) => Array.isArray(v) && v.length === n && v.every(test);
const isString = (x: unknown) => typeof x === 'string';
const isCount = (x: unknown) => Number.isInteger(x) && (x as number) >= 0;

/** Checks `cable-table/index.json` against the dataset's cable count; the error says what is wrong (the caller names the file). */
export function decodeCableTable(raw: unknown, cables: number): CableTable {
  const t = raw as CableTableIndex;
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new Error('expected a JSON object of columns');
  if (t.cables !== cables) throw new Error(`lists ${JSON.stringify(t.cables)} cables, the manifest ${cables}`);
  for (const column of ['ids', 'headers', 'dates'] as const) {
    if (!isArrayOf(t[column], cables, isString)) throw new Error(`'${column}' should list ${cables} strings`);
  }
  for (const [column, values] of [['origin', 'origins'], ['classification', 'classifications']] as const) {
    if (!Array.isArray(t[values]) || !t[values].every(isString)) throw new Error(`'${values}' should be a list of strings`);
    const n = t[values].length;
    if (!isArrayOf(t[column], cables, (x) => isCount(x) && (x as number) < n)) throw new Error(`'${column}' should list ${cables} indexes into '${values}'`);
  }
  if (!Array.isArray(t.tagValues) || !t.tagValues.every(isString)) throw new Error("'tagValues' should be a list of strings");
  const tagCount = t.tagValues.length;
  if (!isArrayOf(t.tags, cables, (x) => Array.isArray(x) && x.every((i) => isCount(i) && (i as number) < tagCount))) throw new Error(`'tags' should list ${cables} lists of indexes into 'tagValues'`);
  if (!isArrayOf(t.paragraphs, cables, isCount)) throw new Error(`'paragraphs' should list ${cables} counts`);
  const keys = new Map<number, CableKey | null>();
  if (!Array.isArray(t.keys)) throw new Error("'keys' should be a list of [cable, key]");
  for (const entry of t.keys) {
    const ok = Array.isArray(entry) && isCount(entry[0]) && (entry[0] as number) < cables && (entry[1] === null || (isString(entry[1]) && parseKeyText(entry[1] as string) !== null));
    if (!ok) throw new Error(`'keys' entry ${JSON.stringify(entry)} should be [cable, key like 06LIMA2158 or null]`);
    keys.set(entry[0], entry[1] === null ? null : parseKeyText(entry[1])!);
  }
  const first = new Float64Array(cables);
  for (let c = 1; c < cables; c++) first[c] = first[c - 1]! + t.paragraphs[c - 1]!;
  return {
    cables,
    facts: (c) => ({
      id: t.ids[c]!, date: t.dates[c]!, origin: t.origins[t.origin[c]!]!, classification: t.classifications[t.classification[c]!]!,
      tags: t.tags[c]!.map((i) => t.tagValues[i]!),
    }),
    paragraphs: (c) => [first[c]!, t.paragraphs[c]!],
    names: (c) => ({ id: t.ids[c]!, header: t.headers[c]!, key: () => (keys.has(c) ? keys.get(c)! : listedIdKey(t.ids[c]!)) }),
  };
}

/** Checks one detail shard (`count` cables, references naming cables below `cables`); the error says what is wrong. */
export function checkCableTableShard(raw: unknown, count: number, cables: number): CableTableShard {
  const s = raw as CableTableShard;
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new Error('expected {subjects, references, referencedBy}');
  if (!isArrayOf(s.subjects, count, isString)) throw new Error(`'subjects' should list ${count} strings`);
  const cable = (x: unknown) => isCount(x) && (x as number) < cables;
  if (!isArrayOf(s.references, count, (l) => Array.isArray(l) && l.every((r) => Array.isArray(r) && isString(r[0]) && (r[1] === null || cable(r[1]))))) {
    throw new Error(`'references' should list ${count} lists of [ref, cable or null]`);
  }
  if (!isArrayOf(s.referencedBy, count, (l) => Array.isArray(l) && l.every((r) => Array.isArray(r) && cable(r[0]) && isString(r[1])))) {
    throw new Error(`'referencedBy' should list ${count} lists of [cable, ref]`);
  }
  return s;
}
