/**
 * Edge weighting schemes, described as data so the controls can be built from them. Every edge
 * in graph.json carries all the measures; a scheme picks the one that drives edge thickness and
 * the minimum-weight filter. "backbone" keeps the edges the disparity filter (Serrano et al.
 * 2009) finds significant: alpha below a threshold, the smaller the stronger.
 */
import type { EdgeAttributes } from '../../core/dataset/format.ts';

export type WeightingId = 'weight' | 'jaccard' | 'npmi' | 'association' | 'backbone';

export interface Weighting {
  id: WeightingId;
  label: string;
  /** What the scheme means, for the control's tooltip. */
  description: string;
  /** The attribute the threshold applies to. */
  attribute: keyof EdgeAttributes;
  /** True when smaller values are stronger (the edge passes when value <= threshold). */
  smallerIsStronger: boolean;
  /** The threshold a view starts with: keeps every edge, except for backbone (the usual 5% level). */
  defaultThreshold: number;
}

export const WEIGHTINGS: readonly Weighting[] = [
  { id: 'weight', label: 'Shared paragraphs', description: 'Number of paragraphs that mention both entities.', attribute: 'weight', smallerIsStronger: false, defaultThreshold: 1 },
  { id: 'jaccard', label: 'Jaccard', description: 'Shared paragraphs over the paragraphs that mention either entity (0–1).', attribute: 'jaccard', smallerIsStronger: false, defaultThreshold: 0 },
  { id: 'npmi', label: 'NPMI', description: 'Normalised pointwise mutual information (−1–1): how much more often they meet than chance.', attribute: 'npmi', smallerIsStronger: false, defaultThreshold: -1 },
  { id: 'association', label: 'Association', description: 'Observed over expected co-occurrence: above 1 means they meet more than chance.', attribute: 'association', smallerIsStronger: false, defaultThreshold: 0 },
  { id: 'backbone', label: 'Backbone (α)', description: 'Disparity filter: keeps edges whose significance α is at most the threshold.', attribute: 'alpha', smallerIsStronger: true, defaultThreshold: 0.05 },
];

export const DEFAULT_WEIGHTING: WeightingId = 'weight';

export function weightingById(id: string): Weighting | undefined {
  return WEIGHTINGS.find((w) => w.id === id);
}

/** Whether an edge with measures `attrs` passes `threshold` under `weighting`. */
export function passes(weighting: Weighting, attrs: EdgeAttributes, threshold: number): boolean {
  const value = attrs[weighting.attribute];
  return weighting.smallerIsStronger ? value <= threshold : value >= threshold;
}

/**
 * How strong an edge is under `weighting`, on [0, 1] relative to the graph's range: drives its
 * thickness. For backbone, thickness still follows the shared-paragraph count (alpha is a test,
 * not a strength).
 */
export function strengthScale(weighting: Weighting, values: readonly EdgeAttributes[]): (attrs: EdgeAttributes) => number {
  const attribute = weighting.smallerIsStronger ? 'weight' : weighting.attribute;
  let min = Infinity;
  let max = -Infinity;
  for (const v of values) {
    const x = v[attribute];
    if (x < min) min = x;
    if (x > max) max = x;
  }
  const span = max - min;
  if (!(span > 0)) return () => 0.5;
  return (attrs) => (attrs[attribute] - min) / span;
}

/**
 * The thresholds a slider steps through: the distinct values of the scheme's attribute, from the
 * one that keeps every edge to the strongest, thinned to at most `maxSteps` by quantile so a long
 * tail does not make the slider useless.
 */
export function thresholdSteps(weighting: Weighting, values: readonly EdgeAttributes[], maxSteps = 100): number[] {
  const distinct = [...new Set(values.map((v) => v[weighting.attribute]))];
  distinct.sort((a, b) => (weighting.smallerIsStronger ? b - a : a - b));
  // The first step keeps every edge: alpha 1 for backbone, the scheme's floor otherwise.
  const keepAll = weighting.smallerIsStronger ? 1 : weighting.defaultThreshold;
  if (distinct[0] !== keepAll) distinct.unshift(keepAll);
  return thinSteps(distinct, maxSteps);
}

/** At most `maxSteps` values of an ordered list, taken at even quantiles, both ends kept. */
export function thinSteps(ordered: readonly number[], maxSteps: number): number[] {
  if (ordered.length <= maxSteps) return [...ordered];
  const steps: number[] = [];
  for (let i = 0; i < maxSteps; i++) {
    const value = ordered[Math.round((i * (ordered.length - 1)) / (maxSteps - 1))]!;
    if (steps[steps.length - 1] !== value) steps.push(value);
  }
  return steps;
}

/** A threshold for display: integers as they are, fractions with 3 significant digits. */
export function formatThreshold(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toPrecision(3).replace(/\.?0+$/u, '');
}
