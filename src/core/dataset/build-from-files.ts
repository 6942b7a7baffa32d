/**
 * A whole build from files held in memory — what the browser import runs in its worker: cables
 * (`*.txt`), a corpus `metadata.csv`, lexicon and alias files (`*.tsv`), in name order like the
 * CLI, through the same reader, resolution and dataset builder. Files that are none of these,
 * or that fail to read, are listed as problems with file and line; the rest still build.
 */
import type { Diagnostic } from '../diagnostics.ts';
import { readCable } from '../cable/read-cable.ts';
import { MetadataIndex, readMetadataCsv } from '../cable/metadata.ts';
import { parseLexicon, EMPTY_LEXICON } from '../entities/lexicon.ts';
import { parseAliases, EMPTY_ALIASES } from '../entities/aliases.ts';
import { resolveCable, resolveOptions, type ResolveContext, type ResolveOptions } from '../entities/resolve-cable.ts';
import { DatasetBuilder, DEFAULT_DATASET_OPTIONS, type BuildPhase, type BuildSummary, type DatasetOptions } from './build-dataset.ts';

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

/** What each kind of file is for, by name. */
export type InputKind = 'cable' | 'metadata' | 'lexicon' | 'aliases' | 'other';

export function inputKind(name: string): InputKind {
  const base = name.slice(name.lastIndexOf('/') + 1).toLowerCase();
  if (base === 'metadata.csv') return 'metadata';
  if (base.endsWith('.tsv')) return base.includes('alias') ? 'aliases' : base.includes('lexicon') ? 'lexicon' : 'other';
  if (base.endsWith('.txt')) return 'cable';
  return 'other';
}

export async function buildFromFiles(inputs: readonly InputFile[], options: Partial<ImportOptions> = {}): Promise<ImportResult> {
  const { resolve, dataset, onProgress, pause } = { ...DEFAULT_IMPORT_OPTIONS, ...options };
  const sorted = [...inputs].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const problems: Diagnostic[] = [];
  const byKind = (kind: InputKind) => sorted.filter((f) => inputKind(f.name) === kind);
  const decoder = new TextDecoder();

  for (const f of byKind('other')) {
    problems.push({
      file: f.name, line: 0, severity: 'warning', code: 'not-an-input',
      message: 'not a cable (.txt), metadata.csv, lexicon or alias file (.tsv with "lexicon" or "alias" in its name); skipped',
    });
  }
  const context = resolutionContext(byKind('lexicon'), byKind('aliases'), resolve, decoder, problems);
  const metadata = new MetadataIndex();
  for (const f of byKind('metadata')) {
    const table = readMetadataCsv(decoder.decode(f.bytes), f.name);
    problems.push(...table.diagnostics);
    metadata.add(table);
  }

  const files = new Map<string, string>();
  const builder = new DatasetBuilder({ write: (path, content) => void files.set(path, content) }, { ...dataset, labels: context.aliases.labels });
  const cables = byKind('cable');
  let done = 0;
  for (const f of cables) {
    const { cable, diagnostics } = readCable(f.bytes, f.name);
    problems.push(...diagnostics.filter((d) => d.severity !== 'info'));
    if (cable === null) {
      builder.rejectFile(diagnostics);
    } else {
      const resolved = resolveCable(cable, diagnostics, context);
      problems.push(...await builder.addCable(resolved, metadata.find(f.name, resolved.id)));
    }
    done++;
    onProgress({ phase: 'reading', cables: done, totalCables: cables.length, ...builder.progress() });
    await pause();
  }
  const summary = await builder.finish((phase) => onProgress({ phase, cables: done, totalCables: cables.length, ...builder.progress() }));
  return { files, summary, problems };
}

function resolutionContext(
  lexicons: InputFile[], aliases: InputFile[], options: Partial<ResolveOptions>, decoder: TextDecoder, problems: Diagnostic[],
): ResolveContext {
  const extra = (kind: string, files: InputFile[]) => {
    for (const f of files.slice(1)) {
      problems.push({ file: f.name, line: 0, severity: 'warning', code: 'extra-input', message: `only one ${kind} file is used (${files[0]!.name}); skipped` });
    }
  };
  extra('lexicon', lexicons);
  extra('alias', aliases);
  let lexicon = EMPTY_LEXICON;
  if (lexicons[0]) {
    const parsed = parseLexicon(decoder.decode(lexicons[0].bytes), lexicons[0].name);
    problems.push(...parsed.diagnostics);
    lexicon = parsed.lexicon;
  }
  let aliasTable = EMPTY_ALIASES;
  if (aliases[0]) {
    const parsed = parseAliases(decoder.decode(aliases[0].bytes), aliases[0].name);
    problems.push(...parsed.diagnostics);
    aliasTable = parsed.aliases;
  }
  return { options: resolveOptions(options), lexicon, aliases: aliasTable };
}
