/**
 * Finds the metadata.csv of each input folder (as in the Cablegate sample) and joins its dates
 * to cables by file name, falling back to the cable id without spaces and leading zeros.
 */
import { readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { stat } from 'node:fs/promises';
import type { Diagnostic } from '../core/diagnostics.ts';
import { readMetadataCsv, type CableMetadata } from '../core/cable/metadata.ts';

export const METADATA_FILE = 'metadata.csv';

export interface CorpusMetadata {
  files: string[];
  diagnostics: Diagnostic[];
  dateOf(file: string, cableId: string): string;
}

export async function loadMetadata(inputs: readonly string[]): Promise<CorpusMetadata> {
  const byFile = new Map<string, CableMetadata>();
  const byId = new Map<string, CableMetadata>();
  const files: string[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const input of inputs) {
    if (!(await stat(input)).isDirectory()) continue;
    const path = join(input, METADATA_FILE);
    let text: string;
    try {
      text = await readFile(path, 'utf8');
    } catch {
      continue; // no metadata for this folder: dates stay empty
    }
    files.push(path);
    const table = readMetadataCsv(text, path);
    diagnostics.push(...table.diagnostics);
    for (const [file, row] of table.byFile) {
      byFile.set(file, row);
      byId.set(idKey(row.id), row);
    }
  }
  return {
    files,
    diagnostics,
    dateOf: (file, cableId) => (byFile.get(basename(file)) ?? byId.get(idKey(cableId)))?.date ?? '',
  };
}

/** `06LIMA2158` and `LIMA 002158` both become `LIMA2158`. */
function idKey(id: string): string {
  return id.replace(/^\d{2}(?=[A-Z])/, '').replace(/\s+/g, '').replace(/(\D)0+(\d)/, '$1$2').toUpperCase();
}
