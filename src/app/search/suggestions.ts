/**
 * Search suggestions from the entries of one search shard: the entities one of whose names, or a
 * later word of it, starts with the normalised query, one suggestion per entity, in the order of
 * what the user most likely means: the most cited first. An exact match is no reason to come
 * first (`United`, 2 paragraphs, must not hide United States, 805), only a tie-break, but the
 * best exact match always keeps a place in the list, so a rare name typed in full can be chosen.
 */
import type { SearchEntry } from '../../core/dataset/format.ts';

export interface Suggestion {
  id: number;
  label: string;
  type: string;
  paragraphs: number;
  /** The normalised name or alias that matched. */
  matched: string;
}

type Ranked = Suggestion & { exact: boolean };

const byLikelihood = (a: Ranked, b: Ranked) =>
  b.paragraphs - a.paragraphs || Number(b.exact) - Number(a.exact) || a.label.localeCompare(b.label) || a.id - b.id;

export function suggest(entries: readonly SearchEntry[], query: string, limit = 10): Suggestion[] {
  if (!query || limit < 1) return [];
  const best = new Map<number, Ranked>();
  for (const [text, id, label, type, paragraphs] of entries) {
    if (!text.startsWith(query)) continue;
    const exact = text === query;
    const seen = best.get(id);
    if (!seen || (exact && !seen.exact)) best.set(id, { id, label, type, paragraphs, matched: text, exact });
  }
  const ranked = [...best.values()].sort(byLikelihood);
  const shown = ranked.slice(0, limit);
  const exact = ranked.find((s) => s.exact);
  if (exact && !shown.includes(exact)) shown[shown.length - 1] = exact;
  return shown.map(({ exact: _exact, ...s }) => s);
}
