/**
 * A cable's kept mentions counted per key: its distinct keys in order of first appearance, each
 * with its mentions, lexicon mentions, surface forms and types (forms and types in order of first
 * appearance too), and for each mention the key it names. Made where the cable is resolved (a
 * build's worker thread), so the corpus index, on the main thread, translates each key and counts
 * each form once per cable rather than once per mention. Keys, forms and types are numbers of the
 * producer's vocabulary (vocabulary.ts): each word crosses to the main thread once.
 */
import type { ResolvedMention } from '../entities/model.ts';
import type { NumberedWords, Vocabulary } from './vocabulary.ts';

export interface CableTally extends NumberedWords {
  /** Word numbers of the keys. */
  keys: number[];
  mentions: number[];
  lexicon: number[];
  /**
   * Surface forms of key k, as (word number, count) pairs: forms[2i], forms[2i + 1] for i from
   * formStart[k] to formStart[k + 1]. Flat typed arrays: one copy each between threads, where
   * a list per key cost a list per key.
   */
  forms: Int32Array;
  formStart: Int32Array;
  /** Types of key k, laid out as the forms are. */
  types: Int32Array;
  typeStart: Int32Array;
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

/** Per-key lists of counted words, numbered and laid out flat with where each key's pairs start. */
function flatten(lists: [string, number][][], vocabulary: Vocabulary): { pairs: Int32Array; start: Int32Array } {
  const start = new Int32Array(lists.length + 1);
  for (let k = 0; k < lists.length; k++) start[k + 1] = start[k]! + lists[k]!.length;
  const pairs = new Int32Array(start[lists.length]! * 2);
  let at = 0;
  for (const list of lists) {
    for (const [word, count] of list) {
      pairs[at++] = vocabulary.id(word);
      pairs[at++] = count;
    }
  }
  return { pairs, start };
}

export function tallyCable(paragraphs: readonly { mentions: readonly ResolvedMention[] }[], vocabulary: Vocabulary): CableTally {
  const keys: number[] = [];
  const mentions: number[] = [];
  const lexicon: number[] = [];
  const surfaces: [string, number][][] = [];
  const types: [string, number][][] = [];
  const allLocal: number[][] = [];
  const allSpans: Int32Array[] = [];
  const typeNames: string[] = [];
  const reasons: string[] = [];
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
      spans[i * SPAN_FIELDS + 2] = number(typeNames, m.type);
      spans[i * SPAN_FIELDS + 3] = m.dropped === null ? -1 : number(reasons, m.dropped);
      if (m.key === null) {
        local.push(-1);
        continue;
      }
      let k = indexOf.get(m.key);
      if (k === undefined) {
        k = keys.length;
        indexOf.set(m.key, k);
        keys.push(vocabulary.id(m.key));
        mentions.push(0);
        lexicon.push(0);
        surfaces.push([]);
        types.push([]);
      }
      mentions[k]!++;
      if (m.origin === 'lexicon') lexicon[k]!++;
      // A key has a handful of forms and types in a cable: a list beats a map.
      bump(surfaces[k]!, m.surface);
      bump(types[k]!, m.type);
      local.push(k);
    }
    allLocal.push(local);
    allSpans.push(spans);
  }
  const forms = flatten(surfaces, vocabulary);
  const typed = flatten(types, vocabulary);
  return {
    producer: vocabulary.producer, words: vocabulary.take(),
    keys, mentions, lexicon, forms: forms.pairs, formStart: forms.start, types: typed.pairs, typeStart: typed.start,
    local: allLocal, spans: allSpans, typeNames, reasons,
  };
}
