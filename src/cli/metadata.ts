/**
 * Finds the metadata.csv of each input folder (as in the Cablegate sample) and indexes its rows,
 * to be joined to cables by file name or cable id. A bad row is a warning and costs that row; a
 * header that cannot be joined to any cable (no id, no file column) stops the command.
 */
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Diagnostic } from '../core/diagnostics.ts';
import { MetadataIndex, readMetadataCsv } from '../core/cable/metadata.ts';
import { describeFsError } from './files.ts';
import { InputError } from './usage.ts';

export const METADATA_FILE = 'metadata.csv';

export interface CorpusMetadata {
  files: string[];
  diagnostics: Diagnostic[];
  index: MetadataIndex;
}

export async function loadMetadata(inputs: readonly string[]): Promise<CorpusMetadata> {
  const index = new MetadataIndex();
  const files: string[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const input of inputs) {
    if (!(await stat(input)).isDirectory()) continue;
    const path = join(input, METADATA_FILE);
    let text: string;
    try {
      text = await readFile(path, 'utf8');
    } catch (e) {
      // No metadata for this folder: cables stay without dates. One that cannot be read is said.
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') continue;
      throw new InputError(`${path}: ${describeFsError(e)}`);
    }
    files.push(path);
    const table = readMetadataCsv(text, path);
    // A header that joins no row would leave every cable without its metadata: stop, say why.
    const unusable = table.diagnostics.find((d) => d.severity === 'error');
    if (unusable) throw new InputError(`${path}:${unusable.line}: ${unusable.message}`);
    diagnostics.push(...table.diagnostics);
    index.add(table);
  }
  return { files, diagnostics, index };
}
