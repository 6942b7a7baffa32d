/**
 * Acronym definitions within one cable: `National Police (PNP)` and `SL (Sendero Luminoso)`
 * make the long form and the acronym one entity, named by the acronym's key (the acronym is what
 * names the entity across cables). Only a parenthesised mention right after another counts, and
 * only when it plausibly abbreviates it, so `La Convencion Province (Cuzco Department)` stays two.
 */

export interface KeyedMention {
  start: number;
  end: number;
  text: string;
  key: string;
  /** The tagger's type; a definition whose long form is a person makes the acronym a person's initials. */
  type?: string;
}

/** One definition as found: the acronym's key, the long form's key and the long form's type. */
export interface Definition {
  acronym: string;
  long: string;
  type: string;
}

/** The type of persons: initials defined by a person's name (`Kim Jong-il (KJI)`) name that person. */
const PERSON = 'PER';

const OPEN_BETWEEN = /^\s*\(\s*$/;
const CLOSE_AFTER = /^\s*\)/;
const ACRONYM_SHAPE = /^[\p{L}\p{N}][\p{L}\p{N}&./-]{1,11}$/u;
const UPPER = /\p{Lu}/gu;
const LETTER = /\p{L}/gu;
const PARTS = /[\s\-/]+/;

/**
 * Whether `short` plausibly abbreviates `long`: one token of 2 to 12 characters, at least two
 * capitals and no fewer capitals than lower-case letters (`PNP`, `MbZ`; not `SecDef`), and every
 * letter of it among the initials of `long`'s words, hyphen and slash parts counted as words
 * (PNP: National Police; FARC: Revolutionary Armed Forces of Colombia). `long` needs two words.
 */
export function isAcronymOf(short: string, long: string): boolean {
  if (!ACRONYM_SHAPE.test(short)) return false;
  const letters = short.match(LETTER) ?? [];
  const capitals = short.match(UPPER)?.length ?? 0;
  if (capitals < 2 || capitals * 2 < letters.length) return false;
  const words = long.split(PARTS).filter((w) => /\p{L}/u.test(w));
  if (words.length < 2) return false;
  const initials = new Set(words.map((w) => w.match(/\p{L}/u)![0].toLowerCase()));
  return letters.every((l) => initials.has(l.toLowerCase()));
}

/**
 * Long-form key → acronym key, for every definition in the paragraphs (mentions sorted by start,
 * dropped ones left out). When one long form is given two acronyms, the first one wins.
 */
export function acronymDefinitions(paragraphs: readonly { text: string; mentions: readonly KeyedMention[] }[], found = findDefinitions(paragraphs)): Map<string, string> {
  const defined = new Map<string, string>();
  for (const d of found) if (d.type !== PERSON && !defined.has(d.long)) defined.set(d.long, d.acronym);
  return defined;
}

/**
 * Initials key → person key, for definitions whose long form is a person (`Cristina Fernandez de
 * Kirchner (CFK)`): the name is what identifies the person, so the initials join the name, not
 * the other way round. The first definition of the initials wins.
 */
export function personInitials(paragraphs: readonly { text: string; mentions: readonly KeyedMention[] }[], found = findDefinitions(paragraphs)): Map<string, string> {
  const defined = new Map<string, string>();
  for (const d of found) if (d.type === PERSON && !defined.has(d.acronym)) defined.set(d.acronym, d.long);
  return defined;
}

/** Every definition in the paragraphs, in text order. */
export function findDefinitions(paragraphs: readonly { text: string; mentions: readonly KeyedMention[] }[]): Definition[] {
  const found: Definition[] = [];
  for (const { text, mentions } of paragraphs) {
    for (let i = 0; i + 1 < mentions.length; i++) {
      const a = mentions[i]!;
      const b = mentions[i + 1]!;
      if (a.key === b.key || !OPEN_BETWEEN.test(text.slice(a.end, b.start)) || !CLOSE_AFTER.test(text.slice(b.end, b.end + 8))) continue;
      const pair = isAcronymOf(b.text, a.text) ? { long: a, short: b } : isAcronymOf(a.text, b.text) ? { long: b, short: a } : null;
      if (pair !== null) found.push({ acronym: pair.short.key, long: pair.long.key, type: pair.long.type ?? '' });
    }
  }
  return found;
}
