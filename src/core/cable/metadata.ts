/**
 * A corpus metadata file (metadata.csv: id, date, origin, classification, tags, subject, file)
 * read into a table, and the index that joins its rows to cables: by file name, else by cable id
 * (`06LIMA2158` in the file, `LIMA 002158` in the cable). RFC 4180 quoting; a malformed row is a
 * diagnostic naming its line, and the other rows still count.
 */
import type { Diagnostic } from '../diagnostics.ts';

export interface CableMetadata {
  id: string;
  date: string;
  origin: string;
  classification: string;
  tags: string;
  subject: string;
  file: string;
}

const COLUMNS: (keyof CableMetadata)[] = ['id', 'date', 'origin', 'classification', 'tags', 'subject', 'file'];

export interface MetadataTable {
  /** Rows by file name (the last path segment), e.g. `06LIMA2158.txt`. */
  byFile: Map<string, CableMetadata>;
  diagnostics: Diagnostic[];
}

export function readMetadataCsv(text: string, file: string): MetadataTable {
  const byFile = new Map<string, CableMetadata>();
  const diagnostics: Diagnostic[] = [];
  const rows = parseCsv(text);
  const header = rows[0]?.cells.map((c) => c.trim().toLowerCase()) ?? [];
  const at = COLUMNS.map((c) => header.indexOf(c));
  const missing = COLUMNS.filter((_, i) => at[i]! < 0 && (COLUMNS[i] === 'file' || COLUMNS[i] === 'date'));
  if (missing.length > 0) {
    diagnostics.push({ file, line: 1, severity: 'error', code: 'metadata-header', message: `metadata header lacks ${missing.join(' and ')} (expected ${COLUMNS.join(',')})` });
    return { byFile, diagnostics };
  }
  for (const { cells, line } of rows.slice(1)) {
    if (cells.length === 1 && cells[0] === '') continue;
    if (cells.length !== header.length) {
      diagnostics.push({ file, line, severity: 'warning', code: 'metadata-row', message: `${cells.length} fields where the header has ${header.length}; row skipped` });
      continue;
    }
    const row = Object.fromEntries(COLUMNS.map((c, i) => [c, at[i]! >= 0 ? cells[at[i]!]! : ''])) as unknown as CableMetadata;
    byFile.set(row.file, row);
  }
  return { byFile, diagnostics };
}

/** A row's tags cell as a list: `SNAR PGOV PE` (Cablegate's spacing) or `SNAR, PGOV` both give [SNAR, PGOV, ...]. */
export function metadataTags(cell: string): string[] {
  return cell.split(/[\s,;]+/).filter((t) => t !== '');
}

/** `06LIMA2158` and `LIMA 002158` both become `LIMA2158`. */
export function cableIdKey(id: string): string {
  return id.replace(/^\d{2}(?=[A-Z])/, '').replace(/\s+/g, '').replace(/(\D)0+(\d)/, '$1$2').toUpperCase();
}

/** Rows of one or more metadata tables, found by a cable's file name or id (later tables win). */
export class MetadataIndex {
  private readonly byFile = new Map<string, CableMetadata>();
  private readonly byId = new Map<string, CableMetadata>();

  add(table: MetadataTable): void {
    for (const [file, row] of table.byFile) {
      this.byFile.set(file, row);
      if (row.id) this.byId.set(cableIdKey(row.id), row);
    }
  }

  /** The row of the cable read from `path` (any folder), or with id `cableId`. */
  find(path: string, cableId: string): CableMetadata | undefined {
    const name = path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
    return this.byFile.get(name) ?? (cableId ? this.byId.get(cableIdKey(cableId)) : undefined);
  }
}

/** RFC 4180 rows with the line each starts on; quoted fields may hold commas, quotes and line breaks. */
function parseCsv(text: string): { cells: string[]; line: number }[] {
  const rows: { cells: string[]; line: number }[] = [];
  let cells: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let rowLine = 1;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') { field += '"'; i++; } else quoted = false;
      } else {
        if (c === '\n') line++;
        field += c;
      }
    } else if (c === '"') {
      quoted = true;
    } else if (c === ',') {
      cells.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      cells.push(field);
      rows.push({ cells, line: rowLine });
      cells = [];
      field = '';
      line++;
      rowLine = line;
    } else {
      field += c;
    }
  }
  if (field !== '' || cells.length > 0) {
    cells.push(field);
    rows.push({ cells, line: rowLine });
  }
  return rows;
}
