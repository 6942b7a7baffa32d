/**
 * A whole build from files held in memory — what the browser import runs in its worker: cables
 * (`*.txt`), a corpus `metadata.csv`, lexicon and alias files (`*.tsv`), through the one pipeline
 * the CLI runs too (pipeline.ts), so a folder gives the same dataset in the page as from
 * `cablegraph build`. Files that are none of these, or that fail to read, are listed as problems
 * with file and line; the rest still build.
 */
import type { Diagnostic } from '../diagnostics.ts';
import type { ResolveOptions } from '../entities/resolve-cable.ts';
import { DEFAULT_DATASET_OPTIONS, memorySink, type BuildPhase, type BuildSummary, type DatasetOptions } from './build-dataset.ts';
import type { EmptyBuild } from './emptiness.ts';
import { CorpusBuild, planCorpus, resolveCableFile } from './pipeline.ts';

export interface InputFile {
  /** The file's path as the user gave it (`cables/06LIMA2158.txt`); its order sets the build order. */
  name: string;
  bytes: Uint8Array;
}

export interface ImportProgress {
  phase: 'reading' | BuildPhase;
  cables: number;
  totalCables: number;
  paragraphs: number;
  entities: number;
}

export interface ImportResult {
  files: Map<string, string>;
  summary: BuildSummary;
  /** Every problem met, by file and line: files skipped, bad lines, reader warnings. */
  problems: Diagnostic[];
  /** Why the dataset is empty, when it is (emptiness.ts). */
  empty: EmptyBuild | null;
}

export interface ImportOptions {
  resolve: Partial<ResolveOptions>;
  dataset: DatasetOptions;
  onProgress: (progress: ImportProgress) => void;
  /** Called between cables so a caller can let other work run (or stop the build by throwing). */
  pause: () => Promise<void>;
}

export const DEFAULT_IMPORT_OPTIONS: ImportOptions = {
  resolve: {},
  dataset: DEFAULT_DATASET_OPTIONS,
  onProgress: () => {},
  pause: async () => {},
};

/** The import's build, through the one pipeline (pipeline.ts), cable after cable in this thread. */
export async function buildFromFiles(inputs: readonly InputFile[], options: Partial<ImportOptions> = {}): Promise<ImportResult> {
  const { resolve, dataset, onProgress, pause } = { ...DEFAULT_IMPORT_OPTIONS, ...options };
  const decoder = new TextDecoder();
  const byName = new Map(inputs.map((f) => [f.name, f]));
  const plan = planCorpus([...byName.keys()]);
  const text = (name: string | null) => (name === null ? null : { name, text: decoder.decode(byName.get(name)!.bytes) });
  const files = new Map<string, string>();
  const build = new CorpusBuild(memorySink(files), {
    plan,
    metadata: plan.metadata.map((name) => text(name)!),
    lexicon: text(plan.lexicon),
    aliases: text(plan.aliases),
    resolve,
  }, dataset);
  const total = plan.cables.length;
  let done = 0;
  for (const name of plan.cables) {
    await build.add(resolveCableFile(name, byName.get(name)!.bytes, build.context));
    done++;
    onProgress({ phase: 'reading', cables: done, totalCables: total, ...build.progress() });
    await pause();
  }
  const result = await build.finish((phase) => onProgress({ phase, cables: done, totalCables: total, ...build.progress() }));
  return { files, summary: result.summary, problems: result.problems, empty: result.empty };
}
