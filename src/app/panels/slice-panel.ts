/**
 * The timeline and facets under the graph: a histogram of cables per month that a drag brushes
 * into a date range, and one searchable multi-select per facet (origin post, classification,
 * tag) with the count of cables each value would give in the current slice. It only reports
 * the slice the user asks for (`change`); the explorer puts it in the URL and redraws.
 * Values are cable data: set as text, never as HTML.
 */
import { type FacetCounts, type FacetKind, type MonthCount, type SliceFilter } from '../../core/slices/slice-index.ts';
import { dayNumber, dayText } from '../../core/days.ts';
import { Listeners, count, el } from '../dom.ts';

export interface SlicePanel {
  readonly element: HTMLElement;
  update(slice: SliceFilter, counts: FacetCounts, drawn: { nodes: number; edges: number }): void;
  dispose(): void;
}

const FACETS: { kind: FacetKind; testid: string; title: string; placeholder: string }[] = [
  { kind: 'origins', testid: 'facet-origin', title: 'Post', placeholder: 'Filter posts…' },
  { kind: 'classifications', testid: 'facet-classification', title: 'Classification', placeholder: 'Filter markings…' },
  { kind: 'tags', testid: 'facet-tag', title: 'Tags', placeholder: 'Filter tags…' },
];

/** Values listed per facet (the checked ones always are). */
const LISTED = 40;

/** Every month from the first to the last (`YYYY-MM`), so gaps show as empty bars. */
export function monthSpan(months: readonly MonthCount[]): string[] {
  if (months.length === 0) return [];
  const [y0, m0] = months[0]!.month.split('-').map(Number) as [number, number];
  const [y1, m1] = months[months.length - 1]!.month.split('-').map(Number) as [number, number];
  const out: string[] = [];
  for (let y = y0, m = m0; y < y1 || (y === y1 && m <= m1); m === 12 ? (y++, (m = 1)) : m++) out.push(`${y}-${String(m).padStart(2, '0')}`);
  return out;
}

/** The last day of a `YYYY-MM` month. */
export function monthEnd(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return dayText(dayNumber(`${m === 12 ? y + 1 : y}-${String(m === 12 ? 1 : m + 1).padStart(2, '0')}-01`)! - 1);
}

export function createSlicePanel(container: HTMLElement, allMonths: readonly MonthCount[], change: (slice: SliceFilter, commit: boolean) => void): SlicePanel {
  const listeners = new Listeners();
  const months = monthSpan(allMonths);
  let slice: SliceFilter = {};

  const range = el('span', { className: 'slice-range', testid: 'slice-range' });
  const status = el('span', { className: 'slice-status', testid: 'slice-count' });
  const clear = el('button', { text: 'Whole corpus', attrs: { type: 'button' }, testid: 'slice-clear' });
  const bars = el('div', { className: 'timeline-bars' });
  const timeline = el('div', { className: 'timeline', testid: 'timeline', attrs: { role: 'slider', 'aria-label': 'Cables per month: drag to choose a period', tabindex: '0' } }, [bars]);
  const barEls = months.map((m) => el('div', { className: 'timeline-bar', title: m, attrs: { 'data-month': m } }, [el('div', { className: 'timeline-fill' })]));
  bars.replaceChildren(...barEls);
  const axis = el('div', { className: 'timeline-axis' }, [el('span', { text: months[0] ?? '' }), el('span', { text: months[months.length - 1] ?? '' })]);

  const facetBoxes = FACETS.map((f) => {
    const search = el('input', { attrs: { type: 'search', placeholder: f.placeholder, 'aria-label': f.placeholder } });
    const list = el('div', { className: 'facet-values' });
    const box = el('div', { className: 'facet', testid: f.testid }, [el('h3', { text: f.title }), search, list]);
    listeners.on(search, 'input', () => render());
    listeners.on(list, 'change', (e) => {
      const input = e.target as HTMLInputElement;
      const value = input.value;
      const current = new Set(slice[f.kind] ?? []);
      if (input.checked) current.add(value);
      else current.delete(value);
      change({ ...slice, [f.kind]: [...current].sort() }, true);
    });
    return { ...f, search, list, box };
  });

  const element = el('section', { className: 'slices', attrs: { 'aria-label': 'Slice of the corpus' } }, [
    el('div', { className: 'slice-head' }, [el('strong', { text: 'Slice' }), range, status, clear]),
    timeline, axis,
    el('div', { className: 'facets' }, facetBoxes.map((f) => f.box)),
  ]);
  container.append(element);
  listeners.on(clear, 'click', () => change({}, true));

  // Brushing: press on a month, drag to another, release; the range follows the pointer.
  const monthAt = (x: number) => {
    const r = bars.getBoundingClientRect();
    const i = Math.floor(((x - r.left) / Math.max(1, r.width)) * months.length);
    return Math.max(0, Math.min(months.length - 1, i));
  };
  let anchor: number | null = null;
  const brush = (x: number, commit: boolean) => {
    if (anchor === null) return;
    const i = monthAt(x);
    const [a, b] = anchor <= i ? [anchor, i] : [i, anchor];
    change({ ...slice, from: `${months[a]!}-01`, to: monthEnd(months[b]!) }, commit);
  };
  listeners.on(timeline, 'pointerdown', (e) => {
    if (months.length === 0) return;
    anchor = monthAt(e.clientX);
    timeline.setPointerCapture?.(e.pointerId);
    brush(e.clientX, false);
  });
  listeners.on(timeline, 'pointermove', (e) => brush(e.clientX, false));
  listeners.on(timeline, 'pointerup', (e) => {
    brush(e.clientX, true);
    anchor = null;
  });

  let counts: FacetCounts | null = null;
  function render() {
    if (!counts) return;
    const perMonth = new Map(counts.months.map((m) => [m.month, m.cables]));
    const most = Math.max(1, ...perMonth.values());
    const from = slice.from?.slice(0, 7);
    const to = slice.to?.slice(0, 7);
    months.forEach((m, i) => {
      const n = perMonth.get(m) ?? 0;
      const bar = barEls[i]!;
      (bar.firstChild as HTMLElement).style.height = `${(100 * n) / most}%`;
      bar.title = `${m}: ${count(n)} cable${n === 1 ? '' : 's'}`;
      bar.classList.toggle('in-range', (from === undefined || m >= from) && (to === undefined || m <= to));
    });
    for (const f of facetBoxes) {
      const checked = new Set(slice[f.kind] ?? []);
      const query = f.search.value.trim().toLowerCase();
      const values = counts[f.kind];
      const byValue = new Map(values.map((v) => [v.value, v.cables]));
      const shown = [
        ...[...checked].map((value) => ({ value, cables: byValue.get(value) ?? 0 })),
        ...values.filter((v) => !checked.has(v.value) && (query === '' || v.value.toLowerCase().includes(query))).slice(0, LISTED),
      ];
      f.list.replaceChildren(...shown.map((v) => {
        const input = el('input', { attrs: { type: 'checkbox', value: v.value } });
        input.checked = checked.has(v.value);
        return el('label', { className: 'facet-value' }, [input, el('span', { text: v.value }), el('span', { className: 'facet-count', text: count(v.cables) })]);
      }));
    }
  }

  return {
    element,
    update(next, nextCounts, drawn) {
      slice = next;
      counts = nextCounts;
      range.textContent = slice.from || slice.to ? `${slice.from ?? '…'} – ${slice.to ?? '…'}` : 'all dates';
      status.textContent = `${count(nextCounts.cables)} cable${nextCounts.cables === 1 ? '' : 's'} · ${count(drawn.nodes)} entities · ${count(drawn.edges)} links drawn`;
      clear.disabled = Object.keys(slice).length === 0;
      render();
    },
    dispose() {
      listeners.dispose();
      element.remove();
    },
  };
}
