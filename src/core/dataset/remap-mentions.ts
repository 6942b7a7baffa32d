/**
 * A paragraph shard's bytes with each mention's entity id `e` replaced by `target[e]`, as the
 * build rewrites the shards once entities merge after reading: the bytes `JSON.stringify` would
 * write for the records parsed and remapped (UTF-8), but nothing is decoded or parsed. Records
 * are `{"cable":…,"n":…,"text":…,"mentions":[[start,end,id,"type"(,"reason")],…]}`; inside a
 * JSON string every quote is escaped, so `"mentions":[` can only open a record's mentions, and in
 * UTF-8 no byte of a multi-byte character is `[`. A native search finds each `[`, the few in texts
 * are passed over, and only the mentions are walked byte by byte. (Decoding and re-encoding the
 * texts took most of the rewrite's time: the whole of Cablegate's paragraphs are 1.7 GB.)
 */

const OPEN = new TextEncoder().encode('"mentions":[');
const [BRACKET, CLOSE, COMMA, QUOTE, BACKSLASH, MINUS] = [0x5b, 0x5d, 0x2c, 0x22, 0x5c, 0x2d];

/** Output that grows as needed: new ids may have more digits than old. */
class Bytes {
  data: Uint8Array;
  length = 0;
  constructor(capacity: number) {
    this.data = new Uint8Array(capacity);
  }
  private room(n: number): void {
    if (this.length + n <= this.data.length) return;
    const bigger = new Uint8Array(Math.max(this.data.length * 2, this.length + n));
    bigger.set(this.data.subarray(0, this.length));
    this.data = bigger;
  }
  copy(from: Uint8Array, start: number, end: number): void {
    this.room(end - start);
    this.data.set(from.subarray(start, end), this.length);
    this.length += end - start;
  }
  number(n: number): void {
    const digits = String(n);
    this.room(digits.length);
    for (let i = 0; i < digits.length; i++) this.data[this.length++] = digits.charCodeAt(i);
  }
}

function opensMentions(json: Uint8Array, bracket: number): boolean {
  const start = bracket - OPEN.length + 1;
  if (start < 0) return false;
  for (let i = 0; i < OPEN.length - 1; i++) if (json[start + i] !== OPEN[i]) return false;
  return true;
}

export function remapMentions(json: Uint8Array, target: Uint32Array): Uint8Array {
  const out = new Bytes(json.length + 1024);
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
  for (let at = json.indexOf(BRACKET); at >= 0; at = json.indexOf(BRACKET, at)) {
    if (!opensMentions(json, at)) {
      at++;
      continue;
    }
    let p = at + 1;
    if (json[p] !== CLOSE) {
      for (;;) {
        p = expect(p, BRACKET);
        p = expect(number(p), COMMA);
        p = expect(number(p), COMMA);
        const idStart = p;
        p = number(p);
        if (json[idStart] !== MINUS) {
          let id = 0;
          for (let i = idStart; i < p; i++) id = id * 10 + json[i]! - 0x30;
          const mapped = target[id];
          if (mapped === undefined) fail(idStart, `an entity id below ${target.length}`);
          out.copy(json, copied, idStart);
          out.number(mapped!);
          copied = p;
        }
        // The type, and a dropped mention's reason.
        while (json[p] === COMMA) p = string(p + 1);
        p = expect(p, CLOSE);
        if (json[p] !== COMMA) break;
        p++;
      }
    }
    at = expect(p, CLOSE);
  }
  out.copy(json, copied, json.length);
  return out.data.subarray(0, out.length);
}
