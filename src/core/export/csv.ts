/** CSV tables (RFC 4180): a header from the first row's keys, fields quoted when they need it. */

export function csvTable(rows: readonly Record<string, string | number>[]): string {
  if (rows.length === 0) return '';
  const columns = Object.keys(rows[0]!);
  const lines = [columns.map(csvField).join(',')];
  for (const row of rows) lines.push(columns.map((c) => csvField(row[c] ?? '')).join(','));
  return lines.join('\r\n') + '\r\n';
}

export function csvField(value: string | number): string {
  const s = String(value);
  return /[",\r\n]/.test(s) || s !== s.trim() ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * One CSV cell of untrusted text (cable text, labels) for a spreadsheet: a value that starts with
 * `=`, `+`, `-`, `@`, a tab or a carriage return would be run as a formula, so it gets a leading
 * `'` (OWASP's advice on CSV injection); then it is quoted as `csvField` quotes. Numbers we made
 * ourselves are written as they are.
 */
export function csvCell(value: string | number): string {
  if (typeof value === 'number') return String(value);
  return csvField(/^[=+\-@\t\r]/.test(value) ? `'${value}` : value);
}
