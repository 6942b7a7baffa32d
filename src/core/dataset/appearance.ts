/**
 * How an entity looks, decided once for the explorer and every export (GEXF today, pictures of
 * the view), so an exported graph looks like the screen.
 *
 * Sizes: area grows with the paragraphs that mention an entity, from MIN_NODE_SIZE to
 * MAX_NODE_SIZE (pixels at zoom 1) for the most cited entity drawn.
 *
 * Community colours: a fixed palette handed out
 * by rank (largest community first, as the manifest lists them) among the communities the
 * overview draws, so the same dataset always gets the same colours. In a large corpus, big
 * communities of rarely mentioned entities may have no entity in the overview; they take no
 * colour from those that do. Communities beyond the palette share a neutral grey, which keeps
 * the legend honest about what is distinct.
 */
import type { GraphFile, Manifest } from './format.ts';

export const MIN_NODE_SIZE = 2.5;
export const MAX_NODE_SIZE = 16;

/** Node size from a paragraph count, against the most paragraphs of any entity drawn. */
export function nodeSize(paragraphs: number, maxParagraphs: number): number {
  if (maxParagraphs <= 0) return MIN_NODE_SIZE;
  return MIN_NODE_SIZE + (MAX_NODE_SIZE - MIN_NODE_SIZE) * Math.sqrt(Math.max(0, paragraphs) / maxParagraphs);
}

/** Twelve hues that stay apart on white and for common colour-vision deficiencies (after Tableau 10 and Okabe–Ito). */
export const PALETTE = [
  '#4e79a7', '#f28e2b', '#e15759', '#59a14f', '#b07aa1', '#76b7b2',
  '#edc948', '#9c755f', '#ff9da7', '#2f6f5e', '#7f3c8d', '#bab0ac',
] as const;

export const OTHER_COLOR = '#9aa0a6';

export interface DrawnCommunities {
  /** The manifest's communities with an entity in the overview, in the manifest's order. */
  communities: Manifest['communities'];
  /** Entities each has in the overview. */
  counts: Map<number, number>;
  colors: Map<number, string>;
}

export function drawnCommunities(communities: Manifest['communities'], graph: GraphFile): DrawnCommunities {
  const counts = new Map<number, number>();
  for (const n of graph.nodes) counts.set(n.attributes!.community, (counts.get(n.attributes!.community) ?? 0) + 1);
  const drawn = communities.filter((c) => counts.has(c.id));
  const colors = new Map<number, string>();
  drawn.forEach((c, rank) => colors.set(c.id, PALETTE[rank] ?? OTHER_COLOR));
  return { communities: drawn, counts, colors };
}

/**
 * The entity type's own channel, apart from colour (which is the community's): a ring around
 * the node, told apart by its width and its shade, never by a hue. `size` is the ring's share of
 * the node's radius; 0 draws none.
 */
export interface TypeRing {
  size: number;
  color: string;
}

const RINGS: Readonly<Record<string, TypeRing>> = {
  PER: { size: 0.28, color: '#3c4043' },
  ORG: { size: 0.3, color: '#ffffff' },
  LOC: { size: 0, color: '#3c4043' },
  MISC: { size: 0.14, color: '#3c4043' },
};
/** Types of a user's lexicon share one ring: the type filters tell them apart. */
const OTHER_RING: TypeRing = { size: 0.3, color: '#9aa0a6' };

export function typeRing(type: string): TypeRing {
  // A type is tagger or lexicon text (`constructor` too): only the table's own entries count.
  return Object.hasOwn(RINGS, type) ? RINGS[type]! : OTHER_RING;
}
