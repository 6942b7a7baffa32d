/**
 * Turns the files a user gave into the build's inputs: each read into bytes, each `.zip`
 * unpacked into its files (named `<archive>/<path inside>`, so a problem says where it came
 * from), and the lexicon or alias file replaced by the page's edited copy when there is one.
 * A zip that cannot be read is a problem naming it, and the other files still build; macOS
 * resource forks (`__MACOSX/`) inside archives are not the user's files and are left out,
 * counted in one problem line. Zip reading is fflate's: small, dependency-free, synchronous in
 * a worker.
 *
 * Archives are unpacked up to a limit on their total uncompressed size (2 GiB for one import by
 * default), so a zip bomb cannot take the tab down: the sizes declared in each archive's central
 * directory are added up before anything is inflated, and an archive that would pass the limit is
 * refused whole, as a problem naming it. Declared sizes can lie; fflate inflates each entry into
 * a buffer of exactly its declared size and never grows it, so what is inflated is bounded by the
 * declared total that was checked (an entry whose data runs longer comes out cut at its declared
 * size, as with any damaged archive).
 */
import { unzipSync } from 'fflate';
import type { InputFile } from '../core/dataset/build-from-files.ts';
import { inputKind } from '../core/dataset/pipeline.ts';
import type { Diagnostic } from '../core/diagnostics.ts';
import type { SourceFile, TableFile, Tables } from './protocol.ts';

export interface Expanded {
  inputs: InputFile[];
  problems: Diagnostic[];
}

const isZip = (name: string) => name.toLowerCase().endsWith('.zip');
const RESOURCE_FORKS = /(^|\/)__MACOSX\//;

async function bytesOf(data: Blob | ArrayBuffer): Promise<Uint8Array> {
  return new Uint8Array(data instanceof ArrayBuffer ? data : await data.arrayBuffer());
}

/** The most bytes the archives of one import may unpack to, all together. */
export const MAX_UNZIPPED_BYTES = 2 * 1024 ** 3;

export interface ExpandOptions {
  /** After each source is read: how many of how many. */
  onFile?(done: number, total: number): void;
  /** Limit on the total uncompressed size of every archive's files (default MAX_UNZIPPED_BYTES). */
  maxUnzippedBytes?: number;
}

/** Every source as input files. */
export async function expandSources(sources: readonly SourceFile[], options: ExpandOptions = {}): Promise<Expanded> {
  const onFile = options.onFile ?? (() => {});
  const budget = { limit: options.maxUnzippedBytes ?? MAX_UNZIPPED_BYTES, used: 0 };
  const inputs: InputFile[] = [];
  const problems: Diagnostic[] = [];
  let done = 0;
  for (const source of sources) {
    let bytes: Uint8Array;
    try {
      bytes = await bytesOf(source.data);
    } catch (e) {
      problems.push({ file: source.name, line: 0, severity: 'error', code: 'unreadable-file', message: `the browser could not read this file (${(e as Error).message}); skipped` });
      onFile(++done, sources.length);
      continue;
    }
    if (isZip(source.name)) unzipInto(source.name, bytes, budget, inputs, problems);
    else inputs.push({ name: source.name, bytes });
    onFile(++done, sources.length);
  }
  return { inputs, problems };
}

/** `1.5 GiB`, `300 MiB`: sizes as a person reads them. */
export function formatBytes(n: number): string {
  const units = ['bytes', 'KiB', 'MiB', 'GiB', 'TiB'];
  let i = 0;
  while (n >= 1024 && i < units.length - 1) {
    n /= 1024;
    i++;
  }
  return i === 0 ? `${n} bytes` : `${Number(n.toFixed(1))} ${units[i]}`;
}

function unzipInto(archive: string, bytes: Uint8Array, budget: { limit: number; used: number }, inputs: InputFile[], problems: Diagnostic[]): void {
  const wanted = (name: string) => !name.endsWith('/') && !RESOURCE_FORKS.test(name);
  let forks = 0;
  let declared = 0;
  let entries: Record<string, Uint8Array>;
  try {
    // First pass: the central directory only (a filter that keeps nothing inflates nothing).
    unzipSync(bytes, {
      filter: (entry) => {
        if (wanted(entry.name)) declared += entry.originalSize;
        else if (!entry.name.endsWith('/')) forks++;
        return false;
      },
    });
    if (budget.used + declared > budget.limit) {
      const before = budget.used > 0 ? ` (with ${formatBytes(budget.used)} from the archives before it)` : '';
      problems.push({
        file: archive,
        line: 0,
        severity: 'error',
        code: 'zip-too-large',
        message: `unpacks to ${formatBytes(declared)}${before}, more than the ${formatBytes(budget.limit)} the page unpacks; skipped. Build a corpus this size with the command line (npx cablegraph build)`,
      });
      return;
    }
    budget.used += declared;
    entries = unzipSync(bytes, { filter: (entry) => wanted(entry.name) });
  } catch (e) {
    problems.push({ file: archive, line: 0, severity: 'error', code: 'bad-zip', message: `not a readable zip archive (${(e as Error).message}); skipped` });
    return;
  }
  for (const [path, content] of Object.entries(entries)) inputs.push({ name: `${archive}/${path}`, bytes: content });
  if (forks > 0) {
    problems.push({ file: archive, line: 0, severity: 'info', code: 'resource-forks', message: `${forks} macOS resource file${forks === 1 ? '' : 's'} (__MACOSX/) left out` });
  }
}

/** The lexicon and alias files the build will use: the first of each kind by name, as core picks. */
export function tablesOf(inputs: readonly InputFile[]): Tables {
  const first = (kind: 'lexicon' | 'aliases'): TableFile | null => {
    const found = inputs.filter((f) => inputKind(f.name) === kind).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))[0];
    return found ? { name: found.name, text: new TextDecoder().decode(found.bytes) } : null;
  };
  return { lexicon: first('lexicon'), aliases: first('aliases') };
}

/** `inputs` with every file of a replaced kind taken out and the edited table put in. */
export function applyTables(inputs: readonly InputFile[], tables: Partial<Tables>): InputFile[] {
  const encoder = new TextEncoder();
  let result = [...inputs];
  for (const kind of ['lexicon', 'aliases'] as const) {
    const table = tables[kind];
    if (!table) continue;
    if (inputKind(table.name) !== kind) throw new Error(`applyTables: ${kind} file name '${table.name}' would not be read as a ${kind} file`);
    result = result.filter((f) => inputKind(f.name) !== kind);
    result.push({ name: table.name, bytes: encoder.encode(table.text) });
  }
  return result;
}
