/**
 * Gathering what the user gave into named files: a drop (folders walked through the entries
 * API, `webkitGetAsEntry`, recursively, since a dropped folder is not a file), or a file input
 * (a folder picker fills `webkitRelativePath`). Names keep their relative paths
 * (`cablegate-sample/06LIMA2158.txt`), so the build reads cables in the CLI's order and a
 * problem names the file as the user knows it. An entry the browser refuses to read is a
 * problem naming it; the others still come.
 */
import type { Diagnostic } from '../../core/diagnostics.ts';
import type { SourceFile } from '../../workers/protocol.ts';

/** The parts of FileSystemEntry used here, so tests can walk fake trees. */
export interface EntryLike {
  name: string;
  fullPath: string;
  isFile: boolean;
  isDirectory: boolean;
}
export interface FileEntryLike extends EntryLike {
  file(success: (file: Blob) => void, failure: (error: { message: string }) => void): void;
}
export interface DirectoryEntryLike extends EntryLike {
  createReader(): { readEntries(success: (entries: EntryLike[]) => void, failure: (error: { message: string }) => void): void };
}

export interface Collected {
  sources: SourceFile[];
  problems: Diagnostic[];
}

const relative = (path: string) => path.replace(/^\/+/, '');

/** Every file under the given entries, depth first, in the order the browser lists them. */
export async function walkEntries(entries: readonly EntryLike[]): Promise<Collected> {
  const sources: SourceFile[] = [];
  const problems: Diagnostic[] = [];
  const unreadable = (entry: EntryLike, error: { message: string }) =>
    problems.push({ file: relative(entry.fullPath) || entry.name, line: 0, severity: 'error', code: 'unreadable-file', message: `the browser could not read it (${error.message}); skipped` });

  const visit = async (entry: EntryLike): Promise<void> => {
    if (entry.isFile) {
      try {
        const data = await new Promise<Blob>((resolve, reject) => (entry as FileEntryLike).file(resolve, reject));
        sources.push({ name: relative(entry.fullPath) || entry.name, data });
      } catch (e) {
        unreadable(entry, e as { message: string });
      }
    } else if (entry.isDirectory) {
      const reader = (entry as DirectoryEntryLike).createReader();
      // readEntries answers in batches (100 at a time in Chromium) until an empty one.
      for (;;) {
        let batch: EntryLike[];
        try {
          batch = await new Promise<EntryLike[]>((resolve, reject) => reader.readEntries(resolve, reject));
        } catch (e) {
          unreadable(entry, e as { message: string });
          return;
        }
        if (batch.length === 0) break;
        for (const child of batch) await visit(child);
      }
    }
  };
  for (const entry of entries) await visit(entry);
  return { sources, problems };
}

/** The files of a drop. Entries must be taken during the drop event: the list empties after it. */
export function dropEntries(transfer: DataTransfer): EntryLike[] | File[] {
  const items = [...transfer.items].filter((item) => item.kind === 'file');
  const entries = items.map((item) => item.webkitGetAsEntry?.() ?? null);
  if (entries.length > 0 && entries.every((e) => e !== null)) return entries as EntryLike[];
  return [...transfer.files];
}

/** Files from an input (a folder picker gives each its path inside the folder). */
export function inputSources(files: Iterable<File>): SourceFile[] {
  return [...files].map((file) => ({ name: file.webkitRelativePath || file.name, data: file }));
}

export async function collect(given: EntryLike[] | File[]): Promise<Collected> {
  if (given.length > 0 && given[0] instanceof Blob) return { sources: inputSources(given as File[]), problems: [] };
  return walkEntries(given as EntryLike[]);
}
