/**
 * A cable's kept mentions counted per key: its distinct keys in order of first appearance, each
 * with its mentions, lexicon mentions, surface forms and types (forms and types in order of first
 * appearance too), and for each mention the key it names; and its paragraphs' records in UTF-8.
 * Made where the cable is resolved (a build's worker thread), so the corpus index, on the main
 * thread, translates each key and counts each form once per cable rather than once per mention,
 * and copies records it need not escape, encode nor even decode. Keys, forms and types are
 * numbers of the producer's vocabulary (vocabulary.ts): each word crosses to the main thread once.
 */
import type { ResolvedParagraph } from '../entities/model.ts';
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
   * The paragraphs' records (ParagraphRecord) in UTF-8, each but its opening `{"cable":c,`, with
   * each kept mention's key as its index in `keys` (remap-mentions.ts puts the entity ids in):
   * paragraph p's bytes end at `recordEnds[p]`. The texts are escaped and encoded where the cable
   * was read; the main thread only copies them into shards.
   */
  records: Uint8Array;
  recordEnds: Int32Array;
  /** Mentions kept, and dropped by reason (reasons in order of first appearance). */
  kept: number;
  dropped: [reason: string, count: number][];
}

function bump(counts: [string, number][], value: string): void {
  for (const entry of counts) {
    if (entry[0] === value) {
      entry[1]++;
      return;
    }
  }
  counts.push([value, 1]);
}

/** Per-key lists of counted words, numbered by `word(k, w)` and laid out flat with where each key's pairs start. */
function flatten(lists: [string, number][][], word: (k: number, w: string) => number): { pairs: Int32Array; start: Int32Array } {
  const start = new Int32Array(lists.length + 1);
  for (let k = 0; k < lists.length; k++) start[k + 1] = start[k]! + lists[k]!.length;
  const pairs = new Int32Array(start[lists.length]! * 2);
  let at = 0;
  for (const [k, list] of lists.entries()) {
    for (const [w, count] of list) {
      pairs[at++] = word(k, w);
      pairs[at++] = count;
    }
  }
  return { pairs, start };
}

const encoder = new TextEncoder();

export function tallyCable(paragraphs: readonly Pick<ResolvedParagraph, 'n' | 'text' | 'mentions'>[], vocabulary: Vocabulary): CableTally {
  const keys: number[] = [];
  const mentions: number[] = [];
  const lexicon: number[] = [];
  const surfaces: [string, number][][] = [];
  const types: [string, number][][] = [];
  const allLocal: number[][] = [];
  const dropped: [string, number][] = [];
  let kept = 0;
  const indexOf = new Map<string, number>();
  /** Mention types and drop reasons repeat on every mention: each in JSON once. */
  const jsonOf = new Map<string, string>();
  const json = (value: string) => {
    let j = jsonOf.get(value);
    if (j === undefined) jsonOf.set(value, (j = JSON.stringify(value)));
    return j;
  };
  const records: string[] = [];
  for (const p of paragraphs) {
    const local: number[] = [];
    // The record's JSON as JSON.stringify writes it, from `"n"` on.
    let record = `"n":${JSON.stringify(p.n)},"text":${JSON.stringify(p.text)},"mentions":[`;
    for (const [i, m] of p.mentions.entries()) {
      if (i > 0) record += ',';
      if (m.key === null) {
        // A mention without a key was dropped, for a reason (model.ts).
        const why = m.dropped!;
        local.push(-1);
        bump(dropped, why);
        record += `[${m.start},${m.end},-1,${json(m.type)},${json(why)}]`;
        continue;
      }
      let k = indexOf.get(m.key);
      if (k === undefined) {
        k = keys.length;
        indexOf.set(m.key, k);
        keys.push(vocabulary.key(m.key));
        mentions.push(0);
        lexicon.push(0);
        surfaces.push([]);
        types.push([]);
      }
      kept++;
      mentions[k]!++;
      if (m.origin === 'lexicon') lexicon[k]!++;
      // A key has a handful of forms and types in a cable: a list beats a map.
      bump(surfaces[k]!, m.surface);
      bump(types[k]!, m.type);
      local.push(k);
      record += `[${m.start},${m.end},${k},${json(m.type)}]`;
    }
    records.push(record + ']}');
    allLocal.push(local);
  }
  const forms = flatten(surfaces, (k, form) => vocabulary.form(keys[k]!, form));
  const typed = flatten(types, (_, type) => vocabulary.name(type));
  // From the vocabulary's key numbers to word numbers, now that the forms have been looked for.
  for (let k = 0; k < keys.length; k++) keys[k] = vocabulary.keyWord(keys[k]!);
  const { bytes, ends } = encodeAll(records);
  return {
    producer: vocabulary.producer, words: vocabulary.take(),
    keys, mentions, lexicon, forms: forms.pairs, formStart: forms.start, types: typed.pairs, typeStart: typed.start,
    local: allLocal, records: bytes, recordEnds: ends, kept, dropped,
  };
}

/** `texts` in UTF-8, one after the other, with where each ends: in one buffer, which crosses threads in one piece. */
function encodeAll(texts: readonly string[]): { bytes: Uint8Array; ends: Int32Array } {
  const ends = new Int32Array(texts.length);
  let capacity = 0;
  for (const t of texts) capacity += t.length;
  let bytes = new Uint8Array(capacity + 16);
  let at = 0;
  for (const [i, t] of texts.entries()) {
    for (;;) {
      const { read, written } = encoder.encodeInto(t, bytes.subarray(at));
      if (read === t.length) {
        at += written;
        break;
      }
      // Not ASCII: at most three bytes a UTF-16 unit.
      const bigger = new Uint8Array(bytes.length + t.length * 3);
      bigger.set(bytes.subarray(0, at));
      bytes = bigger;
    }
    ends[i] = at;
  }
  return { bytes: bytes.slice(0, at), ends };
}
