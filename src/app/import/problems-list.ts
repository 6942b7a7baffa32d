/**
 * The list of an import's problems, beside the graph and never in its way: a summary line
 * ("1 file not loaded · 12 warnings in 9 files"), then one collapsible group per file with its
 * problems by line, files that were not loaded first and open. A group's lines are built when
 * it is first opened, so thousands of reader warnings cost nothing until read. Text only.
 */
import type { Diagnostic } from '../../core/diagnostics.ts';
import { Listeners, count, el, plural } from '../dom.ts';
import { groupProblems, type ProblemGroup, type ProblemSummary } from './problem-groups.ts';

export interface ProblemsList {
  show(problems: readonly Diagnostic[]): void;
  hide(): void;
  dispose(): void;
}

/** "1 file not loaded · 2 errors and 35 warnings in 20 other files". */
export function summaryText(s: ProblemSummary): string {
  const flagged = s.groups.length - s.skippedFiles;
  const kinds = [s.errors ? plural(s.errors, 'error') : '', s.warnings ? plural(s.warnings, 'warning') : ''].filter(Boolean).join(' and ')
    || plural(s.groups.filter((g) => !g.skipped).reduce((n, g) => n + g.items.length, 0), 'note');
  const parts: string[] = [];
  if (s.skippedFiles) parts.push(`${plural(s.skippedFiles, 'file')} not loaded`);
  if (flagged) parts.push(`${kinds} in ${plural(flagged, s.skippedFiles ? 'other file' : 'file')}`);
  return parts.join(' · ');
}

function groupElement(group: ProblemGroup): HTMLDetailsElement {
  const status = group.skipped ? 'not loaded' : plural(group.items.length, group.severity === 'error' ? 'problem' : 'warning');
  const details = el('details', { className: `problem-group ${group.skipped ? 'skipped' : group.severity}` }, [
    el('summary', {}, [el('span', { className: 'file', text: group.file, title: group.file }), el('span', { className: 'status', text: status })]),
  ]);
  const fill = () => {
    if (details.childElementCount > 1) return;
    details.append(el('ol', {}, group.items.map((item) => el('li', { className: item.severity }, [
      el('span', { className: 'where', text: item.line > 0 ? `line ${count(item.line)}` : 'file' }),
      el('span', { className: 'message', text: item.message }),
    ]))));
  };
  details.addEventListener('toggle', () => {
    if (details.open) fill();
  });
  if (group.skipped || group.severity === 'error') {
    details.open = true;
    fill();
  }
  return details;
}

export function createProblemsList(host: HTMLElement): ProblemsList {
  const listeners = new Listeners();
  const summary = el('p', { className: 'problems-summary' });
  const toggle = el('button', { className: 'problems-toggle', text: 'Hide', attrs: { type: 'button', 'aria-expanded': 'true' } });
  const close = el('button', { className: 'close', text: '×', title: 'Close the list', attrs: { type: 'button', 'aria-label': 'Close the list of problems' } });
  const body = el('div', { className: 'problem-groups' });
  const root = el('section', { className: 'import-problems', testid: 'import-problems', attrs: { 'aria-label': 'Problems found while importing' } }, [
    el('header', {}, [el('h2', { text: 'Import problems' }), summary, toggle, close]),
    body,
  ]);
  root.hidden = true;
  host.append(root);

  listeners.on(toggle, 'click', () => {
    const collapsed = root.classList.toggle('collapsed');
    toggle.textContent = collapsed ? 'Show' : 'Hide';
    toggle.setAttribute('aria-expanded', String(!collapsed));
  });
  listeners.on(close, 'click', () => {
    root.hidden = true;
  });

  return {
    show(problems) {
      const grouped = groupProblems(problems);
      summary.textContent = summaryText(grouped);
      body.replaceChildren(...grouped.groups.map(groupElement));
      root.classList.remove('collapsed');
      toggle.textContent = 'Hide';
      root.hidden = grouped.groups.length === 0;
    },
    hide() {
      root.hidden = true;
    },
    dispose() {
      listeners.dispose();
      root.remove();
    },
  };
}
