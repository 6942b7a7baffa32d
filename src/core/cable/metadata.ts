/**
 * A corpus metadata file (metadata.csv: id, date, origin, classification, tags, subject, file)
 * read into rows, and the index that joins them to cables: by file name, else by cable id
 * (`06LIMA2158` in the file, `LIMA 002158` in the cable). Fields are split by papaparse (RFC 4180:
 * quoted fields may hold commas, doubled quotes and line breaks); recovery is ours and goes row
 * by row, so a bad row costs only that row. Each problem is a diagnostic naming its physical
 * line: a row with the wrong number of fields, a quote left open (the row it opens on is dropped
 * and reading goes on at the next line), a second row for a cable already listed (the first
 * wins). A header with neither an `id` nor a `file` column cannot join any row: an error.
 */
import Papa from 'papaparse';
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
  /** The rows that can be joined to a cable (by file name or id), in file order, one per cable. */
  rows: CableMetadata[];
  diagnostics: Diagnostic[];
}

/** Lines handed to the CSV parser at once: a quote left open costs at most this much re-reading. */
const WINDOW_LINES = 4096;

export function readMetadataCsv(text: string, file: string): MetadataTable {
  const rows: CableMetadata[] = [];
  const diagnostics: Diagnostic[] = [];
  const shape = { fields: 0 };
  const records = csvRecords(text, shape, (line, message) => diagnostics.push({ file, line, severity: 'warning', code: 'metadata-row', message }));
  const first = records.next();
  if (first.done) return { rows, diagnostics };
  const header = first.value.cells.map((c) => c.trim().toLowerCase());
  shape.fields = header.length;
  const at = COLUMNS.map((c) => header.indexOf(c));
  if (at[COLUMNS.indexOf('id')]! < 0 && at[COLUMNS.indexOf('file')]! < 0) {
    diagnostics.push({
      file, line: first.value.line, severity: 'error', code: 'metadata-header',
      message: `metadata header has neither an id nor a file column, so no row can be joined to a cable (expected ${COLUMNS.join(',')})`,
    });
    return { rows, diagnostics };
  }
  const lacking = COLUMNS.filter((_, i) => at[i]! < 0);
  if (lacking.length > 0) {
    diagnostics.push({ file, line: first.value.line, severity: 'info', code: 'metadata-columns', message: `metadata header lacks ${lacking.join(', ')}; left empty` });
  }
  const lineOfFile = new Map<string, number>();
  const lineOfId = new Map<string, number>();
  for (const { cells, line } of records) {
    const row = {} as CableMetadata;
    COLUMNS.forEach((c, i) => { row[c] = at[i]! >= 0 ? cells[at[i]!]!.trim() : ''; });
    if (row.id === '' && row.file === '') {
      diagnostics.push({ file, line, severity: 'warning', code: 'metadata-row', message: 'row has neither an id nor a file name; skipped' });
      continue;
    }
    const idKey = row.id.toUpperCase();
    const earlier = (row.file !== '' ? lineOfFile.get(row.file) : undefined) ?? (row.id !== '' ? lineOfId.get(idKey) : undefined);
    if (earlier !== undefined) {
      diagnostics.push({
        file, line, severity: 'warning', code: 'metadata-duplicate',
        message: `${row.id || row.file} is already listed at line ${earlier}; this row is ignored (the first wins)`,
      });
      continue;
    }
    if (row.file !== '') lineOfFile.set(row.file, line);
    if (row.id !== '') lineOfId.set(idKey, line);
    rows.push(row);
  }
  return { rows, diagnostics };
}

interface CsvRecord {
  cells: string[];
  /** 1-based physical line the record starts on. */
  line: number;
}

const parse = (text: string) => Papa.parse<string[]>(text, { delimiter: ',', newline: '\n', quoteChar: '"', skipEmptyLines: false });

/**
 * Records with the line each starts on; blank lines are skipped. Once `shape.fields` is set (by
 * the header), a record is bad when the parser finds it malformed (a quote left open or
 * misplaced), when its field count differs, or when it spans lines that each read as a whole row
 * on their own (a stray quote paired with another one lines below). A bad record is reported and
 * only its first line is lost: reading resumes on the next line, where the next row most likely
 * starts. A record over several lines that passes is a quoted field with line breaks.
 */
function* csvRecords(text: string, shape: { fields: number }, problem: (line: number, message: string) => void): Generator<CsvRecord> {
  const lines = (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text).split(/\r\n|\r|\n/);
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  const wholeRow = (line: string) => {
    const alone = parse(line);
    return alone.errors.length === 0 && alone.data.length === 1 && alone.data[0]!.length === shape.fields;
  };
  let start = 0;
  while (start < lines.length) {
    const end = Math.min(lines.length, start + WINDOW_LINES);
    const parsed = parse(lines.slice(start, end).join('\n'));
    const badRows = new Map<number, string>();
    for (const e of parsed.errors) if (e.row !== undefined && !badRows.has(e.row)) badRows.set(e.row, e.message);
    let line = start;
    let next = end;
    for (let r = 0; r < parsed.data.length; r++) {
      const cells = parsed.data[r]!;
      const span = cells.reduce((n, c) => n + countNewlines(c), 0) + 1;
      // A record running to the window's end may be cut by it: read it again from its first line.
      if (r > 0 && end < lines.length && line + span >= end) {
        next = line;
        break;
      }
      const blank = cells.length === 1 && cells[0]!.trim() === '';
      let bad = badRows.get(r)?.toLowerCase();
      if (bad === undefined && !blank && shape.fields > 0) {
        if (cells.length !== shape.fields) bad = `${cells.length} field${cells.length === 1 ? '' : 's'} where the header has ${shape.fields}`;
        else if (span > 1 && lines.slice(line + 1, line + span).every(wholeRow)) bad = 'a quoted field runs over lines that are rows of their own';
      }
      if (bad !== undefined) {
        problem(line + 1, span > 1 || badRows.has(r) ? `${bad} (a stray " in a field?); row skipped` : `${bad}; row skipped`);
        if (span > 1 || badRows.has(r)) {
          next = line + 1;
          break;
        }
      } else if (!blank) {
        yield { cells, line: line + 1 };
      }
      line += span;
    }
    start = next;
  }
}

function countNewlines(s: string): number {
  let n = 0;
  for (let i = s.indexOf('\n'); i >= 0; i = s.indexOf('\n', i + 1)) n++;
  return n;
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
    for (const row of table.rows) {
      if (row.file) this.byFile.set(row.file, row);
      if (row.id) this.byId.set(cableIdKey(row.id), row);
    }
  }

  /** The row of the cable read from `path` (any folder), or with id `cableId`. */
  find(path: string, cableId: string): CableMetadata | undefined {
    const name = path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
    return this.byFile.get(name) ?? (cableId ? this.byId.get(cableIdKey(cableId)) : undefined);
  }
}
