/**
 * A paragraph shard's bytes with each mention's key replaced by its entity id, as the build
 * rewrites the shards once every cable is read and entities merged: the bytes `JSON.stringify`
 * would write for the records parsed and remapped (UTF-8), but nothing is decoded or parsed.
 * Records are `{"cable":c,"n":…,"text":…,"mentions":[[start,end,k,"type"(,"reason")],…]}`, where
 * `k` numbers the key among its cable's (-1: dropped). Inside a JSON string every quote is
 * escaped, so `{"cable":` and `"mentions":[` can only open a record and its mentions, and in UTF-8
 * no byte of a multi-byte character is `[`. A native search finds each `[`, the few in texts are
 * passed over, and only the mentions are walked byte by byte. (Decoding and re-encoding the texts
 * took most of the rewrite's time: the whole of Cablegate's paragraphs are 1.7 GB.)
 */
import { ByteBuilder } from './byte-builder.ts';

const OPEN = new TextEncoder().encode('"mentions":[');
const RECORD = new TextEncoder().encode('{"cable":');
const [BRACKET, CLOSE, COMMA, QUOTE, BACKSLASH, MINUS, BRACE_CLOSE] = [0x5b, 0x5d, 0x2c, 0x22, 0x5c, 0x2d, 0x7d];

function opensMentions(json: Uint8Array, bracket: number): boolean {
  const start = bracket - OPEN.length + 1;
  if (start < 0) return false;
  for (let i = 0; i < OPEN.length - 1; i++) if (json[start + i] !== OPEN[i]) return false;
  return true;
}

/**
 * `json` with the key `k` of each kept mention in a record of cable `c` replaced by
 * `ids[keyStart[c] + k]` (cable c's keys are `keyStart[c]` to `keyStart[c + 1]`).
 */
export function remapMentions(json: Uint8Array, keyStart: ArrayLike<number>, ids: ArrayLike<number>): Uint8Array {
  // Entity ids have more digits than key numbers: room for a quarter more, not to grow (copy) the output.
  const out = new ByteBuilder(json.length + (json.length >> 2) + 1024);
  const fail = (at: number, what: string): never => {
    throw new Error(`paragraph shard: expected ${what} at byte ${at}`);
  };
  /** Past a number starting at p (digits, maybe a minus). */
  const number = (p: number): number => {
    const start = p;
    if (json[p] === MINUS) p++;
    while (json[p]! >= 0x30 && json[p]! <= 0x39) p++;
    if (p === start) fail(start, 'a number');
    return p;
  };
  const value = (start: number, end: number): number => {
    let n = 0;
    for (let i = start; i < end; i++) n = n * 10 + json[i]! - 0x30;
    return n;
  };
  /** Past a JSON string starting at p. */
  const string = (p: number): number => {
    if (json[p] !== QUOTE) fail(p, 'a string');
    for (p++; p < json.length; p++) {
      if (json[p] === BACKSLASH) p++;
      else if (json[p] === QUOTE) return p + 1;
    }
    return fail(p, 'the end of a string');
  };
  const expect = (p: number, byte: number): number => (json[p] === byte ? p + 1 : fail(p, `'${String.fromCharCode(byte)}'`));
  let copied = 0;
  let p = expect(0, BRACKET);
  if (json[p] !== CLOSE) {
    for (;;) {
      for (let i = 0; i < RECORD.length; i++) p = expect(p, RECORD[i]!);
      const cableStart = p;
      p = number(p);
      const cable = json[cableStart] === MINUS ? -1 : value(cableStart, p);
      if (cable < 0 || cable + 1 >= keyStart.length) fail(cableStart, `a cable below ${keyStart.length - 1}`);
      const base = keyStart[cable]!;
      const keys = keyStart[cable + 1]! - base;
      let at = json.indexOf(BRACKET, p);
      while (at >= 0 && !opensMentions(json, at)) at = json.indexOf(BRACKET, at + 1);
      if (at < 0) fail(p, 'the mentions');
      p = at + 1;
      if (json[p] !== CLOSE) {
        for (;;) {
          p = expect(p, BRACKET);
          p = expect(number(p), COMMA);
          p = expect(number(p), COMMA);
          const keyStartAt = p;
          p = number(p);
          if (json[keyStartAt] !== MINUS) {
            const k = value(keyStartAt, p);
            if (k >= keys) fail(keyStartAt, `a key number below ${keys}`);
            out.copy(json, copied, keyStartAt);
            out.number(ids[base + k]!);
            copied = p;
          }
          // The type, and a dropped mention's reason.
          while (json[p] === COMMA) p = string(p + 1);
          p = expect(p, CLOSE);
          if (json[p] !== COMMA) break;
          p++;
        }
      }
      p = expect(expect(p, CLOSE), BRACE_CLOSE);
      if (json[p] !== COMMA) break;
      p++;
    }
  }
  expect(p, CLOSE);
  out.copy(json, copied, json.length);
  return out.view();
}
