/**
 * Diagnostics: everything odd the core meets in its input, reported with where it was found.
 * Data problems never throw; they become diagnostics that callers count, list and print.
 */

export type Severity = 'error' | 'warning' | 'info';

export interface Diagnostic {
  /** The file (or other source name) the problem was found in. */
  file: string;
  /** 1-based line in that file; 0 when the problem concerns the whole file. */
  line: number;
  severity: Severity;
  /** A stable short name for the kind of problem, used for counting (e.g. `unclosed-mention`). */
  code: string;
  message: string;
}

/** `file:line: severity: message`, the one-line form the CLI prints. */
export function formatDiagnostic(d: Diagnostic): string {
  const where = d.line > 0 ? `${d.file}:${d.line}` : d.file;
  return `${where}: ${d.severity}: ${d.message}`;
}

/** Counts diagnostics by `code`, in first-seen order of codes sorted by name for stable output. */
export function countDiagnostics(diagnostics: Iterable<Diagnostic>): Record<string, number> {
  const counts = new Map<string, number>();
  for (const d of diagnostics) counts.set(d.code, (counts.get(d.code) ?? 0) + 1);
  return Object.fromEntries([...counts].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
