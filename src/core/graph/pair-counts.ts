/**
 * Counts co-occurring entity pairs at corpus scale. A Cablegate-size corpus has about 100 million
 * pair occurrences and 27 million distinct pairs: more than a JS Map can hold, and too many keys
 * to sort. So pairs are counted row by row, as in a sparse matrix product (Gustavson 1978): for
 * each entity a, in id order, the entities after a in each of its paragraphs are counted in a
 * dense array, and the ones it touched are sorted and written out. An occurrence costs one
 * increment, and the table comes out in (a, b) order.
 */

/** Distinct pairs sorted by (a, b), with the number of paragraphs each pair shares. */
export interface PairTable {
  length: number;
  a: Uint32Array;
  b: Uint32Array;
  weight: Uint32Array;
}

/** Lists of ids by row: row r is ids[offsets[r] .. offsets[r + 1]). */
export interface RowLists {
  offsets: Uint32Array;
  ids: Uint32Array;
}

export interface CountedPairs {
  pairs: PairTable;
  /** Pair occurrences: the sum over paragraphs of n(n − 1)/2 for their n entities. */
  occurrences: number;
}

/**
 * The pairs of entities sharing a paragraph. `members`: each paragraph's entities, distinct and
 * ascending; `postings`: each entity's paragraphs, ascending (the same incidences by entity).
 */
export function countPairs(members: RowLists, postings: RowLists): CountedPairs {
  const entities = postings.offsets.length - 1;
  const count = new Uint32Array(entities);
  const touched = new Uint32Array(entities);
  // Where each paragraph's list is at: entities go in ascending order, so when a comes, every
  // entity before it in each of its paragraphs has come and gone, and a is at the cursor.
  const cursor = members.offsets.slice(0, -1);
  const out = new PairColumns(Math.max(16, postings.ids.length));
  let occurrences = 0;
  for (let a = 0; a < entities; a++) {
    let n = 0;
    for (let i = postings.offsets[a]!; i < postings.offsets[a + 1]!; i++) {
      const p = postings.ids[i]!;
      const end = members.offsets[p + 1]!;
      const at = cursor[p]!;
      if (members.ids[at] !== a) throw new Error(`paragraph ${p} does not list entity ${a} in ascending order`);
      for (let j = at + 1; j < end; j++) {
        const b = members.ids[j]!;
        if (count[b] === 0) touched[n++] = b;
        count[b] = count[b]! + 1;
      }
      occurrences += end - at - 1;
      cursor[p] = at + 1;
    }
    const row = touched.subarray(0, n).sort();
    for (let k = 0; k < n; k++) {
      const b = row[k]!;
      out.push(a, b, count[b]!);
      count[b] = 0;
    }
  }
  return { pairs: out.table(), occurrences };
}

/** Three Uint32 columns that grow together by doubling. */
class PairColumns {
  private a: Uint32Array;
  private b: Uint32Array;
  private weight: Uint32Array;
  private length = 0;

  constructor(capacity: number) {
    this.a = new Uint32Array(capacity);
    this.b = new Uint32Array(capacity);
    this.weight = new Uint32Array(capacity);
  }

  push(a: number, b: number, weight: number): void {
    if (this.length === this.a.length) this.grow();
    this.a[this.length] = a;
    this.b[this.length] = b;
    this.weight[this.length++] = weight;
  }

  /** The filled part: copied when the slack is more than an eighth, as views otherwise (a copy is a moment's double peak). */
  table(): PairTable {
    const { length } = this;
    const fit = (column: Uint32Array) => (column.length - length > length / 8 ? column.slice(0, length) : column.subarray(0, length));
    return { length, a: fit(this.a), b: fit(this.b), weight: fit(this.weight) };
  }

  private grow(): void {
    const bigger = (column: Uint32Array) => {
      const next = new Uint32Array(column.length * 2);
      next.set(column);
      return next;
    };
    this.a = bigger(this.a);
    this.b = bigger(this.b);
    this.weight = bigger(this.weight);
  }
}
