/**
 * Typed access to a built dataset (src/core/dataset/format.ts) through a `DataSource`: checks
 * the manifest and overview graph when they open, then fetches entity, paragraph, cable and
 * search shards on demand. A file that does not match the contract becomes a `DataError` of
 * kind 'corrupt' naming the file and what is wrong, so the page can say how to fix it.
 */
import {
  DATASET_VERSION,
  GRAPH_PATH,
  MANIFEST_PATH,
  cableShardOf,
  cableShardPath,
  entityShardOf,
  entityShardPath,
  paragraphShardOf,
  paragraphShardPath,
  paragraphKeysPath,
  searchPrefix,
  searchShardPath,
  CABLES_PER_SHARD,
  PARAGRAPHS_PER_SHARD,
  STANDOUTS_PATH,
} from '../../core/dataset/format.ts';
import type { StandoutsFile } from '../../core/dataset/format.ts';
import { checkStandouts } from '../../core/standouts/summary.ts';
import type { CableRecord, EntityRecord, GraphFile, Manifest, ParagraphKeysShard, ParagraphRecord, SearchEntry } from '../../core/dataset/format.ts';
import { decodeKeyShard, type DecodedKeys } from '../../core/dataset/paragraph-keys.ts';
import { DataError } from './data-source.ts';
import type { DataSource } from './data-source.ts';
import type { Pace } from '../pace.ts';
import { searchKey } from '../search/search-key.ts';

export interface Dataset {
  manifest: Manifest;
  graph: GraphFile;
  entity(id: number): Promise<EntityRecord>;
  paragraph(id: number): Promise<ParagraphRecord>;
  cable(index: number): Promise<CableRecord>;
  /** Search entries in the shard of `query` (normalised with `searchKey`). */
  searchShard(query: string): Promise<SearchEntry[]>;
  /** What stands out (standouts.json); null for a dataset built before it existed. */
  standouts?(): Promise<StandoutsFile | null>;
  /** Sort keys of paragraph-keys shard `shard`; null for a dataset written without them. */
  paragraphKeys(shard: number): Promise<DecodedKeys | null>;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function corrupt(path: string, what: string): DataError {
  return new DataError('corrupt', path, what);
}

/** Checks the fields the explorer relies on; throws a 'corrupt' DataError naming the first that is wrong. */
export function checkManifest(value: unknown): Manifest {
  if (!isObject(value)) throw corrupt(MANIFEST_PATH, 'expected a JSON object');
  if (value.version !== DATASET_VERSION) {
    throw corrupt(MANIFEST_PATH, `dataset version ${JSON.stringify(value.version)}, this explorer reads version ${DATASET_VERSION}: rebuild the dataset`);
  }
  for (const field of ['types', 'communities'] as const) {
    if (!Array.isArray(value[field])) throw corrupt(MANIFEST_PATH, `'${field}' should be an array`);
  }
  const shards = value.shards;
  if (!isObject(shards) || !Array.isArray(shards.entityStarts)) throw corrupt(MANIFEST_PATH, "'shards.entityStarts' should be an array");
  if (!isObject(value.corpus)) throw corrupt(MANIFEST_PATH, "'corpus' should be an object");
  return value as unknown as Manifest;
}

/** Checks that graph.json is a graphology serialisation whose nodes carry what the view draws. */
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

/** The record at `index` of a shard of consecutive records starting at `first`. */
function pick<T>(path: string, shard: unknown, index: number, first: number): T {
  if (!Array.isArray(shard)) throw corrupt(path, 'expected an array of records');
  const record = shard[index - first] as T | undefined;
  if (record === undefined) throw corrupt(path, `has no record ${index}`);
  return record;
}

/**
 * Opens the manifest and the overview graph; shards are read later, when asked for. Reading the
 * graph and checking it are steps of their own under `pace` (each takes tens of milliseconds on
 * a graph of 30,000 edges).
 */
export async function openDataset(source: DataSource, pace: Pace = async () => {}): Promise<Dataset> {
  const manifest = checkManifest(await source.get(MANIFEST_PATH));
  const parsed = await source.get(GRAPH_PATH);
  await pace('graph read');
  const graph = checkGraph(parsed);
  await pace('graph checked');
  const starts = manifest.shards.entityStarts;
  const decoded = new Map<number, Promise<DecodedKeys | null>>();
  return {
    manifest,
    graph,
    async entity(id) {
      const shard = entityShardOf(id, starts);
      const path = entityShardPath(shard);
      return pick<EntityRecord>(path, await source.get(path), id, starts[shard] ?? 0);
    },
    async paragraph(id) {
      const shard = paragraphShardOf(id);
      const path = paragraphShardPath(shard);
      return pick<ParagraphRecord>(path, await source.get(path), id, shard * PARAGRAPHS_PER_SHARD);
    },
    async cable(index) {
      const shard = cableShardOf(index);
      const path = cableShardPath(shard);
      return pick<CableRecord>(path, await source.get(path), index, shard * CABLES_PER_SHARD);
    },
    async standouts() {
      // Asked only of datasets that list it: an older one would answer with a 404 in the console.
      if (manifest.standouts !== STANDOUTS_PATH) return null;
      try {
        const checked = checkStandouts(await source.get(STANDOUTS_PATH));
        if (typeof checked === 'string') throw corrupt(STANDOUTS_PATH, checked);
        return checked;
      } catch (e) {
        if (e instanceof DataError && e.kind === 'missing') return null;
        throw e;
      }
    },
    paragraphKeys(shard) {
      let keys = decoded.get(shard);
      if (!keys) {
        const path = paragraphKeysPath(shard);
        keys = source.get(path).then(
          (raw) => {
            const s = raw as ParagraphKeysShard;
            if (!s || !Array.isArray(s.runs) || !Array.isArray(s.days) || !Array.isArray(s.entities)) throw corrupt(path, 'expected {cable, runs, days, entities}');
            try {
              return decodeKeyShard(s, shard);
            } catch (e) {
              throw corrupt(path, (e as Error).message);
            }
          },
          (e: unknown) => {
            if (e instanceof DataError && e.kind === 'missing') return null;
            throw e;
          },
        );
        decoded.set(shard, keys);
        keys.catch(() => decoded.delete(shard));
      }
      return keys;
    },
    async searchShard(query) {
      const path = searchShardPath(searchPrefix(searchKey(query)));
      try {
        const entries = await source.get(path);
        if (!Array.isArray(entries)) throw corrupt(path, 'expected an array of search entries');
        return entries as SearchEntry[];
      } catch (e) {
        // No shard for a prefix means no entity starts with it: an empty answer, not an error.
        if (e instanceof DataError && e.kind === 'missing') return [];
        throw e;
      }
    },
  };
}
