/**
 * Builds the explorer's dataset (see format.ts) from resolved cables, streaming: paragraph texts
 * and cable headers go to their shards as cables arrive, so memory holds entities and pairs, not
 * text. `finish` then counts pairs, finds communities, lays out the overview and writes the
 * entity records, the search index, graph.json and the manifest. Files go to a sink: a folder
 * for the CLI, a Map in a browser worker. The same input gives the same bytes.
 */
import { metadataTags, type CableMetadata } from '../cable/metadata.ts';
import type { Diagnostic } from '../diagnostics.ts';
import type { ResolvedCable } from '../entities/model.ts';
import { chooseLabel, entityKey, majorityType } from '../entities/normalize.ts';
import { scopedLabel } from '../entities/scoped.ts';
import { CorpusIndex, type CorpusTables, type EntityMerge } from '../graph/corpus-index.ts';
import { planMerges, type Decided, type MergePlan } from '../entities/corpus-merge.ts';
import { cableIdCountry, postCountry } from '../entities/posts.ts';
import { buildAdjacency, type Adjacency } from '../graph/adjacency.ts';
import { DEFAULT_COMMUNITY_OPTIONS, clusteredEdges, communitiesOf, type CommunityOptions, type Communities } from '../graph/communities.ts';
import { DEFAULT_OVERVIEW_OPTIONS, selectOverview, type OverviewOptions } from '../graph/overview.ts';
import { DEFAULT_LAYOUT_OPTIONS, runLayoutJob, type LayoutOptions, type LayoutRunner } from '../graph/layout.ts';
import { pairAlpha } from './edge-attributes.ts';
import { overviewGraph, overviewLayoutJob } from './overview-graph.ts';
import { searchEntries } from './search-index.ts';
import { datasetKey } from './dataset-key.ts';
import { DEFAULT_STANDOUTS_OPTIONS, computeStandouts } from '../standouts/standouts.ts';
import { clusteringJob, runClusteringInPlace, type ClusteringRunner } from './clustering-job.ts';
import { round } from '../numbers.ts';
import { growableUint32 } from '../graph/growable.ts';
import { characteristicScores, distinctNames, topValues } from './community-names.ts';
import { paragraphKeyShards } from './paragraph-keys.ts';
import { paragraphEntityShards } from './paragraph-entities.ts';
import { tallyCable, type CableTally } from '../graph/cable-tally.ts';
import { ParagraphShardBytes } from './paragraph-shard-bytes.ts';
import { remapMentions } from './remap-mentions.ts';
import { cableTableFiles, cableTableRow, cableTableShards, type CableTableRow } from './cable-table.ts';
import { dayNumber } from '../days.ts';
import {
  CABLES_PER_SHARD, CABLE_TABLE_INDEX_PATH, DATASET_VERSION, GRAPH_PATH, MANIFEST_PATH, PARAGRAPHS_PER_SHARD, REVIEW_PATH, STANDOUTS_PATH,
  cableShardPath, entityShardPath, paragraphEntitiesPath, paragraphKeysPath, paragraphShardPath, searchShardPath,
  type CableRecord, type CorpusFigures, type ReviewEntity, type ReviewFile, type EntityRecord, type Manifest, type ParagraphRecord,
} from './format.ts';
import { Interner } from '../interner.ts';
import { Vocabulary } from '../graph/vocabulary.ts';

/** Where dataset files go. */
export interface DatasetSink {
  /** Writes a file: text, or (the rewritten paragraph shards of a sink with `read`) UTF-8 bytes. */
  write(path: string, content: string | Uint8Array): void | Promise<void>;
  /**
   * Reads back a file written before, if the sink can: paragraph shards are rewritten once
   * entities merge after reading. A sink without it has the builder keep the shards until then,
   * and is written text only.
   */
  read?(path: string): string | Uint8Array | Promise<string | Uint8Array>;
}

/** A sink into a Map of texts (the page's import, tests): it cannot read, so it is written text only. */
export function memorySink(files: Map<string, string>): DatasetSink {
  return { write: (path, content) => void files.set(path, typeof content === 'string' ? content : utf8.decode(content)) };
}


export interface DatasetOptions {
  overview: OverviewOptions;
  communities: CommunityOptions;
  layout: LayoutOptions;
  /** Neighbours listed in each entity record. */
  neighbors: number;
  /** Build settings recorded in the manifest (resolution rules, lexicon and alias files). */
  record: Record<string, unknown>;
  /** Labels the user chose, by entity key (an alias file's canonical forms): they win over the surface forms. */
  labels: ReadonlyMap<string, string>;
  /** The user's decisions (an alias file's kept-apart, different and type lines), which the corpus-wide merge obeys. */
  decided?: Decided;
  /**
   * Where the overview's layout runs: in this thread by default; the CLI passes a worker thread, so
   * that the layout runs while the entity and search shards are written.
   */
  layoutRunner?: LayoutRunner;
  /**
   * Where Louvain and the standouts' seeds run: in this thread by default; the CLI passes a worker
   * thread, so that the seeds run while the shards are written and the overview laid out.
   */
  clusteringRunner?: ClusteringRunner;
  /**
   * Where the paragraph shards are rewritten with entity ids once every cable is read: in this
   * thread through the sink by default; the CLI passes a worker thread that rewrites the folder's
   * files while this thread writes the entity and search shards. Used only with a sink that can
   * read (the others have their shards held here).
   */
  rewriteRunner?: RewriteRunner;
  /** Whether to find what stands out (standouts.json); without it the build skips the seeds too. */
  standouts: boolean;
}

/** The paragraph shards to rewrite, each with `remapMentions(shard, keyStart, ids)`. */
export interface RewriteJob {
  paths: string[];
  keyStart: Uint32Array;
  ids: Uint32Array;
}

export type RewriteRunner = (job: RewriteJob) => Promise<void>;

export const DEFAULT_DATASET_OPTIONS: DatasetOptions = {
  overview: DEFAULT_OVERVIEW_OPTIONS,
  communities: DEFAULT_COMMUNITY_OPTIONS,
  layout: DEFAULT_LAYOUT_OPTIONS,
  neighbors: 30,
  standouts: true,
  record: {},
  labels: new Map(),
};

const encoder = new TextEncoder();
const utf8 = new TextDecoder();

/** The producer number of the builder's own tallies; the callers' producers (worker threads) count from 0. */
const OWN_VOCABULARY = -1;
/** Entity shards close past this many characters of JSON (a hub's postings may fill one alone). */
const ENTITY_SHARD_CHARS = 256 * 1024;
const ENTITY_SHARD_RECORDS = 1024;

/**
 * Phases after reading, in order: 'merge' plans the corpus-wide resolution, 'rewrite' writes the
 * paragraph shards again with entity ids, 'keys' the paragraph keys, paragraph entities, cable
 * table and review queue. ('layout' runs beside 'entities' to 'standouts'; a rewrite on a thread
 * runs beside 'communities' to 'keys', and 'rewrite' comes last, timing what is left of it.)
 */
export type BuildPhase = 'merge' | 'pairs' | 'rewrite' | 'communities' | 'layout' | 'entities' | 'search' | 'standouts' | 'keys' | 'graph';

/**
 * Seconds per phase, and `seeds`: the standouts' Louvain reruns, wherever they ran (inside
 * 'communities' in place, beside 'entities' and 'search' on a thread): 'standouts' is the rest of
 * their cost (waiting for the seeds if they are not done, then brokers, pairings, scores).
 */
export type PhaseSeconds = Record<BuildPhase, number> & { seeds?: number };

export interface BuildSummary {
  manifest: Manifest;
  /** Seconds spent in each phase of `finish` (not written anywhere: files stay reproducible). */
  seconds: PhaseSeconds;
  pairOccurrences: number;
}

export class DatasetBuilder {
  private readonly index = new CorpusIndex();
  /** The paragraph shard being written. */
  private readonly paragraphShard = new ParagraphShardBytes();
  /**
   * The entity of each cable's keys, cable after cable, from `cableKeyStart[c]`: the records'
   * mentions name their key by its number in their cable until the shards are rewritten.
   */
  private readonly cableKeys = growableUint32(1 << 16);
  private readonly cableKeyStart = growableUint32(1 << 12);
  private cableBuffer: CableRecord[] = [];
  /** What the cable table keeps of each cable (a few hundred bytes where the record holds more). */
  private readonly cableRows: CableTableRow[] = [];
  private paragraphShards = 0;
  /** Paragraph shards kept for a sink that cannot read them back (see `DatasetSink.read`). */
  private readonly heldShards = new Map<string, Uint8Array>();
  /** Acronym definitions across cables: `acronym\tlong\ttype` → count. */
  private readonly definitions = new Map<string, number>();
  private cableShards = 0;
  /** The first paragraph id of each cable shard's cables (paragraphs come in cable order). */
  private readonly cableShardParagraphs: number[] = [];
  /** Per cable, its post and year (indexes into `places` and `years`), for the communities' subtitles. */
  private readonly cablePlace: number[] = [];
  private readonly cableYear: number[] = [];
  private readonly places = new Interner();
  private readonly years = new Interner();
  /** The cable of each paragraph. */
  private readonly paragraphCable = growableUint32(1 << 12);
  /** First file of each cable text, and of each metadata.csv id, seen so far: a second one is a duplicate. */
  private readonly fileOfDigest = new Map<string, string>();
  private readonly fileOfListedId = new Map<string, string>();
  /** For the paragraph sort keys: each cable's date as a day number. */
  private readonly cableDays: (number | null)[] = [];
  /** Numbers the words of the tallies made here, for cables given without one. */
  private readonly vocabulary = new Vocabulary(OWN_VOCABULARY);
  private readonly figures: CorpusFigures = {
    files: 0, cables: 0, duplicates: 0, paragraphs: 0,
    mentions: { kept: 0, dropped: {}, header: 0, lexicon: 0 },
    rules: {}, entities: 0, pairs: 0, rejectedFiles: 0, diagnostics: {},
  };

  constructor(private readonly sink: DatasetSink, private readonly options: DatasetOptions = DEFAULT_DATASET_OPTIONS) {
    this.cableKeyStart.push(0);
  }

  /**
   * Adds a cable, with its row of the corpus metadata if there is one. A cable already added from
   * another file (the same text, or the same metadata.csv id with a row naming each file) is
   * counted once: it adds nothing, and the `duplicate-cable` warning returned names both files.
   * `tally`, when given, is `tallyCable(cable.paragraphs, …)` made where the cable was resolved
   * (the CLI's worker threads), so the main thread, which indexes every cable in turn, neither
   * escapes nor encodes the texts; the cable's paragraphs are then not read (a worker sends none).
   */
  async addCable(cable: ResolvedCable, metadata?: CableMetadata, tally?: CableTally): Promise<Diagnostic[]> {
    this.figures.files++;
    const duplicate = this.duplicateOf(cable, metadata);
    if (duplicate !== null) {
      // Not counted, but its producer numbered its words for it: later tallies use them.
      if (tally !== undefined) this.index.learnWords(tally);
      this.figures.duplicates++;
      this.countDiagnostics([duplicate]);
      return [duplicate];
    }
    this.countDiagnostics(cable.diagnostics);
    for (const [rule, n] of Object.entries(cable.ruleCounts)) this.figures.rules[rule] = (this.figures.rules[rule] ?? 0) + n;
    for (const d of cable.definitions ?? []) {
      const k = `${d.acronym}\t${d.long}\t${d.type}`;
      this.definitions.set(k, (this.definitions.get(k) ?? 0) + 1);
    }
    const post = (metadata?.origin ? postCountry(metadata.origin) : null) ?? (cable.header.origin ? postCountry(cable.header.origin) : null) ?? cableIdCountry(cable.file);
    const index = this.index.addCable(post?.key ?? '', dayNumber(metadata?.date ?? ''));
    if (this.cableBuffer.length === 0) this.cableShardParagraphs.push(this.paragraphCable.length);
    const counted = tally ?? tallyCable(cable.paragraphs, this.vocabulary);
    const entities = this.index.addMentions(counted);
    for (const e of entities) this.cableKeys.push(e);
    this.cableKeyStart.push(this.cableKeys.length);
    for (const n of counted.lexicon) this.figures.mentions.lexicon += n;
    this.figures.mentions.kept += counted.kept;
    for (const [why, n] of counted.dropped) this.figures.mentions.dropped[why] = (this.figures.mentions.dropped[why] ?? 0) + n;
    const paragraphs = counted.local.length;
    const first = this.paragraphCable.length;
    for (let k = 0; k < paragraphs; k++) {
      this.index.addParagraph(counted.local[k]!, entities);
      this.paragraphCable.push(index);
      this.paragraphShard.add(index, counted.records.subarray(k === 0 ? 0 : counted.recordEnds[k - 1]!, counted.recordEnds[k]!));
      if (this.paragraphShard.count === PARAGRAPHS_PER_SHARD) await this.flushParagraphs();
    }
    this.figures.mentions.header += cable.headerMentions;
    this.cablePlace.push(this.places.id(metadata?.origin || cable.header.origin));
    this.cableDays.push(dayNumber(metadata?.date ?? ''));
    this.cableYear.push(this.years.id(/^\d{4}/.exec(metadata?.date ?? '')?.[0] ?? ''));
    const record: CableRecord = {
      ...cable.header, id: cable.id, file: cable.file,
      listing: metadata ? { id: metadata.id, date: metadata.date, origin: metadata.origin, classification: metadata.classification, tags: metadataTags(metadata.tags) } : null,
      paragraphs: [paragraphs === 0 ? 0 : first, paragraphs],
    };
    this.cableBuffer.push(record);
    this.cableRows.push(cableTableRow(record));
    if (this.cableBuffer.length === CABLES_PER_SHARD) await this.flushCables();
    return [];
  }

  /**
   * The warning for a cable seen before, or null. The id a cable's header gives is no proof:
   * different cables share one (the same serial in two years, a header naming another post's
   * cable), so only the metadata.csv id of a row joined by this very file name counts.
   */
  private duplicateOf(cable: ResolvedCable, metadata: CableMetadata | undefined): Diagnostic | null {
    const warn = (first: string, why: string): Diagnostic => ({
      file: cable.file, line: 0, severity: 'warning', code: 'duplicate-cable',
      message: `the same cable as ${first} (${why}); counted once`,
    });
    const sameText = this.fileOfDigest.get(cable.digest);
    if (sameText !== undefined) return warn(sameText, 'same text');
    const listedId = metadata && metadata.id !== '' && metadata.file === baseName(cable.file) ? metadata.id : null;
    const sameId = listedId === null ? undefined : this.fileOfListedId.get(listedId);
    if (sameId !== undefined) return warn(sameId, `metadata.csv id ${listedId}`);
    this.fileOfDigest.set(cable.digest, cable.file);
    if (listedId !== null) this.fileOfListedId.set(listedId, cable.file);
    return null;
  }

  /** Paragraphs and entities indexed so far. */
  progress(): { paragraphs: number; entities: number } {
    return this.index.counts();
  }

  /** Counts a file that could not be read or is not a cable. */
  rejectFile(diagnostics: readonly { code: string }[]): void {
    this.figures.files++;
    this.figures.rejectedFiles++;
    this.countDiagnostics(diagnostics);
  }

  async finish(onPhase: (phase: BuildPhase) => void = () => {}): Promise<BuildSummary> {
    await this.flushParagraphs();
    await this.flushCables();
    const seconds = {} as PhaseSeconds;
    const timed = async <T>(phase: BuildPhase, work: () => T | Promise<T>): Promise<T> => {
      onPhase(phase);
      const t0 = performance.now();
      const result = await work();
      seconds[phase] = (performance.now() - t0) / 1000;
      return result;
    };

    const plan = await timed('merge', () => planMerges(this.index.figures(), [...this.definitions].map(([k, count]) => {
      const [acronym, long, type] = k.split('\t') as [string, string, string];
      return { acronym, long, type, count };
    }), this.options.decided));
    const rawKeys = [...this.index.figures().keys];
    const merge = mergeOf(plan, rawKeys);
    for (const r of plan.rule) if (r !== null) this.figures.rules[r] = (this.figures.rules[r] ?? 0) + 1;
    const mergedInto = mergedKeys(plan, merge, rawKeys);
    const counted = await timed('pairs', () => this.index.finish(merge));
    const edges = clusteredEdges(counted.pairs, this.options.communities.maxEdges);
    const seedCount = this.options.standouts ? DEFAULT_STANDOUTS_OPTIONS.seeds : 0;
    const runner = this.options.clusteringRunner;
    let clustering: ReturnType<ClusteringRunner> | undefined;
    const startClustering = () => {
      const started = (runner ?? runClusteringInPlace)(clusteringJob(counted.entities, edges, this.options.communities, seedCount));
      // Not "unhandled" while other work goes on: a failure is thrown where each is awaited.
      started.clustering.catch(() => {});
      started.seeds.catch(() => {});
      return started;
    };
    // On a thread, Louvain and its seeds run while the paragraphs are rewritten ('communities'
    // then times what is left to wait for); in place, in 'communities'.
    if (runner) clustering = startClustering();
    // On a thread, the rewrite runs beside what follows, and 'rewrite' times what is left to
    // wait for before the manifest; in place, here.
    const rewrite = this.rewriteJob(merge.target);
    const rewriteRunner = this.sink.read !== undefined ? this.options.rewriteRunner : undefined;
    const rewriting = rewriteRunner?.(rewrite);
    rewriting?.catch(() => {}); // a failure is thrown where it is awaited
    if (rewriting === undefined) await timed('rewrite', () => this.rewriteParagraphs(rewrite));
    const adjacency = buildAdjacency(counted.entities, counted.pairs, this.options.neighbors);
    const communities = await timed('communities', async () => communitiesOf(await (clustering ??= startClustering()).clustering, counted.pairs, edges.minWeight));
    const chosen = this.options.labels;
    const labels = counted.surfaces.map((s, e) => {
      const key = counted.keys[e]!;
      const counts = sortedCounts(s);
      return chosen.get(key) ?? scopedLabel(key, counts, entityKey) ?? chooseLabel(counts, key);
    });
    // From here on entities go by their dataset keys, which graphology and plain objects can hold.
    const tables: CorpusTables = { ...counted, keys: counted.keys.map(datasetKey) };
    const types = tables.types.map((t) => majorityType(Object.fromEntries(t)));
    const overview = selectOverview(tables.paragraphCounts, tables.pairs, this.options.overview);
    const input = { tables, adjacency, communities, labels, types, overview, layout: this.options.layout };
    // Started now, awaited after the shards: with a worker runner both go on at once, and
    // 'layout' times the layout itself, alongside 'entities' and 'search'.
    onPhase('layout');
    seconds.layout = 0;
    const layoutStart = performance.now();
    let layoutEnd = 0;
    const job = overviewLayoutJob(input);
    const layoutRunner = this.options.layoutRunner;
    const positions = layoutRunner ? layoutRunner(job) : Promise.resolve(runLayoutJob(job));
    if (!layoutRunner) layoutEnd = performance.now();
    positions.then(() => { layoutEnd ||= performance.now(); }, () => {}); // a failure is thrown by the await below
    const inOverview = new Uint8Array(tables.entities);
    for (const e of overview.nodes) inOverview[e] = 1;
    const entityStarts = await timed('entities', () =>
      this.writeEntities(tables, adjacency, communities, labels, types, inOverview, mergedInto));
    await timed('search', () => this.writeSearch(tables, labels, types));
    const graph = overviewGraph(input, await positions);
    seconds.layout = ((layoutEnd || performance.now()) - layoutStart) / 1000;
    if (this.options.standouts) {
      const runs = await timed('standouts', async () => {
        const runs = await clustering!.seeds;
        await this.sink.write(STANDOUTS_PATH, JSON.stringify(computeStandouts(
          { tables, communities, overview, labels, runs, resolution: this.options.communities.resolution })));
        return runs;
      });
      seconds.seeds = runs.seconds;
      // In place, the seeds ran inside 'communities', on Louvain's graph.
      if (!runner) seconds.communities -= runs.seconds;
    }
    const entityShards = await timed('keys', async () => {
      const entitiesOf = paragraphEntityShards(tables.postings, tables.paragraphs);
      for (const [i, shard] of entitiesOf.shards.entries()) await this.sink.write(paragraphEntitiesPath(i), JSON.stringify(shard));
      const keys = paragraphKeyShards(this.paragraphCable.view(), this.cableDays, entitiesOf.counts);
      for (const [i, shard] of keys.entries()) await this.sink.write(paragraphKeysPath(i), JSON.stringify(shard));
      for (const [path, json] of cableTableFiles(this.cableRows)) await this.sink.write(path, json);
      await this.sink.write(REVIEW_PATH, JSON.stringify(reviewQueue(plan, merge, rawKeys, labels), null, 1));
      return entitiesOf.shards.length;
    });

    Object.assign(this.figures, {
      cables: tables.cables, paragraphs: tables.paragraphs, entities: tables.entities, pairs: tables.pairs.length,
    });
    const manifest: Manifest = {
      version: DATASET_VERSION,
      corpus: this.figures,
      types: typeFigures(tables, types),
      communities: communityFigures(communities, tables, labels, this.subtitles(tables, communities)),
      modularity: round(communities.modularity, 6),
      clustering: {
        resolution: this.options.communities.resolution, minWeight: communities.minWeight,
        nodes: communities.nodes, edges: communities.edges, seed: this.options.communities.seed,
        communities: communities.count,
      },
      overview: {
        nodes: overview.nodes.length, edges: overview.edges.length,
        maxNodes: this.options.overview.maxNodes, maxEdges: this.options.overview.maxEdges,
      },
      shards: { entityStarts, paragraphs: this.paragraphShards, cables: this.cableShards, cableParagraphStarts: this.cableShardParagraphs,
        paragraphEntities: entityShards,
      },
      options: this.options.record,
      ...(this.options.standouts ? { standouts: STANDOUTS_PATH } : {}),
      review: REVIEW_PATH,
      cableTable: { index: CABLE_TABLE_INDEX_PATH, shards: cableTableShards(this.cableRows.length) },
    };
    if (rewriting !== undefined) await timed('rewrite', () => rewriting);
    await timed('graph', async () => {
      await this.sink.write(GRAPH_PATH, JSON.stringify(graph));
      await this.sink.write(MANIFEST_PATH, JSON.stringify(manifest, null, 1));
    });
    return { manifest, seconds, pairOccurrences: tables.pairOccurrences };
  }

  /** Per listed community, the posts and years of the cables behind its members' mentions. */
  private subtitles(tables: CorpusTables, communities: Communities): Subtitles {
    const listed = Math.min(communities.count, LISTED_COMMUNITIES);
    const places = this.places.values.length;
    const years = this.years.values.length;
    const byPlace = new Uint32Array(listed * places);
    const byYear = new Uint32Array(listed * years);
    const cableOf = this.paragraphCable.view();
    const { offsets, ids } = tables.postings;
    for (let e = 0; e < tables.entities; e++) {
      const c = communities.community[e]!;
      if (c >= listed) continue;
      for (let i = offsets[e]!; i < offsets[e + 1]!; i++) {
        const cable = cableOf[ids[i]!]!;
        byPlace[c * places + this.cablePlace[cable]!]!++;
        byYear[c * years + this.cableYear[cable]!]!++;
      }
    }
    const counts = (table: Uint32Array, values: string[], c: number) => {
      const map = new Map<string, number>();
      values.forEach((v, i) => {
        const n = table[c * values.length + i]!;
        if (v !== '' && n > 0) map.set(v, n);
      });
      return topValues(map);
    };
    return {
      posts: (c) => counts(byPlace, this.places.values, c),
      years: (c) => counts(byYear, this.years.values, c),
    };
  }

  /** Counts diagnostics that concern no cable (a metadata file's, say) in the manifest's figures. */
  noteDiagnostics(diagnostics: readonly { code: string }[]): void {
    this.countDiagnostics(diagnostics);
  }

  private countDiagnostics(diagnostics: readonly { code: string }[]): void {
    for (const d of diagnostics) this.figures.diagnostics[d.code] = (this.figures.diagnostics[d.code] ?? 0) + 1;
  }

  private async flushParagraphs(): Promise<void> {
    if (this.paragraphShard.count === 0) return;
    const path = paragraphShardPath(this.paragraphShards++);
    const bytes = this.paragraphShard.take();
    if (this.sink.read === undefined) this.heldShards.set(path, bytes);
    else await this.sink.write(path, bytes);
  }

  /** What the rewrite of the paragraph shards needs: each cable's keys as their (merged) entity ids. */
  private rewriteJob(target: Uint32Array): RewriteJob {
    const keys = this.cableKeys.view();
    const ids = new Uint32Array(keys.length);
    for (let i = 0; i < keys.length; i++) ids[i] = target[keys[i]!]!;
    const paths = Array.from({ length: this.paragraphShards }, (_, i) => paragraphShardPath(i));
    return { paths, keyStart: this.cableKeyStart.view().slice(), ids };
  }

  /** Paragraph shards again, with entity ids for the key numbers (written as they were read). */
  private async rewriteParagraphs({ paths, keyStart, ids }: RewriteJob): Promise<void> {
    for (const path of paths) {
      const held = this.heldShards.get(path);
      if (held !== undefined) {
        await this.sink.write(path, utf8.decode(remapMentions(held, keyStart, ids)));
        this.heldShards.delete(path);
      } else {
        const read = await this.sink.read!(path);
        await this.sink.write(path, remapMentions(typeof read === 'string' ? encoder.encode(read) : read, keyStart, ids));
      }
    }
  }

  private async flushCables(): Promise<void> {
    if (this.cableBuffer.length === 0) return;
    await this.sink.write(cableShardPath(this.cableShards++), JSON.stringify(this.cableBuffer));
    this.cableBuffer = [];
  }

  /** Writes entity records in id order, in shards of bounded size; returns each shard's first id. */
  private async writeEntities(
    tables: CorpusTables, adjacency: Adjacency, communities: Communities,
    labels: string[], types: string[], inOverview: Uint8Array, mergedInto: ReadonlyMap<number, [string, string][]>,
  ): Promise<number[]> {
    const starts: number[] = [];
    let shard: string[] = [];
    let chars = 0;
    const flush = async () => {
      await this.sink.write(entityShardPath(starts.length - 1), `[${shard.join(',')}]`);
      shard = [];
      chars = 0;
    };
    const { offsets, ids } = tables.postings;
    // What a neighbour entry says of the other entity, from its key to its paragraphs, in JSON once
    // per entity: a hub is the neighbour of thousands, and escaping its label each time was most
    // of this phase at corpus scale.
    const about = Array.from({ length: tables.entities }, (_, e) =>
      JSON.stringify([tables.keys[e]!, labels[e]!, types[e]!, communities.community[e]!, tables.paragraphCounts[e]!]).slice(1, -1));
    for (let e = 0; e < tables.entities; e++) {
      let neighbors = '';
      for (let s = e * adjacency.k; s < e * adjacency.k + adjacency.topCount[e]!; s++) {
        const p = adjacency.top[s]!;
        const other = tables.pairs.a[p] === e ? tables.pairs.b[p]! : tables.pairs.a[p]!;
        // A NeighborEntry, as JSON.stringify writes it.
        const entry = `[${other},${tables.pairs.weight[p]!},${about[other]!},${JSON.stringify(pairAlpha(p, tables, adjacency))}]`;
        neighbors += neighbors === '' ? entry : `,${entry}`;
      }
      const record: Omit<EntityRecord, 'postings' | 'neighbors' | 'merged'> = {
        id: e, key: tables.keys[e]!, label: labels[e]!, type: types[e]!,
        types: Object.fromEntries(sortedCounts(tables.types[e]!)),
        aliases: sortedCounts(tables.surfaces[e]!),
        origins: { tagger: tables.mentions[e]! - tables.lexiconMentions[e]!, lexicon: tables.lexiconMentions[e]! },
        mentions: tables.mentions[e]!, paragraphs: tables.paragraphCounts[e]!, cables: tables.cableCounts[e]!,
        community: communities.community[e]!, degree: adjacency.degree[e]!, strength: adjacency.strength[e]!,
        inOverview: inOverview[e] === 1,
      };
      const merged = mergedInto.get(e);
      // `neighbors`, `merged` and `postings` after the rest, as JSON.stringify would write the whole
      // record; `postings` joined straight from the typed array, without an array made for each entity.
      const json = `${JSON.stringify(record).slice(0, -1)},"neighbors":[${neighbors}]${merged === undefined ? '' : `,"merged":${JSON.stringify(merged)}`},"postings":[${ids.subarray(offsets[e]!, offsets[e + 1]!).join(',')}]}`;
      if (shard.length > 0 && (chars + json.length > ENTITY_SHARD_CHARS || shard.length === ENTITY_SHARD_RECORDS)) await flush();
      if (shard.length === 0) starts.push(e);
      shard.push(json);
      chars += json.length;
    }
    if (shard.length > 0) await flush();
    return starts.length > 0 ? starts : [0];
  }

  private async writeSearch(tables: CorpusTables, labels: string[], types: string[]): Promise<void> {
    const shards = searchEntries(tables, labels, types, entityKey);
    for (const [prefix, entries] of shards) await this.sink.write(searchShardPath(prefix), JSON.stringify(entries));
  }
}

/** The last segment of a path, `/` or `\\` separated. */
function baseName(path: string): string {
  return path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
}

/** The plan as `CorpusIndex.finish` applies it: roots in id order become the new ids. */
function mergeOf(plan: MergePlan, keys: readonly string[]): EntityMerge {
  const n = keys.length;
  const newId = new Int32Array(n).fill(-1);
  const mergedKeys: string[] = [];
  for (let e = 0; e < n; e++) {
    if (plan.target[e] === e) {
      newId[e] = mergedKeys.length;
      mergedKeys.push(keys[e]!);
    }
  }
  const target = new Uint32Array(n);
  for (let e = 0; e < n; e++) target[e] = newId[plan.target[e]!]!;
  return { target, keys: mergedKeys, retype: plan.retype };
}

/** Per merged entity, the keys that joined it and the rule that joined each, in key order. */
function mergedKeys(plan: MergePlan, merge: EntityMerge, rawKeys: readonly string[]): Map<number, [string, string][]> {
  const out = new Map<number, [string, string][]>();
  rawKeys.forEach((key, e) => {
    const rule = plan.rule[e];
    if (rule === null || rule === undefined) return;
    const t = merge.target[e]!;
    let list = out.get(t);
    if (list === undefined) out.set(t, (list = []));
    list.push([key, rule]);
  });
  for (const list of out.values()) list.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return out;
}

/** The review queue as written: items with the merged entities' ids and labels. */
function reviewQueue(plan: MergePlan, merge: EntityMerge, rawKeys: readonly string[], labels: readonly string[]): ReviewFile {
  const idOfKey = new Map<string, number>();
  rawKeys.forEach((k, e) => idOfKey.set(k, merge.target[e]!));
  const entity = (key: string): ReviewEntity => {
    const e = idOfKey.get(key);
    if (e === undefined) return { key };
    return merge.keys[e] === key ? { key, id: e, label: labels[e]! } : { key, id: e, label: labels[e]!, joined: true };
  };
  return {
    version: 1,
    items: plan.review.map((r) => ({ kind: r.kind, ...entity(r.key), paragraphs: r.paragraphs, note: r.note, candidates: r.candidates.map(entity) })),
  };
}

/** [item, count] pairs, most frequent first, then in code-unit order. */
export function sortedCounts(counts: Map<string, number>): [string, number][] {
  return [...counts].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0));
}

function typeFigures(tables: CorpusTables, types: string[]): Manifest['types'] {
  const byType = new Map<string, { entities: number; mentions: number }>();
  for (let e = 0; e < tables.entities; e++) {
    const t = byType.get(types[e]!) ?? { entities: 0, mentions: 0 };
    t.entities++;
    t.mentions += tables.mentions[e]!;
    byType.set(types[e]!, t);
  }
  return [...byType].map(([type, f]) => ({ type, ...f }))
    .sort((x, y) => y.entities - x.entities || (x.type < y.type ? -1 : 1));
}

/** Communities listed in the manifest; beyond them (at corpus scale, mostly loners) nodes show their id. */
const LISTED_COMMUNITIES = 1000;

interface Subtitles {
  posts(community: number): [string, number][];
  years(community: number): [string, number][];
}

/**
 * The largest communities with their size, top entities (by paragraphs), characteristic names
 * (community-names.ts) and where and when their mentions come from; labelled by their names.
 */
function communityFigures(communities: Communities, tables: CorpusTables, labels: string[], subtitles: Subtitles): Manifest['communities'] {
  const TOP = 5;
  const CANDIDATES = 12;
  const listed = Math.min(communities.count, LISTED_COMMUNITIES);
  const size = new Uint32Array(communities.count);
  const top: number[][] = Array.from({ length: listed }, () => []);
  const characteristic: number[][] = Array.from({ length: listed }, () => []);
  const byParagraphs = Array.from({ length: tables.entities }, (_, e) => e)
    .sort((x, y) => tables.paragraphCounts[y]! - tables.paragraphCounts[x]! || x - y);
  for (const e of byParagraphs) {
    const c = communities.community[e]!;
    size[c] = size[c]! + 1;
    if (c < listed && top[c]!.length < TOP) top[c]!.push(e);
  }
  const scores = characteristicScores(tables.pairs, communities.community);
  const byScore = byParagraphs.filter((e) => scores[e]! > 0).sort((x, y) => scores[y]! - scores[x]! || x - y);
  for (const e of byScore) {
    const c = communities.community[e]!;
    if (c < listed && characteristic[c]!.length < CANDIDATES) characteristic[c]!.push(e);
  }
  return Array.from({ length: listed }, (_, id) => {
    const names = distinctNames([...characteristic[id]!, ...top[id]!].map((e) => labels[e]!));
    return {
      id, size: size[id]!, label: names.join(', '), names, top: top[id]!.map((e) => labels[e]!),
      posts: subtitles.posts(id), years: subtitles.years(id),
    };
  });
}
