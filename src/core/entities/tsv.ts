/**
 * The tab-separated files users write by hand (lexicon, aliases): one record a line, `#` comment
 * lines and blank lines allowed, and an optional first line naming the columns. Reading them is
 * shared; what the columns mean is not.
 */
import { restoreText } from '../export/csv.ts';

export interface TsvRow {
  /** 1-based line in the file. */
  line: number;
  /** The line's fields, each trimmed of surrounding spaces. */
  fields: string[];
}

/**
 * The data rows of `text`. A field the page wrote as `'=…` (a quote before a formula trigger, so
 * that a spreadsheet opening the file shows text) reads as `=…`. The first non-comment line is a header, and skipped, when its fields
 * are the first of `columns` by name, case-insensitive (`term<TAB>type` or `term<TAB>type<TAB>variants`).
 */
export function readTsv(text: string, columns: readonly string[]): TsvRow[] {
  const rows: TsvRow[] = [];
  let first = true;
  const lines = (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text).split(/\r\n|\r|\n/);
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i]!;
    const trimmed = raw.trim();
    if (trimmed === '' || trimmed.startsWith('#')) continue;
    const fields = raw.split('\t').map((f) => restoreText(f.trim()));
    const header = first && isHeader(fields, columns);
    first = false;
    if (!header) rows.push({ line: i + 1, fields });
  }
  return rows;
}

function isHeader(fields: readonly string[], columns: readonly string[]): boolean {
  return fields.length >= 2 && fields.length <= columns.length && fields.every((f, k) => f.toLowerCase() === columns[k]);
}
