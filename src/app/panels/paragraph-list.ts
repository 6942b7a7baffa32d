/**
 * The reading room: the source paragraphs of an entity or a pair as one virtualised list
 * (virtual-list.ts), so Iran's 1,369 paragraphs scroll like twenty, with the paragraph and cable
 * shards of the rows in view fetched as they come into view. The list sorts by date either way,
 * by cable or by entities (from the compact paragraph keys, before any text), keeps the paragraphs
 * that contain a word (searching texts shard by shard, counting what it found so far), groups a
 * cable's paragraphs under one heading, moves between paragraphs with ↓/↑ or j/k, and exports what
 * it lists as a CSV citation table. Each paragraph shows its cable, date, post, classification and
 * number, and its text with every mention a button (or, for dropped mentions, a mark) built with
 * textContent; the mention's type is a class, and mentions of the entities in focus are emphasised.
 */
import type { CableRecord, ParagraphMention, ParagraphRecord } from '../../core/dataset/format.ts';
import { paragraphShardOf } from '../../core/dataset/format.ts';
import { evidenceCsv } from '../../core/export/evidence.ts';
import type { Dataset } from '../data/dataset.ts';
import { loadListKeys } from '../data/list-keys.ts';
import { Listeners, count, el, plural } from '../dom.ts';
import { saveFile } from '../import/save-file.ts';
import { typeHue } from '../view/colors.ts';
import { SORT_LABELS, SORT_MODES, isSortMode, listRows, matchesFilter, sortPositions } from './paragraph-order.ts';
import type { ListKeys, Row, RowList, SortMode } from './paragraph-order.ts';
import { segments } from './text-segments.ts';
import { createVirtualList } from './virtual-list.ts';

/** Paragraphs a click fetches first (and a hover prefetches): about a screenful. */
export const PAGE_SIZE = 20;
/** Rows fetched beyond those drawn, so a steady scroll finds its text already there. */
const FETCH_AHEAD = 12;

export interface ParagraphListOptions {
  dataset: Dataset;
  /** Paragraph ids, ascending. */
  ids: readonly number[];
  /** Entity ids whose mentions are emphasised. */
  focus: ReadonlySet<number>;
  /** What the paragraphs are the evidence of (an entity, a pair), for the exported file's name. */
  title?: string;
  onEntity(id: number): void;
  /** Called once the first paragraphs are on screen (the benchmark measures it). */
  onShown?(): void;
}

export interface ParagraphList {
  readonly element: HTMLElement;
  dispose(): void;
}

/** The reader's choices carry over from one selection to the next. */
const preferred: { sort: SortMode; grouped: boolean } = { sort: 'cable', grouped: false };

/** A Map: the reason comes from a dataset file and may be any string. */
const DROP_REASONS = new Map<string, string>(Object.entries({
  'format-word': 'a format word, not a name',
  'jargon-role': 'cable jargon for an embassy role',
  redaction: 'a redacted name',
  'no-name': 'nothing nameable',
}));

function mentionElement(text: string, mention: ParagraphMention, focus: ReadonlySet<number>): HTMLElement {
  const [, , entity, type, dropped] = mention;
  const hue = String(typeHue(type));
  if (entity < 0) {
    const mark = el('mark', { className: 'mention dropped', text, testid: 'mention', title: `${type}: not counted (${DROP_REASONS.get(dropped ?? '') ?? dropped ?? 'dropped'})` });
    mark.style.setProperty('--hue', hue);
    return mark;
  }
  const button = el('button', {
    className: `mention type-${type.replace(/[^\w-]/gu, '_')}${focus.has(entity) ? ' focus' : ''}`,
    text,
    testid: 'mention',
    title: `${type} — open this entity`,
    attrs: { type: 'button', 'data-entity': String(entity), 'data-type': type, tabindex: '-1' },
  });
  button.style.setProperty('--hue', hue);
  return button;
}

/** `YYYY-MM-DD` of a listing date, or null. */
const isoDay = (date: string | undefined) => /^\d{4}-\d{2}-\d{2}/.exec(date ?? '')?.[0] ?? null;

/** The cable's id, post, classification and date, as one paragraph or a cable heading shows them. */
function cableMeta(cable: CableRecord): (HTMLElement | null)[] {
  // The corpus metadata, where there is one, names the post and gives the full marking.
  const listing = cable.listing;
  const classification = listing?.classification || cable.classification;
  const origin = listing?.origin || cable.origin;
  return [
    // The Cablegate id (06LIMA2158) where the metadata gives it, else the header's LIMA 002158.
    el('span', { className: 'cable-id', text: listing?.id || cable.id, title: cable.file }),
    origin ? el('span', { className: 'cable-origin', text: origin }) : null,
    classification ? el('span', { className: 'cable-classification', text: classification }) : null,
    listing?.date ? el('time', { className: 'cable-date', text: listing.date, attrs: { datetime: listing.date.replace(' ', 'T') } }) : null,
  ];
}

function paragraphElement(p: ParagraphRecord, cable: CableRecord, focus: ReadonlySet<number>, grouped: boolean): HTMLElement {
  const meta = el('header', { className: 'paragraph-meta' }, [
    ...(grouped ? [] : cableMeta(cable)),
    el('span', { className: 'paragraph-n', text: `¶${p.n}` }),
  ]);
  const subject = !grouped && cable.subject ? el('div', { className: 'cable-subject', text: cable.subject, title: cable.subject }) : null;
  const body = el('p', { className: 'paragraph-text' });
  for (const segment of segments(p.text, p.mentions)) {
    body.append(segment.mention ? mentionElement(segment.text, segment.mention, focus) : document.createTextNode(segment.text));
  }
  const day = isoDay(cable.listing?.date);
  return el('article', {
    className: `paragraph${grouped ? ' in-group' : ''}`,
    testid: 'paragraph',
    attrs: { tabindex: '0', 'data-cable': cable.listing?.id || cable.id, 'data-n': String(p.n), ...(day ? { 'data-date': day } : {}) },
  }, [meta, subject, body]);
}

export function createParagraphList(options: ParagraphListOptions): ParagraphList {
  const { dataset, ids, focus } = options;
  const listeners = new Listeners();

  const sort = el('select', { testid: 'paragraph-sort', attrs: { 'aria-label': 'Order of the paragraphs' } });
  for (const mode of SORT_MODES) sort.append(el('option', { text: SORT_LABELS[mode], attrs: { value: mode } }));
  sort.value = preferred.sort;
  const filter = el('input', { testid: 'paragraph-filter', attrs: { type: 'search', placeholder: 'Paragraphs containing…', 'aria-label': 'Keep the paragraphs that contain', autocomplete: 'off', spellcheck: 'false' } });
  const group = el('input', { testid: 'paragraph-group', attrs: { type: 'checkbox' } });
  group.checked = preferred.grouped;
  const exportCsv = el('button', { className: 'export-csv', text: 'CSV', testid: 'export-evidence-csv', title: 'Download these paragraphs as a citation table (CSV)', attrs: { type: 'button' } });
  const tools = el('div', { className: 'paragraph-tools' }, [
    sort, filter, el('label', { className: 'group-toggle', title: 'One heading per cable' }, [group, document.createTextNode(' By cable')]), exportCsv,
  ]);
  const status = el('p', { className: 'list-status', attrs: { role: 'status' } });
  const viewport = el('div', { className: 'paragraph-viewport', testid: 'paragraph-list', attrs: { role: 'feed', 'aria-label': 'Source paragraphs' } });
  const element = el('section', { className: 'paragraph-list' }, [tools, status, viewport]);

  /** Records by position in `ids`, and cables by index, as they come in. */
  const paragraphs = new Map<number, ParagraphRecord>();
  const cables = new Map<number, CableRecord>();
  const pending = new Set<number>();
  let keys: ListKeys | null = null;
  let keysLoading: Promise<ListKeys> | null = null;
  /** Per position: 1 when its text holds the filter, 0 when not, 2 not searched yet. */
  let matched: Uint8Array | null = null;
  let searched = 0;
  let rows: RowList = listRows([], null, null);
  let disposed = false;
  let shown = false;
  let generation = 0;
  let filterRun = 0;

  const rowsStatus = () => {
    const listed = rows.paragraphs;
    if (ids.length === 0) return 'No paragraphs.';
    if (matched) {
      const done = searched === ids.length;
      return done
        ? `${plural(listed, 'paragraph')} of ${count(ids.length)} contain “${filter.value.trim()}”`
        : `${plural(listed, 'paragraph')} found so far (searched ${count(searched)} of ${count(ids.length)})…`;
    }
    return plural(ids.length, 'paragraph');
  };

  /** A cable's record if at hand: taken from a shard already read rather than a turn later. */
  const cableAt = (index: number): CableRecord | undefined => {
    let cable = cables.get(index);
    if (!cable && (cable = dataset.loadedCable(index))) cables.set(index, cable);
    return cable;
  };

  /** A row's paragraph if it and its cable are at hand (the same way). */
  const paragraphAt = (position: number): ParagraphRecord | undefined => {
    let p = paragraphs.get(position);
    if (!p && (p = dataset.loadedParagraph(ids[position]!))) paragraphs.set(position, p);
    return p && cableAt(p.cable) ? p : undefined;
  };

  const render = (index: number): HTMLElement => {
    const row = rows.at(index);
    if (row.kind === 'cable') {
      const cable = cableAt(row.cable);
      if (!cable) return el('div', { className: 'cable-heading loading', text: '…' });
      return el('div', { className: 'cable-heading', testid: 'cable-group' }, [
        el('header', { className: 'paragraph-meta' }, [...cableMeta(cable), el('span', { className: 'n', text: plural(row.paragraphs, '¶', '¶') })]),
        cable.subject ? el('div', { className: 'cable-subject', text: cable.subject }) : null,
      ]);
    }
    const p = paragraphAt(row.position);
    const cable = p ? cables.get(p.cable) : undefined;
    if (!p || !cable) return el('article', { className: 'paragraph loading', testid: 'paragraph-loading', text: 'Loading…', attrs: { tabindex: '0' } });
    return paragraphElement(p, cable, focus, group.checked);
  };

  const list = createVirtualList({
    viewport,
    render,
    drawAll: PAGE_SIZE,
    onRange: (start, end) => void fetchRows(start, end),
  });

  /** Fetches the records of rows [start, end) and a few beyond, then draws them. */
  async function fetchRows(start: number, end: number) {
    const want: number[] = [];
    for (let i = start; i < Math.min(rows.length, end + FETCH_AHEAD); i++) {
      const row = rows.at(i);
      if (!paragraphAt(row.position) && !pending.has(row.position)) want.push(row.position);
    }
    const headings: Extract<Row, { kind: 'cable' }>[] = [];
    for (let i = start; i < Math.min(rows.length, end); i++) {
      const r = rows.at(i);
      if (r.kind === 'cable' && !cableAt(r.cable)) headings.push(r);
    }
    if (want.length === 0 && headings.length === 0) {
      if (!shown && rows.length > 0) markShown();
      return;
    }
    for (const position of want) pending.add(position);
    const at = generation;
    try {
      await Promise.all([
        ...want.map(async (position) => {
          const p = await dataset.paragraph(ids[position]!);
          const cable = cables.get(p.cable) ?? (await dataset.cable(p.cable));
          paragraphs.set(position, p);
          cables.set(p.cable, cable);
        }),
        ...headings.map(async (r) => cables.set(r.cable, await dataset.cable(r.cable))),
      ]);
    } catch (e) {
      if (!disposed) status.textContent = `Could not load these paragraphs: ${(e as Error).message}`;
      return;
    } finally {
      for (const position of want) pending.delete(position);
    }
    if (disposed || at !== generation) return;
    list.redraw();
    if (!shown) markShown();
  }

  function markShown() {
    shown = true;
    options.onShown?.();
  }

  /** Sort keys, loaded once when an order or the grouping needs them. */
  const needKeys = () => (keysLoading ??= loadListKeys(dataset, ids).then((k) => (keys = k)));

  /** Orders, filters and groups the rows again, then draws them from the top. */
  async function rebuild() {
    const at = ++generation;
    const mode = isSortMode(sort.value) ? sort.value : 'cable';
    if ((mode !== 'cable' || group.checked) && !keys) {
      status.textContent = 'Sorting…';
      try {
        await needKeys();
      } catch (e) {
        keysLoading = null;
        if (!disposed) status.textContent = `Could not sort these paragraphs: ${(e as Error).message}`;
        return;
      }
      if (disposed || at !== generation) return;
    }
    const order = sortPositions(ids, keys, mode);
    const m = matched;
    const k = keys;
    rows = listRows(order, m ? (position) => m[position] === 1 : null, group.checked && k ? (position) => k.cable[position]! : null);
    status.textContent = rowsStatus();
    list.reset(rows.length);
  }

  /** Searches the texts for the filter, shard by shard, showing what it found so far. */
  async function runFilter() {
    const wanted = filter.value.trim();
    const at = ++filterRun;
    if (!wanted) {
      matched = null;
      await rebuild();
      return;
    }
    matched = new Uint8Array(ids.length).fill(2);
    searched = 0;
    const byShard = new Map<number, number[]>();
    ids.forEach((id, position) => {
      const shard = paragraphShardOf(id);
      let positions = byShard.get(shard);
      if (!positions) byShard.set(shard, (positions = []));
      positions.push(position);
    });
    for (const positions of byShard.values()) {
      let found: ParagraphRecord[];
      try {
        found = await Promise.all(positions.map((position) => paragraphs.get(position) ?? dataset.paragraph(ids[position]!)));
      } catch (e) {
        if (!disposed && at === filterRun) status.textContent = `Could not search these paragraphs: ${(e as Error).message}`;
        return;
      }
      if (disposed || at !== filterRun) return;
      positions.forEach((position, k) => {
        paragraphs.set(position, found[k]!);
        matched![position] = matchesFilter(found[k]!.text, wanted) ? 1 : 0;
      });
      searched += positions.length;
      await rebuild();
      if (disposed || at !== filterRun) return;
    }
  }

  let filterTimer: ReturnType<typeof setTimeout> | undefined;
  listeners.on(filter, 'input', () => {
    clearTimeout(filterTimer);
    filterTimer = setTimeout(() => void runFilter(), 150);
  });
  listeners.on(filter, 'keydown', (e) => {
    if (e.key === 'Enter') {
      clearTimeout(filterTimer);
      void runFilter();
    }
  });
  listeners.on(sort, 'change', () => {
    if (isSortMode(sort.value)) preferred.sort = sort.value;
    void rebuild();
  });
  listeners.on(group, 'change', () => {
    preferred.grouped = group.checked;
    void rebuild();
  });
  listeners.on(exportCsv, 'click', () => void exportEvidence());

  listeners.on(viewport, 'click', (e) => {
    const target = (e.target as HTMLElement).closest<HTMLElement>('button.mention');
    const id = Number(target?.dataset.entity);
    if (target && Number.isInteger(id)) options.onEntity(id);
  });
  // ↓/↑ or j/k: from paragraph to paragraph (headings skipped), drawing the next one if needed.
  listeners.on(viewport, 'keydown', (e) => {
    const step = e.key === 'ArrowDown' || e.key === 'j' ? 1 : e.key === 'ArrowUp' || e.key === 'k' ? -1 : 0;
    if (step === 0 || e.altKey || e.ctrlKey || e.metaKey) return;
    const current = (document.activeElement as HTMLElement | null)?.closest<HTMLElement>('[data-index]');
    let i = current && viewport.contains(current) ? Number(current.dataset.index) : list.range.start - step;
    do i += step;
    while (i >= 0 && i < rows.length && rows.at(i).kind !== 'paragraph');
    if (i < 0 || i >= rows.length) return;
    e.preventDefault();
    list.reveal(i)?.focus({ preventScroll: true });
  });

  async function exportEvidence() {
    const positions: number[] = [];
    for (let i = 0; i < rows.length; i++) {
      const r = rows.at(i);
      if (r.kind === 'paragraph') positions.push(r.position);
    }
    exportCsv.disabled = true;
    const before = status.textContent;
    try {
      const items: { paragraph: ParagraphRecord; cable: CableRecord }[] = [];
      for (let i = 0; i < positions.length; i++) {
        const position = positions[i]!;
        const paragraph = paragraphs.get(position) ?? (await dataset.paragraph(ids[position]!));
        const cable = cables.get(paragraph.cable) ?? (await dataset.cable(paragraph.cable));
        items.push({ paragraph, cable });
        if (i % 256 === 255) status.textContent = `Preparing the table… ${count(i + 1)} of ${count(positions.length)}`;
      }
      if (disposed) return;
      const name = (options.title ?? 'evidence').replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-+|-+$/g, '') || 'evidence';
      saveFile(`${name}-paragraphs.csv`, evidenceCsv(items), 'text/csv;charset=utf-8');
      status.textContent = before;
    } catch (e) {
      if (!disposed) status.textContent = `Could not export these paragraphs: ${(e as Error).message}`;
    } finally {
      exportCsv.disabled = false;
    }
  }

  if (ids.length === 0) {
    status.textContent = 'No paragraphs.';
    tools.hidden = true;
  } else void rebuild();

  return {
    element,
    dispose() {
      disposed = true;
      clearTimeout(filterTimer);
      listeners.dispose();
      list.dispose();
      element.remove();
    },
  };
}
