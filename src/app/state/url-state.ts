/**
 * The view's state and its URL form. Everything a link must reopen lives here (selection,
 * filters, weighting); the functions are pure, so `fromParams(toParams(s))` is `s` and the
 * tests need no browser. Parameters left at their defaults are omitted to keep links short.
 */
import { DEFAULT_WEIGHTING, weightingById } from './weighting.ts';
import { checkFilter, isWholeCorpus, type SliceFilter } from '../../core/slices/slice-index.ts';
import type { WeightingId } from './weighting.ts';

export interface ViewState {
  /** Selected entity key, or null. */
  node: string | null;
  /** With `node`, a second entity key: the pair's shared paragraphs are shown. */
  other: string | null;
  /** Entity types turned off, sorted. */
  hiddenTypes: string[];
  weighting: WeightingId;
  /** Minimum edge strength under `weighting`; null means the scheme's default. */
  minWeight: number | null;
  /** Minimum mentions for an entity to be shown. */
  minMentions: number;
  /** Community id to focus on, or null for all. */
  community: number | null;
  /** The slice of the corpus drawn (timeline and facets); absent for the whole corpus. */
  slice?: SliceFilter;
}

export const DEFAULT_STATE: ViewState = {
  node: null,
  other: null,
  hiddenTypes: [],
  weighting: DEFAULT_WEIGHTING,
  minWeight: null,
  minMentions: 0,
  community: null,
};

const number = (text: string | null): number | null => {
  if (text === null || text.trim() === '') return null;
  const n = Number(text);
  return Number.isFinite(n) ? n : null;
};

/** Reads a state from URL parameters; anything unreadable falls back to the default. */
export function fromParams(params: URLSearchParams): ViewState {
  const node = params.get('node') || null;
  const types = params.get('off');
  const community = number(params.get('community'));
  return {
    node,
    other: node ? params.get('with') || null : null,
    hiddenTypes: types ? [...new Set(types.split(',').filter(Boolean))].sort() : [],
    weighting: weightingById(params.get('w') ?? '')?.id ?? DEFAULT_WEIGHTING,
    minWeight: number(params.get('min')),
    minMentions: Math.max(0, Math.floor(number(params.get('mentions')) ?? 0)),
    community: community !== null && Number.isInteger(community) ? community : null,
    ...sliceFromParams(params),
  };
}

/** The slice in `from`, `to` and repeated `origin`, `tag`, `class` parameters; a malformed day is left out. */
function sliceFromParams(params: URLSearchParams): { slice?: SliceFilter } {
  const day = (name: string) => {
    const value = params.get(name) ?? undefined;
    try {
      checkFilter({ from: value });
      return value;
    } catch {
      return undefined;
    }
  };
  const list = (name: string) => {
    const values = [...new Set(params.getAll(name).filter(Boolean))].sort();
    return values.length > 0 ? values : undefined;
  };
  const slice: SliceFilter = Object.fromEntries(Object.entries({
    from: day('from'), to: day('to'), origins: list('origin'), classifications: list('class'), tags: list('tag'),
  }).filter(([, v]) => v !== undefined));
  return isWholeCorpus(slice) ? {} : { slice };
}

/** Writes a state as URL parameters, in a fixed order, defaults left out. */
export function toParams(state: ViewState): URLSearchParams {
  const params = new URLSearchParams();
  if (state.node) {
    params.set('node', state.node);
    if (state.other) params.set('with', state.other);
  }
  if (state.hiddenTypes.length) params.set('off', [...state.hiddenTypes].sort().join(','));
  if (state.weighting !== DEFAULT_WEIGHTING) params.set('w', state.weighting);
  if (state.minWeight !== null) params.set('min', String(state.minWeight));
  if (state.minMentions > 0) params.set('mentions', String(state.minMentions));
  if (state.community !== null) params.set('community', String(state.community));
  const slice = state.slice;
  if (slice) {
    if (slice.from) params.set('from', slice.from);
    if (slice.to) params.set('to', slice.to);
    for (const [name, values] of [['origin', slice.origins], ['class', slice.classifications], ['tag', slice.tags]] as const) {
      for (const v of [...new Set(values ?? [])].sort()) params.append(name, v);
    }
  }
  return params;
}

/** Whether two states write the same URL (then no history entry is needed). */
export function sameState(a: ViewState, b: ViewState): boolean {
  return toParams(a).toString() === toParams(b).toString();
}

// State changes as small pure functions: (args) => (state) => new state.

export const selectNode = (node: string | null, other: string | null = null) => (s: ViewState): ViewState => ({ ...s, node, other: node ? other : null });

export const toggleType = (type: string, visible: boolean) => (s: ViewState): ViewState => ({
  ...s,
  hiddenTypes: visible ? s.hiddenTypes.filter((t) => t !== type) : [...new Set([...s.hiddenTypes, type])].sort(),
});

/** Changing the scheme resets the threshold: a Jaccard threshold means nothing as a count. */
export const setWeighting = (weighting: WeightingId) => (s: ViewState): ViewState => ({ ...s, weighting, minWeight: null });

export const setMinWeight = (minWeight: number | null) => (s: ViewState): ViewState => ({ ...s, minWeight });

export const setMinMentions = (minMentions: number) => (s: ViewState): ViewState => ({ ...s, minMentions: Math.max(0, Math.floor(minMentions)) });

export const focusCommunity = (community: number | null) => (s: ViewState): ViewState => ({ ...s, community });

/** A new slice (an empty one draws the whole corpus). */
export const setSlice = (slice: SliceFilter) => (s: ViewState): ViewState => {
  const { slice: _, ...rest } = s;
  return isWholeCorpus(slice) ? rest : { ...rest, slice };
};

/** Filters back to their defaults; the selection stays. */
export const resetFilters = () => (s: ViewState): ViewState => ({ ...DEFAULT_STATE, node: s.node, other: s.other });
