/**
 * Edge weightings of a co-occurrence graph, all computed from the raw count so that a view can
 * switch between them without a rebuild. `w` is the number of paragraphs two entities share,
 * `pa` and `pb` the paragraphs each appears in, `n` the paragraphs of the corpus.
 */

/** Shared paragraphs over paragraphs of either: 1 when they always appear together. */
export function jaccard(w: number, pa: number, pb: number): number {
  const union = pa + pb - w;
  return union > 0 ? w / union : 0;
}

/**
 * Normalised pointwise mutual information (Bouma 2009), in [-1, 1]: 0 for independence, 1 for
 * entities that only ever appear together.
 */
export function npmi(w: number, pa: number, pb: number, n: number): number {
  if (w <= 0 || n <= 0) return -1;
  const pab = w / n;
  if (pab >= 1) return 1;
  return Math.log(pab / ((pa / n) * (pb / n))) / -Math.log(pab);
}

/**
 * Association strength (van Eck & Waltman 2009, the VOSviewer normalisation): observed
 * co-occurrences over those expected if the two entities were independent, n·w / (pa·pb).
 */
export function association(w: number, pa: number, pb: number, n: number): number {
  return pa > 0 && pb > 0 ? (n * w) / (pa * pb) : 0;
}

/**
 * Disparity filter (Serrano, Boguñá & Vespignani 2009): the probability that an edge this strong
 * would come from spreading the node's strength `s` uniformly over its `k` edges. An edge is as
 * significant as it is for the endpoint it matters most to; a node with one edge says nothing
 * about it (alpha 1 from that side).
 */
export function disparityAlpha(w: number, sa: number, ka: number, sb: number, kb: number): number {
  return Math.min(sideAlpha(w, sa, ka), sideAlpha(w, sb, kb));
}

function sideAlpha(w: number, s: number, k: number): number {
  if (k <= 1 || s <= 0) return 1;
  return Math.pow(1 - w / s, k - 1);
}
