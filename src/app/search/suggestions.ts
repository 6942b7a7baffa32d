/**
 * Search suggestions from the entries of one search shard: entries whose normalised text starts
 * with the normalised query, one per entity, exact matches first, then by paragraphs, then label.
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

export function suggest(entries: readonly SearchEntry[], query: string, limit = 10): Suggestion[] {
  if (!query) return [];
  const best = new Map<number, Suggestion & { exact: boolean }>();
  for (const [text, id, label, type, paragraphs] of entries) {
    if (!text.startsWith(query)) continue;
    const exact = text === query;
    const seen = best.get(id);
    if (!seen || (exact && !seen.exact)) best.set(id, { id, label, type, paragraphs, matched: text, exact });
  }
  return [...best.values()]
    .sort((a, b) => Number(b.exact) - Number(a.exact) || b.paragraphs - a.paragraphs || a.label.localeCompare(b.label) || a.id - b.id)
    .slice(0, limit)
    .map(({ exact: _exact, ...s }) => s);
}
