/**
 * Person names within one cable. The tagger often swallows the word before a name (`In Morales`,
 * `PM Putin`, `Affairs Phil Gordon`): such leading words are cut from a person's key. Then a
 * one-word person that is the last word of exactly one full name in the cable (`Quesada` after
 * `Omar Quesada`) is that person; two full names ending in the same word leave it as it is.
 */

/** The tagger's type for persons; the rule looks at no other type. */
export const PERSON_TYPE = 'PER';

/**
 * Words that lead a tagged person but are not part of a name: sentence words the tagger took in,
 * and titles. Name particles (`de`, `del`, `bin`, `al`) and honorifics that belong to names
 * (`Sheikh`, `King`) are not among them.
 */
export const NOT_NAME_WORDS: readonly string[] = [
  'in', 'on', 'at', 'of', 'for', 'from', 'to', 'by', 'with', 'among', 'during', 'while', 'when', 'after',
  'before', 'regarding', 'as', 'and', 'but', 'or', 'the', 'that', 'make', 'told', 'said', 'says', 'met',
  'mr', 'mrs', 'ms', 'dr', 'pm', 'fm', 'dfm', 'president', 'vice', 'minister', 'deputy', 'secretary',
  'senator', 'senators', 'sen', 'representative', 'rep', 'congressman', 'congresswoman', 'governor', 'gov',
  'mayor', 'ambassador', 'amb', 'advisor', 'adviser', 'counselor', 'counsellor', 'magistrate', 'judge',
  'general', 'gen', 'colonel', 'col', 'lt', 'maj', 'major', 'capt', 'captain', 'admiral', 'adm', 'head',
  'chief', 'director', 'affairs', 'policy', 'first', 'lady', 'afm', 'codel', 'staffdel', 's/rel', 'c/rel', 'sipdis',
  // Titles and qualifiers that lead names in cables (`President-elect Lula`, `DefMin Barak`,
  // `Leader Kim`, `Local Chavez`, `Former President Cardoso`).
  'president-elect', 'vice-president', 'defmin', 'formin', 'finmin', 'primin', 'fonmin', 'dpm', 'leader', 'local',
  'former', 'acting', 'interim', 'late', 'ex', 'candidate', 'opposition', 'premier', 'chancellor', 'speaker',
  'prime', 'foreign', 'defense', 'interior', 'finance', 'justice', 'chairman', 'spokesman', 'commander', 'emir',
  'then', 'new', 'both', 'according', 'dear', 'visiting', 'outgoing', 'incoming', 'presidential', 'undersecretary',
];

/**
 * A leading word made from a verb (`Describing Chavez`, `Welcoming Putin`): not part of a name.
 * Only long ones: shorter given names end in -ing (`Sterling`, `Irving`), and -ed is left alone
 * for `Mohammed` and `Ahmed`.
 */
const VERB_FORM = /^\p{L}{6,}ing$/u;

const NOT_NAME = new Set(NOT_NAME_WORDS);

/**
 * A person's key without the words that lead it but are not part of the name (`pm putin` →
 * `putin`). A key made only of such words is a title, not a name, and stays whole (`first lady`).
 */
export function personName(key: string): string {
  const words = key.split(' ');
  let i = 0;
  while (i < words.length - 1 && (NOT_NAME.has(words[i]!) || VERB_FORM.test(words[i]!))) i++;
  return i === 0 || NOT_NAME.has(words[i]!) ? key : words.slice(i).join(' ');
}

/**
 * Person key → the key it names, for the cable's kept person mentions (keys as `entityKey` makes
 * them): a cut key for a full name with leading debris, the one full name for a one-word name.
 */
export function lastNameMap(mentions: readonly { type: string; key: string }[]): Map<string, string> {
  const fullByLast = new Map<string, Set<string>>();
  const names = new Map<string, string>();
  for (const { type, key } of mentions) {
    if (type !== PERSON_TYPE || names.has(key)) continue;
    const name = personName(key);
    names.set(key, name);
    const space = name.lastIndexOf(' ');
    if (space < 0) continue;
    const last = name.slice(space + 1);
    let fulls = fullByLast.get(last);
    if (fulls === undefined) fullByLast.set(last, (fulls = new Set()));
    fulls.add(name);
  }
  const map = new Map<string, string>();
  for (const [key, name] of names) {
    const fulls = name.includes(' ') ? undefined : fullByLast.get(name);
    const target = fulls?.size === 1 ? fulls.values().next().value! : name;
    if (target !== key) map.set(key, target);
  }
  return map;
}
