/** UTF-8 output that grows as needed, for the paragraph shards written and rewritten as bytes. */
export class ByteBuilder {
  data: Uint8Array;
  length = 0;

  constructor(capacity: number) {
    this.data = new Uint8Array(Math.max(16, capacity));
  }

  private room(n: number): void {
    if (this.length + n <= this.data.length) return;
    const bigger = new Uint8Array(Math.max(this.data.length * 2, this.length + n));
    bigger.set(this.data.subarray(0, this.length));
    this.data = bigger;
  }

  byte(b: number): void {
    this.room(1);
    this.data[this.length++] = b;
  }

  copy(from: Uint8Array, start = 0, end = from.length): void {
    this.room(end - start);
    this.data.set(from.subarray(start, end), this.length);
    this.length += end - start;
  }

  /** `text`, which must be ASCII (JSON keys, digits). */
  ascii(text: string): void {
    this.room(text.length);
    for (let i = 0; i < text.length; i++) this.data[this.length++] = text.charCodeAt(i);
  }

  number(n: number): void {
    this.ascii(String(n));
  }

  /** The bytes written, as a view (valid until the next write). */
  view(): Uint8Array {
    return this.data.subarray(0, this.length);
  }
}
