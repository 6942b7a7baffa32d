/**
 * Append-only typed arrays that grow by doubling: the corpus index keeps millions of numbers
 * (postings, pair keys) without the per-element cost of JS arrays.
 */

type TypedArray = Uint32Array | Float64Array;
type TypedArrayConstructor<T extends TypedArray> = { new (length: number): T };

export class Growable<T extends TypedArray> {
  private data: T;
  length = 0;

  constructor(private readonly make: TypedArrayConstructor<T>, capacity = 1024) {
    this.data = new make(capacity);
  }

  push(value: number): void {
    if (this.length === this.data.length) this.grow(this.length + 1);
    this.data[this.length++] = value;
  }

  /** The filled part, as a view (valid until the next push). */
  view(): T {
    return this.data.subarray(0, this.length) as T;
  }

  private grow(min: number): void {
    const next = new this.make(Math.max(min, this.data.length * 2));
    next.set(this.data);
    this.data = next;
  }
}

export const growableUint32 = (capacity?: number) => new Growable(Uint32Array, capacity);
