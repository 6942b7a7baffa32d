/**
 * The search index: every entity under every word start of its label and of each of its surface
 * forms, normalised like a query, grouped into shards by the first two characters so that a
 * query fetches one small file whatever the corpus size.
 */
import type { CorpusTables } from '../graph/corpus-index.ts';
import { searchPrefix, type SearchEntry } from './format.ts';

/** Search shards by prefix, each sorted by matched text, then by paragraphs (most first), then id. */
export function searchEntries(
  tables: CorpusTables, labels: string[], types: string[], normalize: (text: string) => string,
): Map<string, SearchEntry[]> {
  const shards = new Map<string, SearchEntry[]>();
  for (let e = 0; e < tables.entities; e++) {
    const texts = new Set<string>();
    for (const name of [labels[e]!, ...tables.surfaces[e]!.keys()]) {
      const normalized = normalize(name);
      for (let i = 0; ; ) {
        texts.add(normalized.slice(i));
        const space = normalized.indexOf(' ', i);
        if (space < 0) break;
        i = space + 1;
      }
    }
    for (const text of texts) {
      if (text === '') continue;
      const prefix = searchPrefix(text);
      let shard = shards.get(prefix);
      if (!shard) shards.set(prefix, (shard = []));
      shard.push([text, e, labels[e]!, types[e]!, tables.paragraphCounts[e]!]);
    }
  }
  for (const entries of shards.values()) {
    entries.sort((x, y) => (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : y[4] - x[4] || x[1] - y[1]));
  }
  return new Map([...shards].sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0)));
}
