/**
 * What a slice of the corpus is cut by — each cable's day, post, classification and tags — as
 * typed arrays indexed by cable, with each paragraph's cable, so that deciding which paragraphs
 * a slice holds is one linear pass however often the user moves the brush.
 *
 * Conventions (shared with the CLI): a cable's id, origin, classification and tags are its
 * metadata.csv row's where it has one, else its header's; its date comes only from metadata.csv
 * (headers carry none). Values match case-insensitively; a filter lists values per kind, one
 * kind repeated means any of them, kinds combined mean all; dates compare days, both ends
 * included, and a cable without a date falls outside any date range.
 */
import type { CableRecord } from '../dataset/format.ts';
import type { DatasetReader } from '../dataset/read-dataset.ts';
import { dayNumber } from '../days.ts';

/** A cable as slices see it. */
export interface CableFacts {
  /** metadata.csv's id (`07PARIS2725`), else the header's (`PARIS 002725`). */
  id: string;
  /** `YYYY-MM-DD`, or '' when the corpus gives no date. */
  date: string;
  origin: string;
  classification: string;
  tags: string[];
}

export function cableFacts(cable: CableRecord): CableFacts {
  const listing = cable.listing;
  const date = listing?.date.slice(0, 10) ?? '';
  return {
    id: listing?.id || cable.id,
    date: dayNumber(date) === null ? '' : date,
    origin: listing?.origin || cable.origin,
    classification: listing?.classification || cable.classification,
    tags: listing?.tags && listing.tags.length > 0 ? listing.tags : cable.tags,
  };
}


/** Marks a cable without a date in `SliceIndex.day`. */
export const NO_DAY = -0x80000000;
/** The day of an undated cable's paragraphs in `SliceIndex.positionDay`: after every real day. */
export const NO_DAY_LAST = 0x7fffffff;

/** One kind of facet's values: the spelling first met for each, and a case-insensitive lookup. */
export interface FacetValues {
  values: string[];
  /** Lower-cased value → index into `values`. */
  ids: Map<string, number>;
}

export interface SliceIndex {
  cables: number;
  paragraphs: number;
  facts: CableFacts[];
  /** Cable index of each paragraph. */
  paragraphCable: Uint32Array;
  /** Each paragraph's position in date order (by its cable's day, undated last, then by id). */
  position: Uint32Array;
  /** The day at each position, ascending (undated: NO_DAY_LAST). */
  positionDay: Int32Array;
  /** The cable at each position. */
  positionCable: Uint32Array;
  /** Per cable: day number, or NO_DAY. */
  day: Int32Array;
  origin: Uint32Array;
  classification: Uint32Array;
  /** Tags of cable c: tagIds[tagOffsets[c] .. tagOffsets[c + 1]). */
  tagOffsets: Uint32Array;
  tagIds: Uint32Array;
  origins: FacetValues;
  classifications: FacetValues;
  tags: FacetValues;
}

function facetValues(): FacetValues {
  return { values: [], ids: new Map() };
}

function valueId(f: FacetValues, value: string): number {
  const key = value.toLowerCase();
  let id = f.ids.get(key);
  if (id === undefined) {
    id = f.values.length;
    f.values.push(value);
    f.ids.set(key, id);
  }
  return id;
}

/** Indexes every cable of a dataset, in index order (`DatasetReader.cables()`). */
export function sliceIndex(cables: readonly CableRecord[], paragraphs: number): SliceIndex {
  return sliceIndexOf(cables.length, (c) => cableFacts(cables[c]!), (c) => cables[c]!.paragraphs, paragraphs);
}

/**
 * The slice index of a dataset: from its cable table's index when it has one (one file, an eighth
 * of the cable shards' bytes), else from every cable record.
 */
export async function readSliceIndex(reader: Pick<DatasetReader, 'cables' | 'cableTable' | 'manifest'>): Promise<SliceIndex> {
  const paragraphs = reader.manifest.corpus.paragraphs;
  const table = (await reader.cableTable?.()) ?? null;
  if (table) return sliceIndexOf(table.cables, table.facts, table.paragraphs, paragraphs);
  return sliceIndex(await reader.cables(), paragraphs);
}

/** Indexes `n` cables given each one's facts and paragraphs (first id, count). */
export function sliceIndexOf(n: number, factsOf: (cable: number) => CableFacts, paragraphsOf: (cable: number) => readonly [number, number], paragraphs: number): SliceIndex {
  const index: SliceIndex = {
    cables: n, paragraphs, facts: [],
    paragraphCable: new Uint32Array(paragraphs),
    position: new Uint32Array(paragraphs), positionDay: new Int32Array(paragraphs), positionCable: new Uint32Array(paragraphs),
    day: new Int32Array(n), origin: new Uint32Array(n), classification: new Uint32Array(n),
    tagOffsets: new Uint32Array(n + 1), tagIds: new Uint32Array(0),
    origins: facetValues(), classifications: facetValues(), tags: facetValues(),
  };
  const tagIds: number[] = [];
  for (let c = 0; c < n; c++) {
    const facts = factsOf(c);
    index.facts.push(facts);
    index.day[c] = facts.date === '' ? NO_DAY : dayNumber(facts.date)!;
    index.origin[c] = valueId(index.origins, facts.origin);
    index.classification[c] = valueId(index.classifications, facts.classification);
    const own = new Set<number>();
    for (const t of facts.tags) own.add(valueId(index.tags, t));
    tagIds.push(...own);
    index.tagOffsets[c + 1] = tagIds.length;
    const [first, count] = paragraphsOf(c);
    index.paragraphCable.fill(c, first, Math.min(first + count, paragraphs));
  }
  index.tagIds = Uint32Array.from(tagIds);
  const dayOf = (p: number) => {
    const d = index.day[index.paragraphCable[p]!]!;
    return d === NO_DAY ? NO_DAY_LAST : d;
  };
  const order = Uint32Array.from({ length: paragraphs }, (_, p) => p).sort((a, b) => dayOf(a) - dayOf(b) || a - b);
  for (let i = 0; i < paragraphs; i++) {
    const p = order[i]!;
    index.position[p] = i;
    index.positionDay[i] = dayOf(p);
    index.positionCable[i] = index.paragraphCable[p]!;
  }
  return index;
}

/** A slice: days (inclusive, `YYYY-MM-DD`) and values per kind; an empty or absent list leaves that kind free. */
export interface SliceFilter {
  from?: string;
  to?: string;
  origins?: readonly string[];
  classifications?: readonly string[];
  tags?: readonly string[];
}

export type FacetKind = 'origins' | 'classifications' | 'tags';
export const FACET_KINDS: readonly FacetKind[] = ['origins', 'classifications', 'tags'];

/** Checks a filter's days: an error names the bound and the expected form. */
export function checkFilter(filter: SliceFilter): void {
  for (const bound of ['from', 'to'] as const) {
    const value = filter[bound];
    if (value !== undefined && (!/^\d{4}-\d{2}-\d{2}$/.test(value) || dayNumber(value) === null)) {
      throw new RangeError(`${bound} ${JSON.stringify(value)}: expected a day as YYYY-MM-DD`);
    }
  }
}

/** Whether one cable is in a slice (what `cableMask` decides for every cable at once). */
export function matchesFilter(facts: CableFacts, filter: SliceFilter): boolean {
  checkFilter(filter);
  if (filter.from !== undefined || filter.to !== undefined) {
    const day = dayNumber(facts.date);
    if (day === null) return false;
    if (filter.from !== undefined && day < dayNumber(filter.from)!) return false;
    if (filter.to !== undefined && day > dayNumber(filter.to)!) return false;
  }
  const anyOf = (wanted: readonly string[] | undefined, have: readonly string[]) => {
    if (!wanted || wanted.length === 0) return true;
    const set = new Set(wanted.map((w) => w.trim().toLowerCase()));
    return have.some((h) => set.has(h.toLowerCase()));
  };
  return anyOf(filter.origins, [facts.origin]) && anyOf(filter.classifications, [facts.classification]) && anyOf(filter.tags, facts.tags);
}

/** True when the filter cuts nothing. */
export function isWholeCorpus(filter: SliceFilter): boolean {
  return filter.from === undefined && filter.to === undefined && FACET_KINDS.every((k) => (filter[k]?.length ?? 0) === 0);
}

/** A compiled filter: per kind, a mask over value ids (null: that kind is free). */
interface Compiled {
  from: number;
  to: number;
  dated: boolean;
  masks: Record<FacetKind, Uint8Array | null>;
}

function compile(index: SliceIndex, filter: SliceFilter): Compiled {
  checkFilter(filter);
  const from = filter.from === undefined ? -Infinity : dayNumber(filter.from)!;
  const to = filter.to === undefined ? Infinity : dayNumber(filter.to)!;
  const masks = {} as Record<FacetKind, Uint8Array | null>;
  for (const kind of FACET_KINDS) {
    const wanted = filter[kind];
    if (!wanted || wanted.length === 0) {
      masks[kind] = null;
      continue;
    }
    const values = index[kind];
    const mask = new Uint8Array(values.values.length);
    for (const w of wanted) {
      const id = values.ids.get(w.trim().toLowerCase());
      if (id !== undefined) mask[id] = 1;
    }
    masks[kind] = mask;
  }
  return { from, to, dated: filter.from !== undefined || filter.to !== undefined, masks };
}

function cableMatches(index: SliceIndex, f: Compiled, c: number, skip: FacetKind | 'days' | null): boolean {
  if (skip !== 'days' && f.dated) {
    const d = index.day[c]!;
    if (d === NO_DAY || d < f.from || d > f.to) return false;
  }
  if (skip !== 'origins' && f.masks.origins && f.masks.origins[index.origin[c]!] !== 1) return false;
  if (skip !== 'classifications' && f.masks.classifications && f.masks.classifications[index.classification[c]!] !== 1) return false;
  const tags = f.masks.tags;
  if (skip !== 'tags' && tags) {
    let any = false;
    for (let i = index.tagOffsets[c]!; i < index.tagOffsets[c + 1]! && !any; i++) any = tags[index.tagIds[i]!] === 1;
    if (!any) return false;
  }
  return true;
}

/** 1 for each cable in the slice. */
export function cableMask(index: SliceIndex, filter: SliceFilter): Uint8Array {
  const f = compile(index, filter);
  const mask = new Uint8Array(index.cables);
  for (let c = 0; c < index.cables; c++) mask[c] = cableMatches(index, f, c, null) ? 1 : 0;
  return mask;
}

/** 1 for each paragraph in the slice (the paragraphs of its cables). */
export function paragraphMask(index: SliceIndex, cables: Uint8Array): Uint8Array {
  const mask = new Uint8Array(index.paragraphs);
  const of = index.paragraphCable;
  for (let p = 0; p < index.paragraphs; p++) mask[p] = cables[of[p]!]!;
  return mask;
}

/** First position whose day is ≥ `day`. */
function firstPositionFrom(index: SliceIndex, day: number): number {
  let lo = 0;
  let hi = index.paragraphs;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (index.positionDay[mid]! < day) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * A slice as a span of positions in date order plus, when posts, markings or tags are filtered,
 * a mask over positions: what `subsetWeights` takes.
 */
export function sliceSpan(index: SliceIndex, filter: SliceFilter): { lo: number; hi: number; mask: Uint8Array | null } {
  const f = compile(index, filter);
  const lo = f.dated ? firstPositionFrom(index, Math.max(f.from, NO_DAY + 1)) : 0;
  const hi = f.dated ? firstPositionFrom(index, Math.min(f.to, NO_DAY_LAST - 1) + 1) : index.paragraphs;
  if (FACET_KINDS.every((k) => f.masks[k] === null)) return { lo, hi, mask: null };
  const cables = new Uint8Array(index.cables);
  for (let c = 0; c < index.cables; c++) cables[c] = cableMatches(index, f, c, 'days') ? 1 : 0;
  const mask = new Uint8Array(index.paragraphs);
  for (let i = lo; i < hi; i++) mask[i] = cables[index.positionCable[i]!]!;
  return { lo, hi, mask };
}

export interface FacetCount {
  value: string;
  cables: number;
}

/** Cables per month (`YYYY-MM`), ascending, over the dated cables that match every filter but the dates. */
export interface MonthCount {
  month: string;
  cables: number;
}

export interface FacetCounts {
  /** Per kind, cables per value among those matching every other kind's filter, most first then by value. */
  origins: FacetCount[];
  classifications: FacetCount[];
  tags: FacetCount[];
  months: MonthCount[];
  /** Cables in the slice itself. */
  cables: number;
}

/**
 * The counts beside each facet value, as faceted search shows them: for a value of one kind, the
 * cables that match the other kinds' filters and the dates and have that value; so picking a
 * post still shows how many cables the other posts would add.
 */
export function facetCounts(index: SliceIndex, filter: SliceFilter): FacetCounts {
  const f = compile(index, filter);
  const result = { cables: 0, months: [] } as unknown as FacetCounts;
  for (const kind of FACET_KINDS) {
    const counts = new Uint32Array(index[kind].values.length);
    for (let c = 0; c < index.cables; c++) {
      if (!cableMatches(index, f, c, kind)) continue;
      if (kind === 'tags') {
        for (let i = index.tagOffsets[c]!; i < index.tagOffsets[c + 1]!; i++) counts[index.tagIds[i]!]!++;
      } else {
        counts[(kind === 'origins' ? index.origin : index.classification)[c]!]!++;
      }
    }
    result[kind] = index[kind].values
      .map((value, i) => ({ value, cables: counts[i]! }))
      .filter((v) => v.cables > 0)
      .sort((x, y) => y.cables - x.cables || (x.value < y.value ? -1 : x.value > y.value ? 1 : 0));
  }
  const months = new Map<string, number>();
  for (let c = 0; c < index.cables; c++) {
    if (cableMatches(index, f, c, null)) result.cables++;
    if (index.day[c] === NO_DAY || !cableMatches(index, f, c, 'days')) continue;
    const month = index.facts[c]!.date.slice(0, 7);
    months.set(month, (months.get(month) ?? 0) + 1);
  }
  result.months = [...months].sort(([x], [y]) => (x < y ? -1 : 1)).map(([month, cables]) => ({ month, cables }));
  return result;
}
