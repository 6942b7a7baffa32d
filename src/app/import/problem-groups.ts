/**
 * The problems of an import, grouped by file for the page: first the files that were not loaded
 * at all (binary, not an input, an unreadable archive or one past the size limit, a second
 * lexicon), then files with errors on some lines, then files with warnings only; each group
 * keeps its problems in line order. Pure, so the grouping is tested without a browser.
 */
import type { Diagnostic, Severity } from '../../core/diagnostics.ts';

/** Codes that mean the whole file was left out. */
const SKIPPED = new Set(['binary-file', 'not-an-input', 'extra-input', 'bad-zip', 'zip-too-large', 'unreadable-file']);

export interface ProblemGroup {
  file: string;
  /** The file was not loaded at all. */
  skipped: boolean;
  /** The worst severity among its problems. */
  severity: Severity;
  items: { line: number; severity: Severity; message: string }[];
}

export interface ProblemSummary {
  groups: ProblemGroup[];
  skippedFiles: number;
  /** Errors and warnings in the files that were loaded. */
  errors: number;
  warnings: number;
}

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

export function groupProblems(problems: readonly Diagnostic[]): ProblemSummary {
  const byFile = new Map<string, ProblemGroup>();
  for (const d of problems) {
    let group = byFile.get(d.file);
    if (!group) byFile.set(d.file, (group = { file: d.file, skipped: false, severity: 'info', items: [] }));
    if (d.line === 0 && SKIPPED.has(d.code)) group.skipped = true;
    if (RANK[d.severity] < RANK[group.severity]) group.severity = d.severity;
    group.items.push({ line: d.line, severity: d.severity, message: d.message });
  }
  const groups = [...byFile.values()];
  for (const g of groups) g.items.sort((a, b) => a.line - b.line);
  const rank = (g: ProblemGroup) => (g.skipped ? 0 : 1 + RANK[g.severity]);
  groups.sort((a, b) => rank(a) - rank(b) || (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  const loaded = groups.filter((g) => !g.skipped).flatMap((g) => g.items);
  return {
    groups,
    skippedFiles: groups.length - groups.filter((g) => !g.skipped).length,
    errors: loaded.filter((i) => i.severity === 'error').length,
    warnings: loaded.filter((i) => i.severity === 'warning').length,
  };
}
