/**
 * CSV tables (RFC 4180) that are safe to open in a spreadsheet. Every cell the project writes to
 * a CSV (or a TSV a user may open in one) goes through `csvCell` / `neutralizeText`: cable text
 * is hostile input, and a mention such as `=HYPERLINK(…)` or `+cmd` would otherwise be a live
 * formula in Excel, LibreOffice or Google Sheets (CSV injection).
 */

/**
 * The first characters that make a spreadsheet read a cell as a formula (OWASP's list: `=`, `+`,
 * `-`, `@`, tab, carriage return).
 */
const FORMULA_TRIGGER = /^[=+\-@\t\r]/;

/**
 * Text that no spreadsheet evaluates: a cell starting with a formula trigger gets a single quote
 * in front (OWASP's advice; spreadsheets show the rest as text), everything else is unchanged.
 */
export function neutralizeText(s: string): string {
  return FORMULA_TRIGGER.test(s) ? `'${s}` : s;
}

/**
 * The text `neutralizeText` was given, for readers of files we write that users may also open in
 * a spreadsheet (the lexicon and alias TSVs): a quote before a formula trigger is dropped. A
 * name that itself began with `'=` reads as `=…`: the same entity key, since keys drop edge
 * punctuation.
 */
export function restoreText(s: string): string {
  return s.length > 1 && s.charCodeAt(0) === 39 /* ' */ && FORMULA_TRIGGER.test(s.slice(1)) ? s.slice(1) : s;
}

/**
 * One CSV cell. A number is written as a number (a negative weight stays `-0.25`, not text);
 * text is neutralised, then quoted when it holds a quote, comma or line break, or has spaces at
 * an end (which spreadsheets would trim), with quotes doubled.
 */
export function csvCell(value: string | number): string {
  if (typeof value === 'number') return String(value);
  const s = neutralizeText(value);
  return /[",\r\n]/.test(s) || s !== s.trim() ? `"${s.replace(/"/g, '""')}"` : s;
}

/** One record: cells joined by commas, ended by CRLF. */
export function csvRow(values: readonly (string | number)[]): string {
  let line = '';
  for (let i = 0; i < values.length; i++) line += (i === 0 ? '' : ',') + csvCell(values[i]!);
  return `${line}\r\n`;
}

/** A whole table: a header from the first row's keys, then one record a row. */
export function csvTable(rows: readonly Record<string, string | number>[]): string {
  if (rows.length === 0) return '';
  const columns = Object.keys(rows[0]!);
  let out = csvRow(columns);
  for (const row of rows) out += csvRow(columns.map((c) => row[c] ?? ''));
  return out;
}

