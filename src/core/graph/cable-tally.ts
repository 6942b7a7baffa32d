/**
 * A cable's kept mentions counted per key: its distinct keys in order of first appearance, each
 * with its mentions, lexicon mentions, surface forms and types (forms and types in order of first
 * appearance too), and for each mention the key it names. Made where the cable is resolved (a
 * build's worker thread), so the corpus index, on the main thread, interns each key and counts
 * each form once per cable rather than once per mention: at Cablegate's scale those map updates
 * were a fifth of the main thread's reading time.
 */
import type { ResolvedMention } from '../entities/model.ts';

export interface CableTally {
  keys: string[];
  mentions: number[];
  lexicon: number[];
  surfaces: [form: string, count: number][][];
  types: [type: string, count: number][][];
  /** Per paragraph, per mention: the index of its key in `keys`, or -1 for a dropped mention. */
  local: number[][];
  /**
   * Per paragraph, per mention SPAN_FIELDS numbers: start, end, its type (an index into
   * `typeNames`) and, for a dropped mention, its reason (an index into `reasons`; -1 when kept).
   * With these a paragraph's record is written without the mention objects, which then need not
   * cross from a worker at all (their deserialisation was a tenth of the main thread's reading).
   */
  spans: Int32Array[];
  typeNames: string[];
  reasons: string[];
}

export const SPAN_FIELDS = 4;

function bump(counts: [string, number][], value: string): void {
  for (const entry of counts) {
    if (entry[0] === value) {
      entry[1]++;
      return;
    }
  }
  counts.push([value, 1]);
}

export function tallyCable(paragraphs: readonly { mentions: readonly ResolvedMention[] }[]): CableTally {
  const tally: CableTally = { keys: [], mentions: [], lexicon: [], surfaces: [], types: [], local: [], spans: [], typeNames: [], reasons: [] };
  const indexOf = new Map<string, number>();
  const number = (names: string[], name: string) => {
    const i = names.indexOf(name);
    return i >= 0 ? i : names.push(name) - 1;
  };
  for (const p of paragraphs) {
    const local: number[] = [];
    const spans = new Int32Array(p.mentions.length * SPAN_FIELDS);
    for (const [i, m] of p.mentions.entries()) {
      spans[i * SPAN_FIELDS] = m.start;
      spans[i * SPAN_FIELDS + 1] = m.end;
      spans[i * SPAN_FIELDS + 2] = number(tally.typeNames, m.type);
      spans[i * SPAN_FIELDS + 3] = m.dropped === null ? -1 : number(tally.reasons, m.dropped);
      if (m.key === null) {
        local.push(-1);
        continue;
      }
      let k = indexOf.get(m.key);
      if (k === undefined) {
        k = tally.keys.length;
        indexOf.set(m.key, k);
        tally.keys.push(m.key);
        tally.mentions.push(0);
        tally.lexicon.push(0);
        tally.surfaces.push([]);
        tally.types.push([]);
      }
      tally.mentions[k]!++;
      if (m.origin === 'lexicon') tally.lexicon[k]!++;
      // A key has a handful of forms and types in a cable: a list beats a map.
      bump(tally.surfaces[k]!, m.surface);
      bump(tally.types[k]!, m.type);
      local.push(k);
    }
    tally.local.push(local);
    tally.spans.push(spans);
  }
  return tally;
}
