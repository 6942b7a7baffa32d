/**
 * The messages between the page and the build worker (build-worker.ts), typed once for both
 * sides. The page sends the user's files as Blobs (File objects: the worker reads them, so the
 * page never holds their bytes) or as bytes; the worker answers with throttled progress and the
 * dataset's files, and keeps those files to pack them into one download when asked.
 */
import type { BuildPhase } from '../core/dataset/build-dataset.ts';
import type { Diagnostic } from '../core/diagnostics.ts';

/** A file the user gave, by its path as given (`cables/06LIMA2158.txt`, `corpus.zip`). */
export interface SourceFile {
  name: string;
  data: Blob | ArrayBuffer;
}

/** A lexicon or alias file as text, by its name: what the page's editor reads and writes. */
export interface TableFile {
  name: string;
  text: string;
}

export interface Tables {
  lexicon: TableFile | null;
  aliases: TableFile | null;
}

export type BuildStage = 'files' | 'reading' | BuildPhase;

export interface BuildProgress {
  stage: BuildStage;
  /** Files read from disk or unpacked from archives, of `totalFiles` given. */
  files: number;
  totalFiles: number;
  cables: number;
  totalCables: number;
  paragraphs: number;
  entities: number;
}

export type ToWorker =
  /**
   * Files for the next build. The page sends them in batches: cloning a thousand File handles
   * in one message holds the page's thread for a quarter of a second.
   */
  | { type: 'add'; sources: SourceFile[] }
  /** Build from the files added; a table given replaces every lexicon (or alias) file among them. */
  | { type: 'build'; tables: Partial<Tables> }
  /** Reopen a dataset bundle (`*.cablegraph.json`). */
  | { type: 'open'; name: string; data: Blob }
  /** Pack the dataset this worker holds into one bundle file. */
  | { type: 'pack' };

export type FromWorker =
  | { type: 'progress'; progress: BuildProgress }
  | { type: 'built'; files: Map<string, string>; problems: Diagnostic[]; tables: Tables; seconds: number }
  | { type: 'opened'; files: Map<string, string> }
  | { type: 'packed'; blob: Blob }
  | { type: 'failed'; message: string };
