/**
 * Counts co-occurring entity pairs at corpus scale. A Cablegate-size corpus has about 100
 * million pair occurrences and 27 million distinct pairs: more than a JS Map can hold (V8 caps
 * a Map at 2^24 entries) and far more than string keys allow. So each pair (a < b) is packed into
 * one exact float64, a * 2^24 + b; occurrences are buffered, and a full buffer is sorted and
 * run-length encoded, then merged into the sorted table of counts so far.
 */

/** Entity ids must stay below this for pair keys to be exact. */
export const MAX_ENTITIES = 2 ** 24;

/** Pair occurrences buffered before a sort-and-merge (64 MB of keys). */
const DEFAULT_BUFFER = 8 * 2 ** 20;

/** Distinct pairs sorted by (a, b), with the number of paragraphs each pair shares. */
export interface PairTable {
  length: number;
  a: Uint32Array;
  b: Uint32Array;
  weight: Uint32Array;
}

export class PairCounter {
  private readonly buffer: Float64Array;
  private fill = 0;
  private keys = new Float64Array(0);
  private counts = new Uint32Array(0);
  /** Pair occurrences seen, before merging. */
  occurrences = 0;

  constructor(bufferSize = DEFAULT_BUFFER) {
    this.buffer = new Float64Array(bufferSize);
  }

  /** Counts every pair of `entities` (distinct ids, ascending) once. */
  addGroup(entities: ArrayLike<number>): void {
    const n = entities.length;
    for (let i = 0; i < n; i++) {
      const base = entities[i]! * MAX_ENTITIES;
      for (let j = i + 1; j < n; j++) {
        if (this.fill === this.buffer.length) this.flush();
        this.buffer[this.fill++] = base + entities[j]!;
      }
    }
    this.occurrences += (n * (n - 1)) / 2;
  }

  finish(): PairTable {
    this.flush();
    const length = this.keys.length;
    const a = new Uint32Array(length);
    const b = new Uint32Array(length);
    for (let i = 0; i < length; i++) {
      const k = this.keys[i]!;
      const hi = Math.floor(k / MAX_ENTITIES);
      a[i] = hi;
      b[i] = k - hi * MAX_ENTITIES;
    }
    const table = { length, a, b, weight: this.counts };
    this.keys = new Float64Array(0);
    this.counts = new Uint32Array(0);
    return table;
  }

  private flush(): void {
    if (this.fill === 0) return;
    const run = this.buffer.subarray(0, this.fill).sort();
    // Run-length encode the sorted buffer in place.
    const runCounts = new Uint32Array(this.fill);
    let m = 0;
    for (let i = 0; i < run.length; ) {
      const k = run[i]!;
      let j = i + 1;
      while (j < run.length && run[j] === k) j++;
      run[m] = k;
      runCounts[m] = j - i;
      m++;
      i = j;
    }
    this.merge(run.subarray(0, m), runCounts.subarray(0, m));
    this.fill = 0;
  }

  private merge(keys: Float64Array, counts: Uint32Array): void {
    const oldKeys = this.keys;
    const oldCounts = this.counts;
    const outKeys = new Float64Array(oldKeys.length + keys.length);
    const outCounts = new Uint32Array(outKeys.length);
    let i = 0;
    let j = 0;
    let o = 0;
    while (i < oldKeys.length && j < keys.length) {
      const x = oldKeys[i]!;
      const y = keys[j]!;
      if (x < y) { outKeys[o] = x; outCounts[o++] = oldCounts[i++]!; }
      else if (y < x) { outKeys[o] = y; outCounts[o++] = counts[j++]!; }
      else { outKeys[o] = x; outCounts[o++] = oldCounts[i++]! + counts[j++]!; }
    }
    while (i < oldKeys.length) { outKeys[o] = oldKeys[i]!; outCounts[o++] = oldCounts[i++]!; }
    while (j < keys.length) { outKeys[o] = keys[j]!; outCounts[o++] = counts[j++]!; }
    // Views, not copies: the slack is at most one buffer's worth, and a copy would double the peak.
    this.keys = outKeys.subarray(0, o);
    this.counts = outCounts.subarray(0, o);
  }
}
