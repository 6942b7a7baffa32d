/**
 * Plain re-implementations for checking slices, paths and references: they read every paragraph
 * and cable record and count the obvious way, sharing no code with what they check.
 */
import type { CableRecord } from '../../../src/core/dataset/format.ts';
import type { DatasetReader } from '../../../src/core/dataset/read-dataset.ts';
import type { SliceFilter } from '../../../src/core/slices/slice-index.ts';

/** Whether a cable is in a slice, read straight off the conventions. */
export function inSlice(cable: CableRecord, filter: SliceFilter): boolean {
  const l = cable.listing;
  const date = l && /^\d{4}-\d{2}-\d{2}/.test(l.date) ? l.date.slice(0, 10) : '';
  if ((filter.from || filter.to) && date === '') return false;
  if (filter.from && date < filter.from) return false;
  if (filter.to && date > filter.to) return false;
  const one = (wanted: readonly string[] | undefined, have: string[]) =>
    !wanted || wanted.length === 0 || wanted.some((w) => have.some((h) => h.toLowerCase() === w.trim().toLowerCase()));
  if (!one(filter.origins, [l?.origin || cable.origin])) return false;
  if (!one(filter.classifications, [l?.classification || cable.classification])) return false;
  return one(filter.tags, l?.tags?.length ? l.tags : cable.tags);
}

export interface Counts {
  /** Paragraphs per entity id. */
  entities: Map<number, number>;
  /** Shared paragraphs per pair `a-b` (a < b). */
  pairs: Map<string, number>;
  /** Paragraph ids per pair. */
  evidence: Map<string, number[]>;
}

export const pairKey = (a: number, b: number) => (a < b ? `${a}-${b}` : `${b}-${a}`);

/** Counts entities and pairs over the paragraphs of the slice. */
export async function bruteCounts(reader: DatasetReader, filter: SliceFilter = {}): Promise<Counts> {
  const cables = await reader.cables();
  const counts: Counts = { entities: new Map(), pairs: new Map(), evidence: new Map() };
  for (let p = 0; p < reader.manifest.corpus.paragraphs; p++) {
    const paragraph = await reader.paragraph(p);
    if (!inSlice(cables[paragraph.cable]!, filter)) continue;
    const ids = [...new Set(paragraph.mentions.map((m) => m[2]).filter((e) => e >= 0))];
    for (const e of ids) counts.entities.set(e, (counts.entities.get(e) ?? 0) + 1);
    for (let i = 0; i < ids.length; i++) {
      for (let j = i + 1; j < ids.length; j++) {
        const k = pairKey(ids[i]!, ids[j]!);
        counts.pairs.set(k, (counts.pairs.get(k) ?? 0) + 1);
        const evidence = counts.evidence.get(k);
        if (evidence) evidence.push(p);
        else counts.evidence.set(k, [p]);
      }
    }
  }
  return counts;
}

/** Every simple path from a to b of the fewest hops (≤ maxHops) by depth-first search, best k by weight then ids. */
export function brutePaths(adjacency: ReadonlyMap<number, ReadonlyMap<number, number>>, a: number, b: number, k: number, maxHops: number) {
  if (a === b) return [{ nodes: [a], weights: [] as number[], weight: 0 }];
  const found: { nodes: number[]; weights: number[]; weight: number }[] = [];
  const walk = (nodes: number[], weights: number[]) => {
    const last = nodes[nodes.length - 1]!;
    if (last === b) {
      found.push({ nodes: [...nodes], weights: [...weights], weight: weights.reduce((x, y) => x + y, 0) });
      return;
    }
    if (weights.length === maxHops) return;
    for (const [next, w] of adjacency.get(last) ?? []) {
      if (nodes.includes(next)) continue;
      walk([...nodes, next], [...weights, w]);
    }
  };
  walk([a], []);
  const fewest = Math.min(...found.map((p) => p.weights.length));
  const lex = (x: number[], y: number[]) => { for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return x[i]! - y[i]!; return 0; };
  return found.filter((p) => p.weights.length === fewest).sort((x, y) => y.weight - x.weight || lex(x.nodes, y.nodes)).slice(0, k);
}

/** The adjacency of pair counts (`pairKey` → weight). */
export function adjacencyOf(pairs: ReadonlyMap<string, number>): Map<number, Map<number, number>> {
  const adjacency = new Map<number, Map<number, number>>();
  for (const [key, w] of pairs) {
    const [a, b] = key.split('-').map(Number) as [number, number];
    for (const [x, y] of [[a, b], [b, a]] as const) {
      if (!adjacency.has(x)) adjacency.set(x, new Map());
      adjacency.get(x)!.set(y, w);
    }
  }
  return adjacency;
}
