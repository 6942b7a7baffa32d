/**
 * Community colours: a fixed palette handed out by community rank (largest first, as the
 * manifest lists them), so the same dataset always gets the same colours; communities beyond
 * the palette share a neutral grey, which keeps the legend honest about what is distinct.
 */
import type { Manifest } from '../core/dataset/format.ts';

/** Twelve hues that stay apart on white and for common colour-vision deficiencies (after Tableau 10 and Okabe–Ito). */
export const PALETTE = [
  '#4e79a7', '#f28e2b', '#e15759', '#59a14f', '#b07aa1', '#76b7b2',
  '#edc948', '#9c755f', '#ff9da7', '#2f6f5e', '#7f3c8d', '#bab0ac',
] as const;

export const OTHER_COLOR = '#9aa0a6';

/** Colour of each community id by its rank in `communities`. */
export function communityColors(communities: Manifest['communities']): Map<number, string> {
  const colors = new Map<number, string>();
  communities.forEach((c, rank) => colors.set(c.id, PALETTE[rank] ?? OTHER_COLOR));
  return colors;
}

/** Entity-type colours for mention highlights: fixed for the CoNLL classes, hashed for custom lexicon types. */
const TYPE_HUES: Record<string, number> = { PER: 210, ORG: 30, LOC: 140, MISC: 280 };

export function typeHue(type: string): number {
  const known = TYPE_HUES[type];
  if (known !== undefined) return known;
  let h = 0;
  for (const ch of type) h = (h * 31 + ch.codePointAt(0)!) % 360;
  return h;
}
