/**
 * Entity-type colours for mention highlights and type toggles (community colours are in
 * core/dataset/appearance.ts, shared with the GEXF export).
 */

/** Entity-type colours for mention highlights: fixed for the CoNLL classes, hashed for custom lexicon types. */
const TYPE_HUES: Record<string, number> = { PER: 210, ORG: 30, LOC: 140, MISC: 280 };

export function typeHue(type: string): number {
  // A type is tagger text (`constructor` too): only the table's own entries count.
  if (Object.hasOwn(TYPE_HUES, type)) return TYPE_HUES[type]!;
  let h = 0;
  for (const ch of type) h = (h * 31 + ch.codePointAt(0)!) % 360;
  return h;
}
