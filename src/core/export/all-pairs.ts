/**
 * Every linked pair of the corpus, entity by entity, from the entities' paragraph lists
 * (`postings` in the entity shards): what `export --all` writes, where graph.json holds only the
 * drawn overview. Memory is O(entity–paragraph incidences + entities), never O(pairs): the
 * postings are kept twice in typed arrays (entity → paragraphs, as read, and paragraph →
 * entities, by a counting sort), and the pairs of one entity `e` with every `f > e` are counted
 * in a dense counter that is reset after each entity. At the full Cablegate size that is a few
 * hundred MB whatever the number of pairs (12.5 M there), and each pair is produced once, in
 * ascending (e, f) order, so the output is the same bytes on every run.
 */
import { growableUint32 } from '../graph/growable.ts';

export class CooccurrenceIndex {
  /** Entity-major incidences: paragraphs of entity e are entityParagraphs[entityStart[e] .. entityStart[e+1]). */
  private readonly entityParagraphs = growableUint32(1 << 16);
  private readonly entityStart = growableUint32(1 << 12);
  private paragraphStart: Uint32Array | null = null;
  private paragraphEntities: Uint32Array | null = null;
  private counts: Uint32Array | null = null;
  private touched: Uint32Array | null = null;

  /** @param paragraphs the corpus's paragraph count (every posting is below it) */
  constructor(private readonly paragraphs: number) {
    this.entityStart.push(0);
  }

  get entities(): number {
    return this.entityStart.length - 1;
  }

  /** Adds the next entity (ids 0, 1, 2, … in order) with its paragraph ids, each once. */
  add(postings: readonly number[]): void {
    if (this.paragraphStart) throw new Error('CooccurrenceIndex: add() after the index was finished');
    let previous = -1;
    for (const p of postings) {
      // A paragraph listed twice would count its pairs twice.
      if (p === previous) continue;
      previous = p;
      if (!(p >= 0 && p < this.paragraphs && Number.isInteger(p))) throw new Error(`CooccurrenceIndex: paragraph ${p} of entity ${this.entities} is not one of the ${this.paragraphs} paragraphs`);
      this.entityParagraphs.push(p);
    }
    this.entityStart.push(this.entityParagraphs.length);
  }

  /** Builds paragraph → entities (entities ascending within each paragraph) by a counting sort. */
  private finish(): void {
    const incidences = this.entityParagraphs.view();
    const starts = this.entityStart.view();
    const paragraphStart = new Uint32Array(this.paragraphs + 1);
    for (let i = 0; i < incidences.length; i++) paragraphStart[incidences[i]! + 1]!++;
    for (let p = 0; p < this.paragraphs; p++) paragraphStart[p + 1]! += paragraphStart[p]!;
    const fill = paragraphStart.slice(0, this.paragraphs);
    const paragraphEntities = new Uint32Array(incidences.length);
    for (let e = 0; e < this.entities; e++) {
      for (let i = starts[e]!; i < starts[e + 1]!; i++) paragraphEntities[fill[incidences[i]!]!++] = e;
    }
    this.paragraphStart = paragraphStart;
    this.paragraphEntities = paragraphEntities;
    this.counts = new Uint32Array(this.entities);
    this.touched = new Uint32Array(this.entities);
  }

  /**
   * Calls `visit(e, f, weight)` for every pair e < f that shares a paragraph, weight being the
   * number of paragraphs they share, in ascending (e, f) order. `visit` may return a promise
   * (a stream's backpressure): the next entity waits for it.
   */
  async forEachPair(visit: (e: number, f: number, weight: number) => void | Promise<void>): Promise<void> {
    if (!this.paragraphStart) this.finish();
    const incidences = this.entityParagraphs.view();
    const starts = this.entityStart.view();
    const paragraphStart = this.paragraphStart!;
    const paragraphEntities = this.paragraphEntities!;
    const counts = this.counts!;
    const touched = this.touched!;
    for (let e = 0; e < this.entities; e++) {
      let n = 0;
      for (let i = starts[e]!; i < starts[e + 1]!; i++) {
        const p = incidences[i]!;
        // Entities are ascending within a paragraph: the ones after e are the tail.
        let j = paragraphStart[p + 1]! - 1;
        for (; j >= paragraphStart[p]! && paragraphEntities[j]! > e; j--) {
          const f = paragraphEntities[j]!;
          const c = counts[f]!;
          if (c === 0) touched[n++] = f;
          counts[f] = c + 1;
        }
      }
      const found = touched.subarray(0, n).sort();
      for (let k = 0; k < n; k++) {
        const f = found[k]!;
        const pending = visit(e, f, counts[f]!);
        counts[f] = 0;
        if (pending) await pending;
      }
    }
  }
}
