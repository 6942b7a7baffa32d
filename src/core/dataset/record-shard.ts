/**
 * One record out of a paragraph shard without decoding or parsing the other 255. A shard is the
 * JSON array the build writes, `[{"cable":…},{"cable":…},…]`, compact, each record opening with
 * its `"cable"` key; inside a JSON string every quote is escaped, so `{"cable":` can only open a
 * record, and in UTF-8 no byte of a multi-byte character is `{`. Finding the openings is a native
 * byte search per record; only the records wanted are decoded and parsed. A hub's evidence at
 * corpus scale wants a few paragraphs from each of thousands of shards: decoding whole shards took
 * most of its time.
 */

const OPENING = new TextEncoder().encode('{"cable":');
const BRACE = 0x7b;
const decoder = new TextDecoder();

/** A shard's bytes and where each record starts; `ends[k]` is one past record k's closing brace. */
export interface RecordShard {
  bytes: Uint8Array;
  starts: number[];
  ends: number[];
}

function opensRecord(bytes: Uint8Array, at: number): boolean {
  for (let i = 1; i < OPENING.length; i++) if (bytes[at + i] !== OPENING[i]) return false;
  return true;
}

/**
 * The records of a shard written as the build writes them, or null when the bytes have another
 * form (spaces, another key order: a hand-made dataset), which the caller then parses whole.
 * `expected`: the records the shard must hold.
 */
export function indexRecords(bytes: Uint8Array, expected: number): RecordShard | null {
  const n = bytes.length;
  if (n < 2 || bytes[0] !== 0x5b || bytes[n - 2] !== 0x7d || bytes[n - 1] !== 0x5d) return null; // `[` … `}]`
  const starts: number[] = [];
  for (let at = bytes.indexOf(BRACE, 1); at >= 0; at = bytes.indexOf(BRACE, at + 1)) {
    if (!opensRecord(bytes, at)) continue;
    // The first record follows `[`, every other `},`.
    if (starts.length === 0 ? at !== 1 : bytes[at - 1] !== 0x2c || bytes[at - 2] !== 0x7d) return null;
    starts.push(at);
  }
  if (starts.length !== expected) return null;
  const ends = starts.slice(1).map((s) => s - 1);
  ends.push(n - 1);
  return { bytes, starts, ends };
}

/** Record k of an indexed shard, parsed (throws a SyntaxError when it is not JSON). */
export function parseRecord(shard: RecordShard, k: number): unknown {
  return JSON.parse(decoder.decode(shard.bytes.subarray(shard.starts[k], shard.ends[k]))) as unknown;
}
