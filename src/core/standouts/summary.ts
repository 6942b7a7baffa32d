/**
 * The standouts as `cablegraph standouts` prints them: the shape issue 17 fixed, with entities
 * named by key (the node ids of graph.json and of `export --format csv-nodes`) and community ids
 * as the build numbered them. Also the check that a `standouts.json` is what format.ts says.
 */
import type { StandoutsFile } from '../dataset/format.ts';

export interface StandoutsSummary {
  brokers: { id: string; label: string; score: number; communities: number[] }[];
  pairs: { source: string; target: string; weight: number; npmi: number; communities: [number, number] }[];
  stability: { seeds: number; communities: { id: number; score: number }[]; entities: { id: string; score: number }[] };
}

/**
 * The first `top` brokers, pairs and least stable entities, and the stability of the `top`
 * largest communities (ids ascending: the build numbers them by size).
 */
export function standoutsSummary(file: StandoutsFile, top: number): StandoutsSummary {
  return {
    brokers: file.brokers.slice(0, top).map((b) => ({ id: b.key, label: b.label, score: b.score, communities: b.bridges.map((x) => x.community) })),
    pairs: file.pairs.slice(0, top).map((p) => ({
      source: p.sourceKey, target: p.targetKey, weight: p.weight, npmi: p.npmi, communities: p.communities,
    })),
    stability: {
      seeds: file.stability.seeds.length,
      communities: file.stability.communities.slice(0, top).map((c) => ({ id: c.id, score: c.score })),
      entities: file.stability.entities.slice(0, top).map((e) => ({ id: e.key, score: e.score })),
    },
  };
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** `value` as a standouts file, or a message saying what is wrong with it. */
export function checkStandouts(value: unknown): StandoutsFile | string {
  if (!isObject(value)) return 'expected a JSON object';
  if (!Array.isArray(value.brokers)) return '"brokers" is not a list';
  if (!Array.isArray(value.pairs)) return '"pairs" is not a list';
  const s = value.stability;
  if (!isObject(s) || !Array.isArray(s.seeds) || !Array.isArray(s.communities) || !Array.isArray(s.entities) || !isObject(s.overview)) {
    return '"stability" lacks seeds, communities, entities or overview';
  }
  return value as unknown as StandoutsFile;
}
