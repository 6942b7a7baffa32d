/**
 * Entity-type colours for mention highlights and type toggles (community colours are in
 * core/dataset/appearance.ts, shared with the GEXF export).
 */

/** Entity-type colours for mention highlights: fixed for the CoNLL classes, hashed for custom lexicon types. */
/** A Map: a type read from a dataset may be any string, `constructor` too. */
const TYPE_HUES = new Map([['PER', 210], ['ORG', 30], ['LOC', 140], ['MISC', 280]]);

export function typeHue(type: string): number {
  const known = TYPE_HUES.get(type);
  if (known !== undefined) return known;
  let h = 0;
  for (const ch of type) h = (h * 31 + ch.codePointAt(0)!) % 360;
  return h;
}
