/**
 * Typed access to a built dataset (src/core/dataset/format.ts) through a `DataSource`: checks
 * the manifest and overview graph when they open (with the core reader's checks, the CLI's
 * too: src/core/dataset/read-dataset.ts), then fetches entity, paragraph, cable and
 * search shards on demand. A file that does not match the contract becomes a `DataError` of
 * kind 'corrupt' naming the file and what is wrong, so the page can say how to fix it.
 */
import {
  DATASET_VERSION,
  GRAPH_PATH,
  MANIFEST_PATH,
  cableShardOf,
  cableShardOfParagraph,
  cableShardPath,
  entityShardOf,
  entityShardPath,
  paragraphShardOf,
  paragraphShardPath,
  paragraphKeysPath,
  paragraphEntitiesPath,
  searchPrefix,
  searchShardPath,
  CABLES_PER_SHARD,
  PARAGRAPHS_PER_SHARD,
  STANDOUTS_PATH,
  REVIEW_PATH,
  CABLE_TABLE_INDEX_PATH,
  CABLE_TABLE_PER_SHARD,
  cableTableShardPath,
} from '../../core/dataset/format.ts';
import type { ReviewFile, StandoutsFile } from '../../core/dataset/format.ts';
import { checkStandouts } from '../../core/standouts/summary.ts';
import type { CableRecord, CableTableShard, EntityRecord, GraphFile, Manifest, ParagraphKeysShard, ParagraphRecord, SearchEntry } from '../../core/dataset/format.ts';
import { decodeKeyShard, type DecodedKeys } from '../../core/dataset/paragraph-keys.ts';
import { decodeParagraphEntities, type DecodedParagraphEntities } from '../../core/dataset/paragraph-entities.ts';
import { checkCableTableShard, decodeCableTable, type CableTable } from '../../core/dataset/cable-table.ts';
import { remembered } from '../../core/dataset/remembered.ts';
import { DatasetError, checkGraph, checkManifest, checkReview } from '../../core/dataset/read-dataset.ts';
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
  /** A paragraph or a cable already read (its shard came in), else undefined: no wait for a turn. */
  loadedParagraph(id: number): ParagraphRecord | undefined;
  loadedCable(index: number): CableRecord | undefined;
  /** Search entries in the shard of `query` (normalised with `searchKey`). */
  searchShard(query: string): Promise<SearchEntry[]>;
  /** What stands out (standouts.json); null for a dataset built before it existed. */
  standouts?(): Promise<StandoutsFile | null>;
  /** The review queue (review.json); null for a dataset built before it existed. */
  review?(): Promise<ReviewFile | null>;
  /** Sort keys of paragraph-keys shard `shard`; null for a dataset written without them. */
  paragraphKeys(shard: number): Promise<DecodedKeys | null>;
  /** The entities of each paragraph of a paragraph-entities shard; null for a dataset written without them. */
  paragraphEntities(shard: number): Promise<DecodedParagraphEntities | null>;
  /** The cable table's index (every cable's facts in one file); null for a dataset built before it. */
  cableTable(): Promise<CableTable | null>;
  /** A detail shard of the cable table (subjects and matched references). */
  cableTableShard(shard: number): Promise<CableTableShard>;
}

function corrupt(path: string, what: string): DataError {
  return new DataError('corrupt', path, what);
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
  const cableStarts = manifest.shards.cableParagraphStarts;
  const decoded = new Map<number, Promise<DecodedKeys | null>>();
  const decodedEntities = new Map<number, Promise<DecodedParagraphEntities | null>>();
  let table: Promise<CableTable | null> | undefined;
  const cables = manifest.corpus.cables;
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
      // Its cable will be wanted next: fetched alongside rather than after (a failure here is
      // the later read's to report).
      if (cableStarts?.length) source.get(cableShardPath(cableShardOfParagraph(id, cableStarts))).catch(() => undefined);
      return pick<ParagraphRecord>(path, await source.get(path), id, shard * PARAGRAPHS_PER_SHARD);
    },
    async cable(index) {
      const shard = cableShardOf(index);
      const path = cableShardPath(shard);
      return pick<CableRecord>(path, await source.get(path), index, shard * CABLES_PER_SHARD);
    },
    loadedParagraph(id) {
      const shard = paragraphShardOf(id);
      const path = paragraphShardPath(shard);
      const loaded = source.peek(path);
      return loaded === undefined ? undefined : pick<ParagraphRecord>(path, loaded, id, shard * PARAGRAPHS_PER_SHARD);
    },
    loadedCable(index) {
      const shard = cableShardOf(index);
      const path = cableShardPath(shard);
      const loaded = source.peek(path);
      return loaded === undefined ? undefined : pick<CableRecord>(path, loaded, index, shard * CABLES_PER_SHARD);
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
    async review() {
      // Asked only of datasets that list it, as standouts.json.
      if (manifest.review !== REVIEW_PATH) return null;
      try {
        return checkReview(await source.get(REVIEW_PATH));
      } catch (e) {
        if (e instanceof DataError && e.kind === 'missing') return null;
        if (e instanceof DatasetError) throw corrupt(REVIEW_PATH, e.detail);
        throw e;
      }
    },
    paragraphKeys(shard) {
      const path = paragraphKeysPath(shard);
      return remembered(decoded, shard, () => source.get(path).then(
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
      ));
    },
    paragraphEntities(shard) {
      // Asked only of datasets that list them: an older one finds neighbours from paragraph records.
      if (manifest.shards.paragraphEntities === undefined) return Promise.resolve(null);
      const path = paragraphEntitiesPath(shard);
      return remembered(decodedEntities, shard, () => source.get(path).then((raw) => {
        try {
          return decodeParagraphEntities(raw, shard, manifest.corpus.paragraphs, manifest.corpus.entities);
        } catch (e) {
          throw corrupt(path, (e as Error).message);
        }
      }));
    },
    cableTable() {
      // Asked only of datasets that list it: an older one reads every cable shard instead.
      if (!manifest.cableTable) return Promise.resolve(null);
      table ??= source.get(CABLE_TABLE_INDEX_PATH).then((raw) => {
        try {
          return decodeCableTable(raw, cables);
        } catch (e) {
          throw corrupt(CABLE_TABLE_INDEX_PATH, (e as Error).message);
        }
      });
      table.catch(() => (table = undefined));
      return table;
    },
    async cableTableShard(shard) {
      const path = cableTableShardPath(shard);
      const raw = await source.get(path);
      try {
        return checkCableTableShard(raw, Math.min(CABLE_TABLE_PER_SHARD, cables - shard * CABLE_TABLE_PER_SHARD), cables);
      } catch (e) {
        throw corrupt(path, (e as Error).message);
      }
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
