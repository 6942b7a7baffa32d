/**
 * Counts per row and id (an entity's surface forms, types, countries), for tables where most rows
 * count a single id: the first id and its count are kept inline in plain number arrays, the others
 * in a Map made only for the rows that need one. Half a million entities with three Maps each kept
 * the main thread's garbage collector busy for a fifth of a Cablegate build's reading.
 */
export class RowCounts {
  /** Per row, its first id (-1: none yet) and that id's count. */
  private readonly firstId: number[] = [];
  private readonly firstCount: number[] = [];
  /** Per row, the counts of its other ids, in order of first appearance. */
  private readonly more: (Map<number, number> | undefined)[] = [];

  get rows(): number {
    return this.firstId.length;
  }

  /** Adds an empty row; returns its index. */
  addRow(): number {
    this.firstId.push(-1);
    this.firstCount.push(0);
    this.more.push(undefined);
    return this.firstId.length - 1;
  }

  add(row: number, id: number, count: number): void {
    const first = this.firstId[row]!;
    if (first === id) {
      this.firstCount[row]! += count;
    } else if (first === -1) {
      this.firstId[row] = id;
      this.firstCount[row] = count;
    } else {
      let more = this.more[row];
      if (more === undefined) this.more[row] = more = new Map();
      more.set(id, (more.get(id) ?? 0) + count);
    }
  }

  /** Row `row`'s counts by `name(id)`, in order of first appearance. */
  named(row: number, name: (id: number) => string): Map<string, number> {
    const counts = new Map<string, number>();
    const first = this.firstId[row]!;
    if (first === -1) return counts;
    counts.set(name(first), this.firstCount[row]!);
    for (const [id, count] of this.more[row] ?? []) counts.set(name(id), count);
    return counts;
  }
}
