/**
 * `cablegraph build`: from annotated cables to the explorer's dataset. Files are read and
 * resolved on every core, then indexed in order; the dataset is written to a temporary folder
 * that replaces `--out` only when complete. Progress on a terminal; a summary at the end.
 */
import { writeFile } from 'node:fs/promises';
import { DEFAULT_DATASET_OPTIONS, DatasetBuilder, type BuildSummary, type DatasetOptions } from '../../core/dataset/build-dataset.ts';
import { DEFAULT_COMMUNITY_OPTIONS } from '../../core/graph/communities.ts';
import { DEFAULT_OVERVIEW_OPTIONS } from '../../core/graph/overview.ts';
import { DEFAULT_LAYOUT_OPTIONS } from '../../core/graph/layout.ts';
import { listCableFiles } from '../files.ts';
import { FolderSink, writeAtomically } from '../folder-sink.ts';
import { Progress } from '../progress.ts';
import { defaultWorkers, resolveFiles } from '../parse-pool.ts';
import { startLayoutThread } from '../layout-thread.ts';
import { loadContextSources, contextFromSources } from '../resolution-inputs.ts';
import { loadMetadata } from '../metadata.ts';
import { type Command, EXIT_OK, InputError, UsageError, numberOption, parseCommandLine } from '../usage.ts';
import { formatSummary } from '../summary.ts';
import { formatDiagnostic } from '../../core/diagnostics.ts';

const PROGRESS_FROM = 200;

export const buildCommand: Command = {
  name: 'build',
  summary: 'build the graph and the explorer dataset from annotated cables',
  help: `Usage: cablegraph build <file|folder>... --out <dir> [options]

Reads annotated cables (folders are searched for *.txt; a metadata.csv in a folder adds dates,
posts and classifications), resolves mentions into entities, links entities that share a
paragraph, finds communities, lays out the overview, and writes the explorer's dataset to
<dir>: manifest.json, graph.json (graphology serialisation) and shards (entities/,
paragraphs/, cables/, search/).
The folder is replaced only when the build is complete.

Options:
  --out <dir>              where to write the dataset (required)
  --lexicon <file>         terms the tagger missed (TSV: term, type, variants separated by |)
  --aliases <file>         variants to merge corpus-wide (TSV: alias, canonical)
  --redactions <mode>      omit (default): leave XXXXXX placeholders out;
                           per-cable: one "redacted source" entity per cable
  --keep-format-words      keep format words and header debris (DECL:, Summary: ...)
  --keep-jargon            keep cable jargon roles (Poloff, Emboffs, DCM, ...)
  --no-definitions         do not merge "Long Name (ACRONYM)" within a cable
  --no-last-names          do not map a lone surname to the full name in the same cable
  --resolution <r>         Louvain resolution (default ${DEFAULT_COMMUNITY_OPTIONS.resolution}; higher: smaller communities)
  --cluster-edges <n>      most pairs handed to Louvain, strongest first (default ${DEFAULT_COMMUNITY_OPTIONS.maxEdges.toLocaleString('en')});
                           entities left out join their strongest neighbour's community
  --seed <n>               seed for communities and layout (default ${DEFAULT_COMMUNITY_OPTIONS.seed})
  --max-nodes <n>          entities drawn in the overview (default ${DEFAULT_OVERVIEW_OPTIONS.maxNodes})
  --max-edges <n>          links drawn in the overview (default ${DEFAULT_OVERVIEW_OPTIONS.maxEdges})
  --workers <n>            worker threads reading cables (default: one per core, ${defaultWorkers()} here)
  --quiet                  no progress, only the summary
  --timings <file>         also write phase timings and peak memory as JSON (for benchmarks)
  -h, --help               show this help

Exit status: 0 when the dataset was written, 1 on bad input (an unreadable lexicon or alias
file, a bad line in one, no cable at all), 2 on bad usage.`,
  async run(argv) {
    const { values, positionals } = parseCommandLine(argv, {
      out: { type: 'string', short: 'o' },
      lexicon: { type: 'string' },
      aliases: { type: 'string' },
      redactions: { type: 'string' },
      'keep-format-words': { type: 'boolean' },
      'keep-jargon': { type: 'boolean' },
      'no-definitions': { type: 'boolean' },
      'no-last-names': { type: 'boolean' },
      resolution: { type: 'string' },
      'cluster-edges': { type: 'string' },
      seed: { type: 'string' },
      'max-nodes': { type: 'string' },
      'max-edges': { type: 'string' },
      workers: { type: 'string' },
      quiet: { type: 'boolean' },
      timings: { type: 'string' },
    });
    if (positionals.length === 0) throw new UsageError('build needs at least one file or folder');
    if (!values.out) throw new UsageError('build needs --out <dir>');
    const redactions = values.redactions ?? 'omit';
    if (redactions !== 'omit' && redactions !== 'per-cable') throw new UsageError(`--redactions ${JSON.stringify(redactions)}: expected omit or per-cable`);
    const positive = (n: number) => Number.isInteger(n) && n > 0;
    const seed = numberOption('seed', values.seed, DEFAULT_COMMUNITY_OPTIONS.seed, Number.isInteger, 'an integer');
    const options: DatasetOptions = {
      ...DEFAULT_DATASET_OPTIONS,
      communities: {
        ...DEFAULT_COMMUNITY_OPTIONS,
        seed,
        resolution: numberOption('resolution', values.resolution, DEFAULT_COMMUNITY_OPTIONS.resolution, (n) => n > 0, 'a number above 0'),
        maxEdges: numberOption('cluster-edges', values['cluster-edges'], DEFAULT_COMMUNITY_OPTIONS.maxEdges, positive, 'a whole number above 0'),
      },
      layout: { ...DEFAULT_LAYOUT_OPTIONS, seed },
      overview: {
        maxNodes: numberOption('max-nodes', values['max-nodes'], DEFAULT_OVERVIEW_OPTIONS.maxNodes, positive, 'a whole number above 0'),
        maxEdges: numberOption('max-edges', values['max-edges'], DEFAULT_OVERVIEW_OPTIONS.maxEdges, positive, 'a whole number above 0'),
      },
    };
    const workers = numberOption('workers', values.workers, defaultWorkers(), (n) => Number.isInteger(n) && n >= 0, 'a whole number (0: no worker threads)');
    const resolve = {
      formatWords: !values['keep-format-words'],
      jargonRoles: !values['keep-jargon'],
      redactions,
      definitions: !values['no-definitions'],
      lastNames: !values['no-last-names'],
    } as const;

    const t0 = performance.now();
    const sources = await loadContextSources({ lexicon: values.lexicon, aliases: values.aliases, options: resolve });
    const context = contextFromSources(sources);
    const files = await listCableFiles(positionals);
    if (files.length === 0) throw new InputError(`no *.txt cable files in ${positionals.join(', ')}`);
    const metadata = await loadMetadata(positionals);
    for (const d of metadata.diagnostics) console.error(formatDiagnostic(d));
    options.labels = context.aliases.labels;
    options.record = {
      resolve, lexicon: values.lexicon ?? null, aliases: values.aliases ?? null,
      metadata: metadata.files, inputs: positionals,
    };

    // A handful of files builds in a blink: progress would only be noise there.
    const showProgress = !values.quiet && (files.length >= PROGRESS_FROM || process.stderr.isTTY === true);
    const progress = showProgress ? new Progress({ total: files.length, unit: 'cables' }) : null;
    const out = values.out;
    const summary = await writeAtomically(out, async (dir) => {
      const sink = new FolderSink(dir);
      // The layout gets a thread of its own (idle until the overview is ready; it does not hold the process).
      const layout = workers > 0 ? startLayoutThread() : null;
      const builder = new DatasetBuilder(sink, { ...options, layoutRunner: layout?.run });
      let done = 0;
      let bytes = 0;
      const readStart = performance.now();
      for await (const outcome of resolveFiles(files, sources, context, workers)) {
        bytes += outcome.bytes;
        if (outcome.cable) await builder.addCable(outcome.cable, metadata.index.find(outcome.file, outcome.cable.id), outcome.texts);
        else builder.rejectFile(outcome.diagnostics);
        progress?.update(++done);
      }
      progress?.done();
      const read = (performance.now() - readStart) / 1000;
      builder.noteDiagnostics(metadata.diagnostics);
      const rssAtPhase: Record<string, number> = { read: process.memoryUsage.rss() };
      const result: BuildSummary = await builder.finish((phase) => {
        rssAtPhase[phase] = process.memoryUsage.rss();
        progress?.note(`${phase}...`);
      });
      await layout?.close();
      return { result, bytes, written: sink.bytes, read, rssAtPhase };
    });
    const seconds = (performance.now() - t0) / 1000;
    const phases = { read: summary.read, ...summary.result.seconds };
    console.log(formatSummary(out, summary.result.manifest, phases, { seconds, inputBytes: summary.bytes, outputBytes: summary.written }));
    if (values.timings) {
      await writeFile(values.timings, JSON.stringify({
        seconds, phases, inputBytes: summary.bytes, outputBytes: summary.written, files: files.length,
        cables: summary.result.manifest.corpus.cables, paragraphs: summary.result.manifest.corpus.paragraphs,
        entities: summary.result.manifest.corpus.entities, pairs: summary.result.manifest.corpus.pairs,
        pairOccurrences: summary.result.pairOccurrences, clustering: summary.result.manifest.clustering,
        overview: summary.result.manifest.overview, maxRssBytes: process.resourceUsage().maxRSS * 1024,
        rssAtPhaseStart: summary.rssAtPhase,
      }, null, 1));
    }
    return EXIT_OK;
  },
};
