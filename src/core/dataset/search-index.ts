/**
 * The search index: every entity under its label and each of its surface forms, and under each
 * later word of them that can start a query (`morales` finds Evo Morales), normalised like a
 * query, grouped into shards by the first two characters so that a query fetches one small file
 * whatever the corpus size. Words shorter than three characters and stop words (`of`, `de`, `the`)
 * start no entry: nobody looks for "of America", and they would fill the shards of `of` and `de`.
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
      texts.add(normalized);
      for (const i of wordStarts(normalized)) texts.add(normalized.slice(i));
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

/** Words that start no search entry of their own, in the languages of the cables' names. */
const STOP_WORDS = new Set([
  'the', 'and', 'for', 'del', 'los', 'las', 'des', 'der', 'die', 'das', 'dos', 'von', 'van', 'une', 'por', 'con',
]);
const MIN_WORD = 3;

/** Offsets of the words after the first of a normalised name that a query may start with. */
export function wordStarts(normalized: string): number[] {
  const starts: number[] = [];
  for (let space = normalized.indexOf(' '); space >= 0; space = normalized.indexOf(' ', space + 1)) {
    const start = space + 1;
    const end = normalized.indexOf(' ', start);
    const word = normalized.slice(start, end < 0 ? undefined : end);
    if ([...word].length >= MIN_WORD && !STOP_WORDS.has(word)) starts.push(start);
  }
  return starts;
}
