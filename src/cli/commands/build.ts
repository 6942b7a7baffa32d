/**
 * `cablegraph build`: from annotated cables to the explorer's dataset. Files are read and
 * resolved on every core, then indexed in order; the dataset is written to a temporary folder
 * that replaces `--out` only when complete. Progress on a terminal; a summary at the end.
 */
import { writeFile } from 'node:fs/promises';
import { realpath } from 'node:fs/promises';
import { DEFAULT_DATASET_OPTIONS, type DatasetOptions } from '../../core/dataset/build-dataset.ts';
import { CorpusBuild, inputKind, planCorpus, type CorpusInputs } from '../../core/dataset/pipeline.ts';
import { DEFAULT_COMMUNITY_OPTIONS } from '../../core/graph/communities.ts';
import { DEFAULT_OVERVIEW_OPTIONS } from '../../core/graph/overview.ts';
import { DEFAULT_LAYOUT_OPTIONS } from '../../core/graph/layout.ts';
import { DEFAULT_STANDOUTS_OPTIONS } from '../../core/standouts/standouts.ts';
import { basename, resolve as pathResolve } from 'node:path';
import type { EmptyBuild } from '../../core/dataset/emptiness.ts';
import { listCorpusInputs, readText } from '../files.ts';
import { FolderSink, writeAtomically } from '../folder-sink.ts';
import { checkOutputFolder } from '../output-folder.ts';
import { Progress } from '../progress.ts';
import { defaultWorkers, resolveFiles } from '../parse-pool.ts';
import { rewriteThread } from '../rewrite-thread.ts';
import { layoutThread } from '../layout-thread.ts';
import { clusteringThread } from '../clustering-thread.ts';
import { type Command, EXIT_OK, InputError, UsageError, numberOption, parseCommandLine } from '../usage.ts';
import { formatSummary } from '../summary.ts';
import { formatDiagnostic, type Diagnostic } from '../../core/diagnostics.ts';

const PROGRESS_FROM = 200;
/** Files named in a message before "and N more". */
const NAMED_FILES = 3;

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
  --aliases <file>         variants to merge corpus-wide (TSV: alias, canonical);
                           also name<TAB>name (keep apart), name<TAB>type:PER,
                           name<TAB>not:other (the review queue's decisions)
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
  --no-standouts           do not find what stands out (standouts.json: brokers, unusual pairings,
                           stability over ${DEFAULT_STANDOUTS_OPTIONS.seeds} more Louvain seeds); the page then has no such panel
  --workers <n>            worker threads reading cables (default: one per core, ${defaultWorkers()} here);
                           0: no threads at all (clustering and layout in the main thread too)
  --quiet                  no progress, only the summary
  --timings <file>         also write phase timings and peak memory as JSON (for benchmarks)
  -h, --help               show this help

<dir> must be new, empty, or a dataset an earlier build wrote: any other folder (one holding
the cables, say) is refused and left untouched.

Exit status: 0 when the dataset was written, 1 on bad input (an unreadable lexicon or alias
file, a bad line in one, no cable at all, no cable that could be read, no annotated mention,
an --out folder that is not a dataset), 2 on bad usage, 130 or 143 when interrupted (Ctrl-C,
SIGTERM: nothing of the build is left, the previous dataset stays as it was).`,
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
      'no-standouts': { type: 'boolean' },
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
      standouts: !values['no-standouts'],
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
    const out = values.out;
    // Before anything else: a build may replace only its own output.
    await checkOutputFolder(out, positionals);
    // One rule for what the files are for (core's planCorpus): a lexicon or alias file next to
    // the cables is used, one named by --lexicon / --aliases wins.
    const inputs = await listCorpusInputs(positionals, (name) => inputKind(name) !== 'other');
    const nameOf = async (path: string | undefined) => {
      if (!path) return undefined;
      const real = await realpath(path).catch(() => pathResolve(path));
      return inputs.find((f) => f.real === real)?.name ?? basename(path);
    };
    const chosen = { lexicon: await nameOf(values.lexicon), aliases: await nameOf(values.aliases) };
    const plan = planCorpus(inputs.map((f) => f.name), chosen);
    const pathOf = new Map(inputs.map((f) => [f.name, f.path]));
    if (values.lexicon) pathOf.set(chosen.lexicon!, values.lexicon);
    if (values.aliases) pathOf.set(chosen.aliases!, values.aliases);
    const files = plan.cables.map((name) => ({ name, path: pathOf.get(name)! }));
    /** A diagnostic as the user reads it: the file by the path they can open. */
    const located = (d: Diagnostic) => formatDiagnostic({ ...d, file: pathOf.get(d.file) ?? d.file });
    if (files.length === 0) throw new InputError(`no *.txt cable files in ${positionals.join(', ')}`);
    const text = async (name: string | null) => (name === null ? null : { name, text: await readText(pathOf.get(name)!) });
    const corpus: CorpusInputs = {
      plan,
      metadata: await Promise.all(plan.metadata.map(async (name) => (await text(name))!)),
      lexicon: await text(plan.lexicon),
      aliases: await text(plan.aliases),
      resolve,
    };

    // A handful of files builds in a blink: progress would only be noise there.
    const showProgress = !values.quiet && (files.length >= PROGRESS_FROM || process.stderr.isTTY === true);
    const progress = showProgress ? new Progress({ total: files.length, unit: 'cables' }) : null;
    const summary = await writeAtomically(out, async (dir, signal) => {
      const sink = new FolderSink(dir, signal);
      // The layout gets a thread of its own (idle until the overview is ready; it does not hold the process).
      const layout = workers > 0 ? layoutThread() : null;
      // So does the clustering: Louvain, then the standouts' seeds while the shards are written.
      const clustering = workers > 0 ? clusteringThread() : null;
      // And the paragraph shards' rewrite, while the entity and search shards are written.
      const rewrite = workers > 0 ? rewriteThread(sink) : null;
      try {
        const build = new CorpusBuild(sink, corpus, { ...options, layoutRunner: layout?.run, clusteringRunner: clustering?.run, rewriteRunner: rewrite?.run });
        // A bad lexicon or alias line, or a metadata.csv header of no use, stops the build, named.
        const error = build.inputErrors()[0];
        if (error) throw new InputError(located(error));
        for (const d of build.inputProblems) console.error(located(d));
        let done = 0;
        let bytes = 0;
        const readStart = performance.now();
        try {
          for await (const outcome of resolveFiles(files, build.sources, build.context, workers, signal)) {
            bytes += outcome.bytes;
            for (const d of await build.add(outcome)) console.error(located(d));
            progress?.update(++done);
          }
        } finally {
          progress?.done();
        }
        const read = (performance.now() - readStart) / 1000;
        // Their modules load while the corpus-wide resolution and the pairs are worked out.
        for (const thread of [layout, clustering, rewrite]) thread?.start();
        const rssAtPhase: Record<string, number> = { read: process.memoryUsage.rss() };
        const { summary: result, rejected, empty } = await build.finish((phase) => {
          rssAtPhase[phase] = process.memoryUsage.rss();
          progress?.note(`${phase}...`);
        });
        // Thrown here, inside the atomic write: the empty build is removed and `out` stays as it was.
        const named = rejected.map((r) => ({ file: pathOf.get(r.file) ?? r.file, why: r.why }));
        if (empty) throw new InputError(emptyBuildMessage(empty, named, files.map((f) => f.path), out));
        return { result, bytes, written: sink.bytes, read, rssAtPhase, seedsOnThread: clustering !== null };
      } finally {
        await layout?.close();
        await clustering?.close();
        await rewrite?.close();
      }
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
        rssAtPhaseStart: summary.rssAtPhase, cpuSeconds: cpuSeconds(), seedsOnThread: summary.seedsOnThread,
      }, null, 1));
    }
    return EXIT_OK;
  },
};

/** One line: what was found, the first few files concerned (with why, when they were rejected), and that `out` is untouched. */
export function emptyBuildMessage(empty: EmptyBuild, rejected: readonly { file: string; why: string }[], files: readonly string[], out: string): string {
  const listed = empty.reason === 'no-cables' ? rejected.map((r) => `${r.file} (${r.why})`) : [...files];
  const more = listed.length > NAMED_FILES ? `, and ${(listed.length - NAMED_FILES).toLocaleString('en')} more` : '';
  const hint = empty.hint ? `; ${empty.hint}` : '';
  return `no dataset written: ${empty.message}: ${listed.slice(0, NAMED_FILES).join(', ')}${more}${hint}. Nothing was changed in ${out}`;
}

/** Processor seconds of the whole process so far, every thread included (for benchmarks). */
function cpuSeconds(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1e6;
}
