/**
 * A list that keeps in the page only the rows in view plus a margin, so thousands of rows of any
 * height scroll as smoothly as twenty. Rows not yet drawn count at an estimated height (the mean
 * of those measured); a row's real height is measured once it is drawn, and when rows above the
 * view turn out taller or shorter than estimated the scroll position is moved by the difference,
 * so the text being read stays put. Spacers above and below stand for the rows not drawn.
 */
import { el } from '../dom.ts';

export interface VirtualListOptions {
  /** The element that scrolls (it gets the rows and the spacers). */
  viewport: HTMLElement;
  /** Draws row `index`; called again for a row after `redraw()`. */
  render(index: number): HTMLElement;
  /** Pixels drawn beyond each edge of the view. */
  margin?: number;
  /**
   * Lists of at most this many rows are drawn whole: they cost little, the browser's find in page
   * sees all of them, and nothing shifts as they scroll.
   */
  drawAll?: number;
  /** Rows from `start` to `end` (exclusive) are drawn: the place to fetch what they show. */
  onRange?(start: number, end: number): void;
}

export interface VirtualList {
  /** Replaces the rows: `count` of them, heights forgotten, scrolled back to the top. */
  reset(count: number): void;
  /** Draws the rows in view again (their data came in). */
  redraw(): void;
  /** Scrolls so that row `index` is in view and returns its element. */
  reveal(index: number): HTMLElement | null;
  /** The element of a drawn row. */
  rowElement(index: number): HTMLElement | null;
  readonly range: { start: number; end: number };
  dispose(): void;
}

const DEFAULT_ESTIMATE = 140;

export function createVirtualList(options: VirtualListOptions): VirtualList {
  const { viewport } = options;
  const margin = options.margin ?? 800;
  const drawAll = options.drawAll ?? 0;
  const above = el('div', { className: 'virtual-spacer' });
  const below = el('div', { className: 'virtual-spacer' });
  const rowsBox = el('div', { className: 'virtual-rows' });
  viewport.replaceChildren(above, rowsBox, below);
  // The list keeps its own anchor: the browser's would fight the spacers' changes.
  viewport.style.overflowAnchor = 'none';

  let count = 0;
  let heights = new Float64Array(0);
  let measured = new Uint8Array(0);
  let measuredSum = 0;
  let measuredCount = 0;
  let drawn = new Map<number, HTMLElement>();
  const range = { start: 0, end: 0 };
  let scheduled = 0;

  const estimate = () => (measuredCount ? measuredSum / measuredCount : DEFAULT_ESTIMATE);
  const heightOf = (i: number) => (measured[i] ? heights[i]! : estimate());
  /** Top of row `i` (the sum of the heights before it). */
  const topOf = (i: number) => {
    let y = 0;
    for (let k = 0; k < i; k++) y += heightOf(k);
    return y;
  };

  const measure = (): boolean => {
    let changed = false;
    for (const [i, row] of drawn) {
      const h = row.getBoundingClientRect().height;
      if (h <= 0) continue;
      if (measured[i]) {
        if (Math.abs(heights[i]! - h) < 0.5) continue;
        measuredSum += h - heights[i]!;
      } else {
        measured[i] = 1;
        measuredSum += h;
        measuredCount++;
      }
      heights[i] = h;
      changed = true;
    }
    return changed;
  };

  /** Draws the rows that meet the view; `force` draws them again even when already drawn. */
  const layout = (force = false) => {
    scheduled = 0;
    if (count === 0) {
      rowsBox.replaceChildren();
      drawn = new Map();
      above.style.height = below.style.height = '0px';
      range.start = range.end = 0;
      return;
    }
    for (let pass = 0; pass < 3; pass++) {
      const scrollTop = viewport.scrollTop;
      const from = scrollTop - margin;
      const to = scrollTop + viewport.clientHeight + margin;
      // The first row that reaches into the view is the anchor kept in place.
      let y = 0;
      let start = 0;
      while (count > drawAll && start < count - 1 && y + heightOf(start) <= from) y += heightOf(start++);
      const startTop = y;
      let anchor = start;
      let anchorTop = y;
      while (anchor < count - 1 && anchorTop + heightOf(anchor) <= scrollTop) anchorTop += heightOf(anchor++);
      let end = start;
      while (end < count && y < to) y += heightOf(end++);
      if (count <= drawAll) {
        start = 0;
        end = count;
      }

      const next = new Map<number, HTMLElement>();
      for (let i = start; i < end; i++) {
        const row = (!force && drawn.get(i)) || options.render(i);
        row.dataset.index = String(i);
        next.set(i, row);
      }
      const rows = [...next.values()];
      const same = rows.length === rowsBox.children.length && rows.every((r, k) => rowsBox.children[k] === r);
      // A row drawn again (its text came in) keeps the keyboard focus it had.
      const focused = (document.activeElement as HTMLElement | null)?.closest<HTMLElement>('[data-index]');
      const focusedIndex = focused && rowsBox.contains(focused) ? Number(focused.dataset.index) : -1;
      if (!same) rowsBox.replaceChildren(...rows);
      const refocus = next.get(focusedIndex);
      if (refocus && refocus !== focused) refocus.focus({ preventScroll: true });
      drawn = next;
      range.start = start;
      range.end = end;
      above.style.height = `${startTop}px`;
      let rest = 0;
      for (let i = end; i < count; i++) rest += heightOf(i);
      below.style.height = `${rest}px`;
      force = false;
      if (!measure()) break;
      // Heights changed: keep the anchor row where it was on screen, then look again.
      const moved = topOf(anchor) - anchorTop;
      above.style.height = `${topOf(start)}px`;
      rest = 0;
      for (let i = end; i < count; i++) rest += heightOf(i);
      below.style.height = `${rest}px`;
      if (Math.abs(moved) >= 0.5) viewport.scrollTop = scrollTop + moved;
    }
    options.onRange?.(range.start, range.end);
  };

  const onScroll = () => {
    if (!scheduled) scheduled = requestAnimationFrame(() => layout());
  };
  viewport.addEventListener('scroll', onScroll, { passive: true });
  const resize = new ResizeObserver(() => onScroll());
  resize.observe(viewport);

  return {
    range,
    reset(n) {
      count = n;
      heights = new Float64Array(n);
      measured = new Uint8Array(n);
      measuredSum = 0;
      measuredCount = 0;
      drawn = new Map();
      rowsBox.replaceChildren();
      viewport.scrollTop = 0;
      layout(true);
    },
    redraw() {
      layout(true);
    },
    reveal(index) {
      if (index < 0 || index >= count) return null;
      const top = topOf(index);
      const bottom = top + heightOf(index);
      if (top < viewport.scrollTop) viewport.scrollTop = top;
      else if (bottom > viewport.scrollTop + viewport.clientHeight) viewport.scrollTop = Math.max(top, bottom - viewport.clientHeight);
      layout();
      return drawn.get(index) ?? null;
    },
    rowElement(index) {
      return drawn.get(index) ?? null;
    },
    dispose() {
      if (scheduled) cancelAnimationFrame(scheduled);
      viewport.removeEventListener('scroll', onScroll);
      resize.disconnect();
      viewport.replaceChildren();
    },
  };
}
