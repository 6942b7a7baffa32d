/**
 * `cablegraph export`: the built graph in the formats other tools read — GEXF for Gephi
 * (communities, types and figures as attributes, positions, sizes and colours as viz), GraphML,
 * and CSV tables (edges, or nodes) as Gephi's spreadsheet import expects them. By default the
 * drawn overview (graph.json), and a line on standard error says how much of the corpus that is;
 * `--all` writes every linked pair, or every entity, streamed from the entity shards. With slice
 * options (`--from`, `--tag`, …) every figure is the slice's — weights count the paragraphs of
 * the matching cables only, entities without one are left out — and the export says which
 * slice: GEXF in its description, GraphML in a graph attribute, CSV on standard error (a CSV
 * body has no place for it that keeps its columns).
 */
import { createWriteStream } from 'node:fs';
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { PARAGRAPHS_PER_SHARD, entityShardPath, paragraphShardPath, type EntityRecord, type GraphFile, type Manifest, type NodeAttributes, type ParagraphRecord } from '../../core/dataset/format.ts';
import { DatasetError, readDatasetJson, type DatasetLoader, type DatasetReader } from '../../core/dataset/read-dataset.ts';
import { folderLoader, withDatasetFolder } from '../dataset-folder.ts';
import { edgeAttributes } from '../../core/dataset/edge-attributes.ts';
import { OTHER_COLOR, drawnCommunities, nodeSize } from '../../core/dataset/appearance.ts';
import { disparityAlpha } from '../../core/graph/weights.ts';
import { round } from '../../core/numbers.ts';
import { CooccurrenceIndex } from '../../core/export/all-pairs.ts';
import { writeGexf } from '../../core/export/gexf.ts';
import { writeGraphml } from '../../core/export/graphml.ts';
import { csvRow, csvTable } from '../../core/export/csv.ts';
import { describeFsError } from '../files.ts';
import { writeAll } from '../output.ts';
import { type Command, EXIT_OK, InputError, UsageError, parseCommandLine } from '../usage.ts';
import { SLICE_HELP, SLICE_OPTIONS, sliceFilter } from '../slice-options.ts';
import { isWholeCorpus, readSliceIndex, type SliceFilter } from '../../core/slices/slice-index.ts';
import { countSliceMentions, sliceEdgeAttributes, sliceSelection, sliceTables, type SliceSelection, type SliceTables } from '../../core/slices/slice-tables.ts';
import { describeSlice } from '../../core/slices/slice-label.ts';

const FORMATS = ['gexf', 'graphml', 'csv', 'csv-nodes'] as const;
type Format = (typeof FORMATS)[number];

/** Aliases in a node's `aliases` column, as graph.json keeps them (the entity record has them all). */
const NODE_ALIASES = 5;
const EDGE_COLUMNS = ['Source', 'Target', 'Type', 'Weight', 'Source_label', 'Target_label', 'Jaccard', 'NPMI', 'Association', 'Alpha'];
const NODE_COLUMNS = ['Id', 'Label', 'type', 'community', 'community_label', 'mentions', 'paragraphs', 'cables', 'degree', 'strength', 'aliases', 'x', 'y', 'size'];
/** Rows gathered before a write: one write call per row would cost more than the rows. */
const CHUNK_CHARS = 1 << 16;

export const exportCommand: Command = {
  name: 'export',
  summary: 'write a built graph as GEXF (Gephi), GraphML or CSV',
  help: `Usage: cablegraph export <dir> --format gexf|graphml|csv|csv-nodes [--all] [--out FILE]
                        [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--origin POST]... [--tag TAG]...
                        [--classification C]...

Reads the graph a build wrote to <dir> and writes it to standard output, or to FILE with --out.
By default that is the overview the explorer draws first (graph.json: at most --max-nodes
entities and --max-edges links of the build), and a line on standard error says how much of
the corpus it holds.

Formats:
  gexf       GEXF 1.2 for Gephi: node attributes type, community, community_label, mentions,
             paragraphs, cables, degree, strength, aliases; edge weight plus jaccard, npmi,
             association, alpha; the build's positions, sizes and the explorer's community
             colours as viz
  graphml    GraphML with the same attributes
  csv        the edges table: Source, Target, Weight and the other weightings
  csv-nodes  the nodes table: Id, Label, Type, Community, ...

Text cells of the CSV tables that a spreadsheet would take for a formula (starting with =, +,
-, @, tab or CR) start with a ' instead.

Options:
  --format <f>  one of ${FORMATS.join(', ')} (required)
  --all         csv: every linked pair of the corpus, not only the drawn links; csv-nodes: every
                entity (x, y and size are empty for entities not drawn). Streamed from the
                entity shards, in memory that grows with the corpus, not with its pairs
  --out <file>  write there instead of standard output
  -h, --help    show this help

Slice options: only the cables that match every filter count. Link weights are the paragraphs
of those cables both ends share; an entity's mentions, paragraphs, cables, degree, strength and
size are its figures there, and entities (and links) without a paragraph there are left out.
The slice is named in GEXF's <meta> description, in a GraphML graph attribute 'slice', and on
standard error.
${SLICE_HELP}`,
  async run(argv) {
    const { values, positionals } = parseCommandLine(argv, {
      format: { type: 'string', short: 'f' },
      all: { type: 'boolean' },
      out: { type: 'string', short: 'o' },
      ...SLICE_OPTIONS,
    });
    if (positionals.length !== 1) throw new UsageError('export needs exactly one dataset folder');
    const format = values.format as Format | undefined;
    if (format === undefined || !FORMATS.includes(format)) {
      throw new UsageError(`--format ${JSON.stringify(values.format ?? '')}: expected one of ${FORMATS.join(', ')}`);
    }
    if (values.all && format !== 'csv' && format !== 'csv-nodes') {
      throw new UsageError(`--all is for --format csv or csv-nodes; ${format} holds the overview only (Gephi could not draw every pair of a large corpus)`);
    }
    const dir = positionals[0]!;
    const filter = sliceFilter(values);
    return withDatasetFolder(dir, (reader) => isWholeCorpus(filter)
      ? exportDataset(reader, folderLoader(dir), format, values.all === true, values.out)
      : exportSlice(reader, folderLoader(dir), format, values.all === true, values.out, filter));
  },
};

/**
 * Writes `format` from a dataset opened by the core's reader (which checked its manifest and
 * checks its graph); `load` streams the entity shards for `--all`, one at a time.
 */
async function exportDataset(reader: DatasetReader, load: DatasetLoader, format: Format, all: boolean, out: string | undefined): Promise<number> {
    const { manifest } = reader;
    const corpus = manifest.corpus;
    if (all) {
      const sink = openSink(out);
      let rows: number;
      try {
        rows = format === 'csv'
          ? await writeAllPairs(load, manifest, sink)
          : await writeAllEntities(load, manifest, await reader.graph(), sink);
        await sink.end();
      } catch (e) {
        await sink.discard();
        throw e;
      }
      process.stderr.write(format === 'csv'
        ? `wrote ${count(rows)} links: every linked pair of the corpus\n`
        : `wrote ${count(rows)} entities: every entity of the corpus\n`);
      return EXIT_OK;
    }
    const file = await reader.graph();
    const text = render(format, manifest, file);
    if (out) {
      await writeFile(out, text).catch((e: unknown) => {
        throw new InputError(`${out}: ${describeFsError(e)}`);
      });
    } else await writeAll(process.stdout, text);
    process.stderr.write(`${overviewNote(format, file.nodes.length, file.edges.length, corpus.entities, corpus.pairs)}\n`);
    return EXIT_OK;
}

/**
 * An export of a slice: the slice's figures for every entity are counted first (its postings in
 * the matching cables, streamed from the entity shards; degree and strength over the slice's
 * pairs; mentions from the paragraph shards that hold a paragraph of the slice), then written
 * as the overview restricted to the slice, or with `--all` as every pair or entity of it.
 */
async function exportSlice(reader: DatasetReader, load: DatasetLoader, format: Format, all: boolean, out: string | undefined, filter: SliceFilter): Promise<number> {
  const { manifest } = reader;
  const selection = sliceSelection(await readSliceIndex(reader), filter);
  const description = describeSlice(filter);
  const file = await reader.graph();
  const entities = manifest.corpus.entities;
  const keys: string[] = [];
  const labels: string[] = [];
  const nodeCells: string[][] = [];
  const wantNodes = !(all && format === 'csv');
  const wantPairs = all && format === 'csv';
  // The overview's links, to pick up their weights in the slice during the pass over its pairs.
  const idOf = new Map(file.nodes.map((n) => [n.key, n.attributes!.id]));
  const pairKey = (e: number, f: number) => (e < f ? e * entities + f : f * entities + e);
  const overviewWeights = new Map<number, number>();
  if (!all) for (const edge of file.edges) overviewWeights.set(pairKey(idOf.get(edge.source)!, idOf.get(edge.target)!), 0);
  const communities = communityLabels(manifest);
  async function* records() {
    for await (const r of entityRecords(load, manifest)) {
      if (wantPairs) {
        keys.push(r.key);
        labels.push(r.label);
      }
      if (all && wantNodes) nodeCells.push([r.key, r.label, r.type, String(r.community), communities.get(r.community) ?? '', aliasList(r.aliases.slice(0, NODE_ALIASES))]);
      yield r;
    }
  }
  const tables = await sliceTables(records(), entities, selection, all ? undefined : (e, f, w) => {
    const key = e * entities + f;
    if (overviewWeights.has(key)) overviewWeights.set(key, w);
  });
  const mentions = wantNodes ? await sliceMentions(load, manifest, selection) : null;
  // Sizes as the explorer draws the slice: by paragraphs in it, relative to the most cited drawn entity.
  let most = 1;
  for (const n of file.nodes) most = Math.max(most, tables.paragraphs[n.attributes!.id]!);
  const drawnSize = (id: number) => round(nodeSize(tables.paragraphs[id]!, most), 2);
  const scope = `(${description}; ${plural(selection.cables, 'cable')}, ${plural(selection.paragraphs, 'paragraph')})`;

  if (all) {
    const sink = openSink(out);
    let rows = 0;
    try {
      const writer = chunked(sink);
      if (format === 'csv') {
        await writer.add(csvRow(EDGE_COLUMNS));
        await tables.pairs.forEachPair((e, f, w) => {
          rows++;
          const a = sliceEdgeAttributes(tables, e, f, w);
          return writer.add(csvRow([keys[e]!, keys[f]!, 'Undirected', w, labels[e]!, labels[f]!, a.jaccard, a.npmi, a.association, a.alpha]));
        });
      } else {
        const drawn = new Map(file.nodes.map((node) => [node.attributes!.id, node.attributes!]));
        await writer.add(csvRow(NODE_COLUMNS));
        for (let e = 0; e < entities; e++) {
          if (tables.paragraphs[e] === 0) continue;
          rows++;
          const [key, label, type, community, communityLabel, aliases] = nodeCells[e]!;
          const at = drawn.get(e);
          await writer.add(csvRow([
            key!, label!, type!, Number(community), communityLabel!, mentions![e]!, tables.paragraphs[e]!, tables.cables[e]!, tables.degree[e]!, tables.strength[e]!,
            aliases!, at?.x ?? '', at?.y ?? '', at ? drawnSize(e) : '',
          ]));
        }
      }
      await writer.flush();
      await sink.end();
    } catch (e) {
      await sink.discard();
      throw e;
    }
    process.stderr.write(format === 'csv'
      ? `wrote ${count(rows)} links: every linked pair of the slice ${scope}\n`
      : `wrote ${count(rows)} entities: every entity with a paragraph in the slice ${scope}\n`);
    return EXIT_OK;
  }

  const sliced = slicedOverview(file, tables, mentions!, overviewWeights, pairKey, drawnSize);
  const colors = drawnCommunities(manifest.communities, file).colors;
  const text = render(format, manifest, sliced, { description, colors });
  if (out) {
    await writeFile(out, text).catch((e: unknown) => {
      throw new InputError(`${out}: ${describeFsError(e)}`);
    });
  } else await writeAll(process.stdout, text);
  let inSlice = 0;
  for (const p of tables.paragraphs) if (p > 0) inSlice++;
  process.stderr.write(`${overviewNote(format, sliced.nodes.length, sliced.edges.length, inSlice, tables.pairCount, 'slice')} ${scope}\n`);
  return EXIT_OK;
}

/** Mentions per entity in the paragraphs of the slice, from the paragraph shards holding any (one at a time). */
async function sliceMentions(load: DatasetLoader, manifest: Manifest, selection: SliceSelection): Promise<Uint32Array> {
  const counts = new Uint32Array(manifest.corpus.entities);
  for (let s = 0; s < manifest.shards.paragraphs; s++) {
    const first = s * PARAGRAPHS_PER_SHARD;
    if (!selection.inSlice.subarray(first, first + PARAGRAPHS_PER_SHARD).includes(1)) continue;
    const path = paragraphShardPath(s);
    const shard = await readDatasetJson(load, path);
    if (!Array.isArray(shard)) throw new DatasetError('corrupt', path, 'expected an array of paragraph records');
    countSliceMentions(shard as ParagraphRecord[], first, selection.inSlice, counts);
  }
  return counts;
}

/**
 * The drawn overview as the explorer draws the slice: entities and links without a paragraph in
 * it left out, every figure the slice's, positions the build's.
 */
function slicedOverview(
  file: GraphFile, t: SliceTables, mentions: Uint32Array, weights: ReadonlyMap<number, number>,
  pairKey: (e: number, f: number) => number, size: (id: number) => number,
): GraphFile {
  const idOf = new Map(file.nodes.map((n) => [n.key, n.attributes!.id]));
  const nodes = file.nodes
    .filter((n) => t.paragraphs[n.attributes!.id]! > 0)
    .map(({ key, attributes }) => {
      const id = attributes!.id;
      return {
        key,
        attributes: {
          ...attributes!, mentions: mentions[id]!, paragraphs: t.paragraphs[id]!, cables: t.cables[id]!,
          degree: t.degree[id]!, strength: t.strength[id]!, size: size(id),
        },
      };
    });
  const edges = file.edges.flatMap((edge) => {
    const e = idOf.get(edge.source)!;
    const f = idOf.get(edge.target)!;
    const w = weights.get(pairKey(e, f)) ?? 0;
    return w > 0 ? [{ ...edge, attributes: sliceEdgeAttributes(t, e, f, w) }] : [];
  });
  return { ...file, nodes, edges };
}

const count = (n: number) => n.toLocaleString('en');
const plural = (n: number, word: string) => `${count(n)} ${word}${n === 1 ? '' : 's'}`;

/** What an overview export holds out of the corpus, and how to get the rest. */
export function overviewNote(format: Format, nodes: number, edges: number, entities: number, pairs: number, scope: 'corpus' | 'slice' = 'corpus'): string {
  const where = scope === 'slice' ? ' in the slice' : '';
  const links = edges === pairs ? `${count(edges)} links (every linked pair${where})` : `${count(edges)} links of the overview (of ${count(pairs)} linked pairs${where})`;
  const ents = nodes === entities ? `${count(nodes)} entities (every entity${where})` : `${count(nodes)} entities of the overview (of ${count(entities)}${where})`;
  switch (format) {
    case 'csv':
      return `wrote ${links}${edges === pairs ? '' : '; --all writes every pair'}`;
    case 'csv-nodes':
      return `wrote ${ents}${nodes === entities ? '' : '; --all writes every entity'}`;
    default:
      return `wrote ${ents} and ${links}${nodes === entities && edges === pairs ? '' : '; csv and csv-nodes with --all write every pair and entity'}`;
  }
}


interface Sink {
  /** Resolves at once, or once the stream has drained (backpressure). */
  write(text: string): Promise<void> | undefined;
  /** Waits for everything to be written; a file is then moved to its name. */
  end(): Promise<void>;
  /** After a failure: a file written so far is removed, so no partial export is left. */
  discard(): Promise<void>;
}

/**
 * Standard output or a file, written with backpressure. A file is written beside its name and
 * renamed once complete: an export that fails half-way leaves nothing, and an older file stays.
 */
function openSink(out: string | undefined): Sink {
  const partial = out === undefined ? undefined : `${out}.partial-${process.pid}`;
  const stream: Writable = partial ? createWriteStream(partial) : process.stdout;
  let failure: Error | null = null;
  // One line naming the file (a full disk, a folder given as --out), not a stack trace.
  const fail = (e: unknown) => new InputError(`${out ?? 'standard output'}: ${describeFsError(e)}`);
  stream.on('error', (e) => (failure = fail(e)));
  return {
    write(text) {
      if (failure) throw failure;
      if (stream.write(text)) return undefined;
      return new Promise<void>((resolve, reject) => {
        const drained = () => {
          stream.off('error', failed);
          resolve();
        };
        const failed = (e: Error) => {
          stream.off('drain', drained);
          reject(fail(e));
        };
        stream.once('drain', drained);
        stream.once('error', failed);
      });
    },
    async end() {
      if (failure) throw failure;
      if (stream === process.stdout) {
        // stdout is not ended (the process still owns it): only wait for what is queued.
        await new Promise<void>((resolve, reject) => stream.write('', (e) => (e ? reject(fail(e)) : resolve())));
      } else {
        stream.end();
        await finished(stream).catch((e: unknown) => {
          throw fail(e);
        });
        await rename(partial!, out!).catch((e: unknown) => {
          throw fail(e);
        });
      }
    },
    async discard() {
      if (!partial) return;
      stream.destroy();
      await rm(partial, { force: true }).catch(() => undefined);
    },
  };
}

/** Gathers rows into chunks of about CHUNK_CHARS before writing them. */
function chunked(sink: Sink): { add(row: string): Promise<void> | undefined; flush(): Promise<void> | undefined } {
  let buffer = '';
  const flush = () => {
    const text = buffer;
    buffer = '';
    return text === '' ? undefined : sink.write(text);
  };
  return {
    add(row) {
      buffer += row;
      return buffer.length >= CHUNK_CHARS ? flush() : undefined;
    },
    flush,
  };
}

/** Every entity record of the dataset, shard by shard, in id order: one shard in memory at a time. */
async function* entityRecords(load: DatasetLoader, manifest: Manifest): AsyncGenerator<EntityRecord> {
  let expected = 0;
  for (let s = 0; s < manifest.shards.entityStarts.length; s++) {
    const path = entityShardPath(s);
    const shard = await readDatasetJson(load, path);
    if (!Array.isArray(shard)) throw new DatasetError('corrupt', path, 'expected an array of entity records');
    for (const record of shard as EntityRecord[]) {
      if (record.id !== expected) throw new DatasetError('corrupt', path, `entity ${record.id} where ${expected} was expected`);
      expected++;
      yield record;
    }
  }
  if (expected !== manifest.corpus.entities) {
    throw new DatasetError('corrupt', 'entities', `${expected} entities where the manifest says ${manifest.corpus.entities}`);
  }
}

/**
 * The edges table for every linked pair: the same columns and numbers as the overview's table
 * (each weighting from the weight, both ends' paragraphs, degree and strength, as the build
 * computes them). Returns the number of rows.
 */
async function writeAllPairs(load: DatasetLoader, manifest: Manifest, sink: Sink): Promise<number> {
  const n = manifest.corpus.paragraphs;
  const index = new CooccurrenceIndex(n);
  const keys: string[] = [];
  const labels: string[] = [];
  const paragraphs = new Uint32Array(manifest.corpus.entities);
  const degree = new Uint32Array(manifest.corpus.entities);
  const strength = new Float64Array(manifest.corpus.entities);
  for await (const r of entityRecords(load, manifest)) {
    index.add(r.postings);
    keys.push(r.key);
    labels.push(r.label);
    paragraphs[r.id] = r.paragraphs;
    degree[r.id] = r.degree;
    strength[r.id] = r.strength;
  }
  const out = chunked(sink);
  await out.add(csvRow(EDGE_COLUMNS));
  let rows = 0;
  await index.forEachPair((e, f, w) => {
    rows++;
    const alpha = round(disparityAlpha(w, strength[e]!, degree[e]!, strength[f]!, degree[f]!), 6);
    const a = edgeAttributes(w, paragraphs[e]!, paragraphs[f]!, n, alpha);
    return out.add(csvRow([keys[e]!, keys[f]!, 'Undirected', w, labels[e]!, labels[f]!, a.jaccard, a.npmi, a.association, a.alpha]));
  });
  await out.flush();
  if (rows !== manifest.corpus.pairs) {
    throw new DatasetError('corrupt', 'entities', `the entity shards give ${count(rows)} linked pairs where the manifest says ${count(manifest.corpus.pairs)}`);
  }
  return rows;
}

/** The nodes table for every entity; x, y and size (the overview's layout) are empty for entities not drawn. */
async function writeAllEntities(load: DatasetLoader, manifest: Manifest, file: GraphFile, sink: Sink): Promise<number> {
  const labels = communityLabels(manifest);
  const drawn = new Map(file.nodes.map((node) => [node.key, node.attributes!]));
  const out = chunked(sink);
  await out.add(csvRow(NODE_COLUMNS));
  let rows = 0;
  for await (const r of entityRecords(load, manifest)) {
    rows++;
    const at = drawn.get(r.key);
    await out.add(csvRow([
      r.key, r.label, r.type, r.community, labels.get(r.community) ?? '', r.mentions, r.paragraphs, r.cables, r.degree, r.strength,
      aliasList(r.aliases.slice(0, NODE_ALIASES)), at?.x ?? '', at?.y ?? '', at?.size ?? '',
    ]));
  }
  await out.flush();
  return rows;
}

function communityLabels(manifest: Manifest): Map<number, string> {
  return new Map(manifest.communities.map((c) => [c.id, c.label]));
}

const aliasList = (aliases: readonly [string, number][]) => aliases.map(([s, n]) => `${s} (${n})`).join('; ');

/** The attributes every format carries for a node, flattened to strings and numbers. */
function nodeColumns(a: NodeAttributes, labels: Map<number, string>): Record<string, string | number> {
  return {
    type: a.type, community: a.community, community_label: labels.get(a.community) ?? '',
    mentions: a.mentions, paragraphs: a.paragraphs, cables: a.cables, degree: a.degree, strength: a.strength,
    aliases: aliasList(a.aliases),
  };
}

/** `#4e79a7` as r, g and b, which every Gephi reads. */
function rgb(hex: string): { r: number; g: number; b: number } {
  const n = Number.parseInt(hex.slice(1), 16);
  return { r: n >> 16, g: (n >> 8) & 255, b: n & 255 };
}

interface RenderOptions {
  /** What slice the graph is (GEXF's description, GraphML's graph attribute `slice`). */
  description?: string;
  /** Community colours, when `file` is a part of the overview that would colour differently. */
  colors?: ReadonlyMap<number, string>;
}

function render(format: Format, manifest: Manifest, file: GraphFile, options: RenderOptions = {}): string {
  const labels = communityLabels(manifest);
  const nodes = file.nodes.map(({ key, attributes }) => ({ key, a: attributes! }));
  const label = new Map(nodes.map(({ key, a }) => [key, a.label]));
  const edges = file.edges.map(({ source, target, attributes }) => ({ source, target, a: attributes! }));
  switch (format) {
    case 'gexf': {
      // The explorer's colours, so Gephi opens on the same picture.
      const colors = options.colors ?? drawnCommunities(manifest.communities, file).colors;
      return writeGexf(
        nodes.map(({ key, a }) => ({
          key, label: a.label, attributes: nodeColumns(a, labels),
          viz: { x: a.x, y: a.y, size: a.size, color: rgb(colors.get(a.community) ?? OTHER_COLOR) },
        })),
        edges.map(({ source, target, a: { weight, ...attributes } }) => ({ source, target, weight, attributes })),
        { description: options.description },
      );
    }
    case 'graphml':
      return writeGraphml(
        nodes.map(({ key, a }) => ({ key, label: a.label, ...nodeColumns(a, labels) })),
        edges.map(({ source, target, a }) => ({ source, target, ...a })),
        options.description ? { slice: options.description } : {},
      );
    case 'csv':
      return csvTable(edges.map(({ source, target, a }) => ({
        Source: source, Target: target, Type: 'Undirected', Weight: a.weight,
        Source_label: label.get(source) ?? '', Target_label: label.get(target) ?? '',
        Jaccard: a.jaccard, NPMI: a.npmi, Association: a.association, Alpha: a.alpha,
      })));
    case 'csv-nodes':
      return csvTable(nodes.map(({ key, a }) => ({ Id: key, Label: a.label, ...nodeColumns(a, labels), x: a.x, y: a.y, size: a.size })));
  }
}
