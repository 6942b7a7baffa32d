/**
 * The one pipeline from "these files" to "this dataset", which the CLI's `build`, `npm start`
 * and the page's build worker all run, so one folder gives one dataset whichever way it is
 * opened:
 * 1. `planCorpus` sorts the files by what they are for, by one rule: `*.txt` are cables,
 *    `metadata.csv` lists them, a `.tsv` named like `lexicon` or `alias` is the lexicon or the
 *    alias table. Files next to the cables are used; a lexicon or alias file the user names
 *    instead wins. Only one of each is used: the others are reported.
 * 2. `CorpusBuild` reads the metadata, lexicon and alias texts into the resolution context; the
 *    caller reads and resolves each cable with it (the CLI on worker threads, the page in its
 *    worker, both through `resolveCableFile`) and hands the outcomes in, in the plan's order;
 *    `finish` writes the dataset, or says why the build is empty and must not replace anything.
 */
import type { CableTally } from '../graph/cable-tally.ts';
import type { Diagnostic } from '../diagnostics.ts';
import { MetadataIndex, readMetadataCsv } from '../cable/metadata.ts';
import { readCable } from '../cable/read-cable.ts';
import type { ResolvedCable } from '../entities/model.ts';
import { resolveCable, resolveOptions, type ResolveContext, type ResolveOptions } from '../entities/resolve-cable.ts';
import { byCodeUnits } from '../code-units.ts';
import { resolutionContext, type ResolutionSources, type TextFile } from './resolution-context.ts';
import { DatasetBuilder, type BuildPhase, type BuildSummary, type DatasetOptions, type DatasetSink } from './build-dataset.ts';
import { emptyBuild, type EmptyBuild } from './emptiness.ts';

/** What each kind of file is for, by name. */
export type InputKind = 'cable' | 'metadata' | 'lexicon' | 'aliases' | 'other';

export function inputKind(name: string): InputKind {
  const base = name.slice(name.lastIndexOf('/') + 1).toLowerCase();
  if (base === 'metadata.csv') return 'metadata';
  if (base.endsWith('.tsv')) return base.includes('alias') ? 'aliases' : base.includes('lexicon') ? 'lexicon' : 'other';
  if (base.endsWith('.txt')) return 'cable';
  return 'other';
}

export interface CorpusPlan {
  /** Cable files, in the order they are read (and numbered). */
  cables: string[];
  metadata: string[];
  lexicon: string | null;
  aliases: string | null;
  /** Files left out, each with why. */
  problems: Diagnostic[];
}

/**
 * Sorts `names` by what they are for. `chosen` names a lexicon or alias file the user gave
 * apart from the corpus (`--lexicon`), which then replaces any found among the files.
 */
export function planCorpus(names: readonly string[], chosen: { lexicon?: string | null; aliases?: string | null } = {}): CorpusPlan {
  const sorted = [...new Set(names)].sort(byCodeUnits);
  const of = (kind: InputKind) => sorted.filter((n) => inputKind(n) === kind);
  const problems: Diagnostic[] = of('other').map((file) => ({
    file, line: 0, severity: 'warning', code: 'not-an-input',
    message: 'not a cable (.txt), metadata.csv, lexicon or alias file (.tsv with "lexicon" or "alias" in its name); skipped',
  }));
  const one = (kind: 'lexicon' | 'aliases', label: string): string | null => {
    const found = of(kind);
    const use = chosen[kind] ?? found[0] ?? null;
    for (const file of found) {
      if (file === use) continue;
      problems.push({ file, line: 0, severity: 'warning', code: 'extra-input', message: `only one ${label} file is used (${use}); skipped` });
    }
    return use;
  };
  return { cables: of('cable'), metadata: of('metadata'), lexicon: one('lexicon', 'lexicon'), aliases: one('aliases', 'alias'), problems };
}

/** One cable file read and resolved (its diagnostics on the cable), or rejected with why. */
export type CableOutcome =
  /** `tally`: the cable's mentions counted and its records written, when a worker made them (DatasetBuilder.addCable). */
  | { file: string; cable: ResolvedCable; tally?: CableTally }
  | { file: string; cable: null; diagnostics: readonly Diagnostic[] };

/** Reads and resolves one cable file: the per-file step, run wherever the caller likes. */
export function resolveCableFile(file: string, bytes: Uint8Array, context: ResolveContext): CableOutcome {
  const { cable, diagnostics } = readCable(bytes, file);
  return cable === null ? { file, cable, diagnostics } : { file, cable: resolveCable(cable, diagnostics, context) };
}

export interface CorpusInputs {
  plan: CorpusPlan;
  metadata: readonly TextFile[];
  lexicon: TextFile | null;
  aliases: TextFile | null;
  resolve: Partial<ResolveOptions>;
}

export interface CorpusResult {
  summary: BuildSummary;
  /** Every problem met, by file and line: files left out, bad lines, reader warnings, duplicates. */
  problems: Diagnostic[];
  /** Files that could not be read as cables, with why. */
  rejected: { file: string; why: string }[];
  /** Why the dataset is empty, when it is: then it must not replace a dataset nor count as a success. */
  empty: EmptyBuild | null;
}

export class CorpusBuild {
  readonly sources: ResolutionSources;
  readonly context: ResolveContext;
  /** Problems of the inputs themselves (files left out, lexicon, alias and metadata lines). */
  readonly inputProblems: Diagnostic[];
  private readonly metadata = new MetadataIndex();
  private readonly builder: DatasetBuilder;
  private readonly problems: Diagnostic[] = [];
  private readonly rejected: { file: string; why: string }[] = [];

  constructor(sink: DatasetSink, inputs: CorpusInputs, dataset: DatasetOptions) {
    this.sources = { lexicon: inputs.lexicon, aliases: inputs.aliases, options: resolveOptions(inputs.resolve) };
    const { context, diagnostics } = resolutionContext(this.sources);
    this.context = context;
    this.inputProblems = [...inputs.plan.problems, ...diagnostics];
    for (const file of inputs.metadata) {
      const table = readMetadataCsv(file.text, file.name);
      this.inputProblems.push(...table.diagnostics);
      this.metadata.add(table);
    }
    this.builder = new DatasetBuilder(sink, {
      ...dataset,
      labels: context.aliases.labels,
      decided: context.aliases,
      // Names, not paths: the dataset records nothing of the machine, and one corpus gives the
      // same bytes wherever it lies and however it was opened.
      record: {
        ...dataset.record,
        resolve: this.sources.options,
        lexicon: inputs.lexicon?.name ?? null,
        aliases: inputs.aliases?.name ?? null,
        metadata: inputs.metadata.map((f) => f.name),
      },
    });
    this.builder.noteDiagnostics(this.inputProblems);
  }

  /** Errors among the inputs' problems (a bad lexicon or alias line, a metadata header of no use). */
  inputErrors(): Diagnostic[] {
    return this.inputProblems.filter((d) => d.severity === 'error');
  }

  /**
   * Adds the next cable file's outcome, in the plan's order; returns what concerns the corpus as
   * a whole (a cable counted once already, with both files named), for a caller to say at once.
   */
  async add(outcome: CableOutcome): Promise<Diagnostic[]> {
    if (outcome.cable === null) {
      this.problems.push(...outcome.diagnostics.filter((d) => d.severity !== 'info'));
      this.builder.rejectFile(outcome.diagnostics);
      const error = outcome.diagnostics.find((d) => d.severity === 'error') ?? outcome.diagnostics[0];
      this.rejected.push({ file: outcome.file, why: error?.message ?? 'not a cable' });
      return [];
    }
    this.problems.push(...outcome.cable.diagnostics.filter((d) => d.severity !== 'info'));
    const duplicates = await this.builder.addCable(outcome.cable, this.metadata.find(outcome.file, outcome.cable.id), outcome.tally);
    this.problems.push(...duplicates);
    return duplicates;
  }

  /** Paragraphs and entities so far, for progress reports. */
  progress(): { paragraphs: number; entities: number } {
    return this.builder.progress();
  }

  async finish(onPhase: (phase: BuildPhase) => void = () => {}): Promise<CorpusResult> {
    const summary = await this.builder.finish(onPhase);
    return {
      summary,
      problems: [...this.inputProblems, ...this.problems],
      rejected: this.rejected,
      empty: emptyBuild(summary.manifest.corpus),
    };
  }
}
