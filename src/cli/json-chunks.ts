/**
 * JSON text of a value in pieces of bounded size, for printing data too large for one string:
 * a cable with a 200 MB line has a paragraph whose mentions alone make more JSON than a
 * JavaScript string can hold (`RangeError: Invalid string length` from JSON.stringify). The
 * pieces, joined, are exactly JSON.stringify(value) for plain data (no toJSON, no cycles).
 */

/** Pieces are joined up to about this many characters before being handed out. */
export const CHUNK_CHARS = 1 << 16;

export function* jsonChunks(value: unknown, chunkChars = CHUNK_CHARS): Generator<string> {
  let buffer: string[] = [];
  let size = 0;
  function* emit(piece: string): Generator<string> {
    buffer.push(piece);
    size += piece.length;
    if (size >= chunkChars) {
      yield buffer.join('');
      buffer = [];
      size = 0;
    }
  }
  function* walk(v: unknown, inArray: boolean): Generator<string> {
    if (Array.isArray(v)) {
      yield* emit('[');
      for (let i = 0; i < v.length; i++) {
        if (i > 0) yield* emit(',');
        yield* walk(v[i], true);
      }
      yield* emit(']');
    } else if (v !== null && typeof v === 'object' && !isFlat(v)) {
      yield* emit('{');
      let first = true;
      for (const [key, item] of Object.entries(v)) {
        // JSON.stringify leaves out properties it cannot represent.
        if (item === undefined || typeof item === 'function' || typeof item === 'symbol') continue;
        yield* emit(`${first ? '' : ','}${JSON.stringify(key)}:`);
        first = false;
        yield* walk(item, false);
      }
      yield* emit('}');
    } else {
      // In an array, what JSON.stringify cannot represent becomes null.
      yield* emit(JSON.stringify(v) ?? (inArray ? 'null' : 'undefined'));
    }
  }
  yield* walk(value, false);
  if (buffer.length > 0) yield buffer.join('');
}

/** An object of primitives only (a mention, say): stringified whole, the common case kept fast. */
function isFlat(v: object): boolean {
  for (const item of Object.values(v)) if (item !== null && typeof item === 'object') return false;
  return true;
}
