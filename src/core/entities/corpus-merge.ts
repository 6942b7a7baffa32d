/**
 * Corpus-wide resolution, after every cable is read: which keys name the same actor, decided from
 * per-key figures (surface forms, types, the countries of the cables they appear in) and the
 * acronym definitions cables made. Compute, then apply: this returns a plan (every key's target
 * and the rule that merged it, plus what it could not decide, for review); `CorpusIndex.finish`
 * applies it.
 *
 * Rules, in order, each a union of keys:
 * - country-name: a country's names and standard abbreviations (`U.S.`, `USA`, `United States of
 *   America` → United States), and of a few unions (`EU`/`European Union`), from countries.ts;
 * - transliteration: keys that spell the same name differently (`Qadhafi`/`Gaddafi`,
 *   `Hizballah`/`Hezbollah`, `al-Qaida`/`al-Qaeda`), by a phonetic skeleton and a bounded edit
 *   distance, with the same type;
 * - person-initials: initials a cable defined as a person (`Kim Jong-il (KJI)`), when every
 *   definition in the corpus agrees;
 * - name-prefix: a person's name that starts another (`Hugo Chavez` → `Hugo Chavez Frias`);
 * - partial-name: a surname (or a family name written first, `Hu`) joins the one full name it
 *   ends (or starts) among persons seen in the same countries; when several compete the partial
 *   name stays apart and is listed for review, unless one outweighs the others fivefold — and
 *   even then not when that one's cables are years from the partial name's while another
 *   candidate's overlap them (time vetoes a merge, it never makes one).
 *
 * The user's decisions (alias file lines, see aliases.ts) bind every rule: a key kept apart joins
 * nothing, two keys said to be different never end in one entity, and a type given to a key is
 * the type its whole entity votes. The review queue leaves out what they decided.
 */
import { canonicalNameKey, countryOf } from './countries.ts';
import { personName } from './last-names.ts';
import { majorityType } from './normalize.ts';
import { parseScopedKey, readScoped } from './scoped.ts';

export interface KeyFiguresLike {
  keys: readonly string[];
  mentions: readonly number[];
  paragraphCounts: readonly number[];
  types: readonly Map<string, number>[];
  countries: readonly Map<string, number>[];
  /** First and last day of each key's dated cables (NaN: none dated); without them time is not compared. */
  firstDay?: readonly number[];
  lastDay?: readonly number[];
}

/** The user's decisions the plan obeys (an `AliasTable` is one). */
export interface Decided {
  separate: ReadonlySet<string>;
  different: ReadonlyMap<string, ReadonlySet<string>>;
  types: ReadonlyMap<string, string>;
}

export const NO_DECISIONS: Decided = { separate: new Set(), different: new Map(), types: new Map() };

export type MergeRule = 'country-name' | 'transliteration' | 'person-initials' | 'name-prefix' | 'partial-name';

export interface ReviewItem {
  kind: 'partial-name' | 'acronym' | 'type-conflict' | 'near-duplicate' | 'unresolved-acronym';
  /** The key in question. */
  key: string;
  /** The keys it could join. */
  candidates: string[];
  /** Paragraphs the decision affects (the key's). */
  paragraphs: number;
  note: string;
}

export interface MergePlan {
  /** For each key id, the id of the key it joins (itself when it joins none). */
  target: Int32Array;
  /** For each key id, the rule that merged it, or null. */
  rule: (MergeRule | null)[];
  /** Key ids whose mentions vote as another type (initials defined as a person vote PER). */
  retype: Map<number, string>;
  review: ReviewItem[];
}

/** A definition as the cables report it: how many times `acronym` was defined by `long` of `type`. */
export interface DefinitionCount {
  acronym: string;
  long: string;
  type: string;
  count: number;
}

const PERSON = 'PER';
/** A word of a person's name: letters, apostrophes, dots and hyphens (`o'neill`, `jong-il`), nothing like `factor:`. */
const NAME_WORD = /^[\p{L}\p{M}][\p{L}\p{M}'.-]*$/u;
/** A partial name joins the top candidate when it has this many times the mentions of all others together. */
const DOMINANCE = 5;
/** Share of a partial name's cables that must come from countries where the full name is seen. */
const COUNTRY_OVERLAP = 0.2;
/** Transliterations: at most this share of a name's letters may differ. */
const SPELLING_DISTANCE = 0.3;
/** Spellings this close join whatever the tagger typed them (`Al-Qaida` PER, `Al Qaeda` ORG). */
const TYPE_BLIND_DISTANCE = 0.2;
/**
 * Days by which a partial name's cables and a full name's may miss each other and still count as
 * overlapping in time: a year, so a name used in December and its surname in January still meet.
 */
export const TIME_SLACK_DAYS = 366;

export function planMerges(figures: KeyFiguresLike, definitions: readonly DefinitionCount[] = [], decided: Decided = NO_DECISIONS): MergePlan {
  const n = figures.keys.length;
  const parent = new Int32Array(n).map((_, i) => i);
  const rule: (MergeRule | null)[] = new Array(n).fill(null);
  const review: ReviewItem[] = [];
  const retype = new Map<number, string>();
  const idOf = new Map<string, number>();
  figures.keys.forEach((k, i) => idOf.set(k, i));
  const types = figures.types.map((t) => majorityType(Object.fromEntries(t)));
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]!]!;
    return i;
  };
  /**
   * Joins b's group to a's. The root names the group: a's root when `keepA` (the full name a
   * partial name joins), else the member with more mentions (then the lower id). The rule is noted
   * on the member that stops being a root.
   */
  const union = (a: number, b: number, why: MergeRule, keepA = false): void => {
    const ra = find(a);
    const rb = find(b);
    if (ra === rb || decided.separate.has(figures.keys[a]!) || decided.separate.has(figures.keys[b]!) || clash(ra, rb)) return;
    const aWins = keepA || weight(ra) > weight(rb) || (weight(ra) === weight(rb) && ra < rb);
    const [root, child] = aWins ? [ra, rb] : [rb, ra];
    parent[child] = root;
    rule[child] ??= why;
    const held = apart.get(child);
    if (held !== undefined) {
      apart.set(root, [...(apart.get(root) ?? []), ...held]);
      apart.delete(child);
    }
  };
  /** Per group root, its members the user said are different from some key: a group holding one of each pair never forms. */
  const apart = new Map<number, number[]>();
  for (let i = 0; i < n; i++) if (decided.different.has(figures.keys[i]!)) apart.set(i, [i]);
  const clash = (ra: number, rb: number): boolean => {
    const xs = apart.get(ra);
    const ys = apart.get(rb);
    if (xs === undefined || ys === undefined) return false;
    return xs.some((x) => ys.some((y) => decided.different.get(figures.keys[x]!)!.has(figures.keys[y]!)));
  };
  const weight = (i: number) => figures.mentions[i]!;

  // Country names and standard abbreviations.
  const byCountry = new Map<string, number[]>();
  for (let i = 0; i < n; i++) {
    const c = canonicalNameKey(figures.keys[i]!);
    if (c === undefined) continue;
    let ids = byCountry.get(c);
    if (ids === undefined) byCountry.set(c, (ids = []));
    ids.push(i);
  }
  for (const [country, ids] of byCountry) {
    // The common name names the node when it is in the corpus (`united states`, not `us`).
    const head = ids.find((i) => figures.keys[i] === country) ?? ids[0]!;
    for (const i of ids) if (i !== head) union(head, i, 'country-name', figures.keys[head] === country);
  }

  // Transliterations.
  const bySkeleton = new Map<string, number[]>();
  for (let i = 0; i < n; i++) {
    const key = figures.keys[i]!;
    if (key.length < 5 || countryOf(key) !== undefined || canonicalNameKey(key) !== undefined || readScoped(key) !== null || parseScopedKey(key) !== null) continue;
    const s = skeleton(key);
    if (s.replace(/[^a-z]/g, '').length < 3) continue;
    let ids = bySkeleton.get(s);
    if (ids === undefined) bySkeleton.set(s, (ids = []));
    ids.push(i);
  }
  for (const ids of bySkeleton.values()) {
    if (ids.length < 2) continue;
    const sorted = [...ids].sort((a, b) => weight(b) - weight(a) || a - b);
    const head = sorted[0]!;
    for (const i of sorted.slice(1)) {
      const a = fold(figures.keys[head]!);
      const b = fold(figures.keys[i]!);
      const share = types[i] === types[head] ? SPELLING_DISTANCE : TYPE_BLIND_DISTANCE;
      if (closeSpelling(a, b, share)) union(head, i, 'transliteration');
    }
  }

  // Initials defined as a person, when every definition of them names the same person.
  const initials = new Map<string, Map<string, number>>();
  for (const d of definitions) {
    let longs = initials.get(d.acronym);
    if (longs === undefined) initials.set(d.acronym, (longs = new Map()));
    longs.set(`${d.type}\t${d.long}`, (longs.get(`${d.type}\t${d.long}`) ?? 0) + d.count);
  }
  for (const [acronym, longs] of initials) {
    const a = idOf.get(acronym);
    if (a === undefined || readScoped(acronym) !== null) continue;
    // Every long form (however the tagger typed it) names one entity, and one of them is a person.
    const persons = [...longs.keys()].filter((k) => k.startsWith(`${PERSON}\t`));
    const all = [...longs.keys()].map((k) => k.slice(k.indexOf('\t') + 1));
    const targets = [...new Set(all.map((p) => idOf.get(p)).filter((t): t is number => t !== undefined).map(find))];
    if (persons.length > 0 && targets.length === 1) {
      union(targets[0]!, a, 'person-initials', true);
      retype.set(a, PERSON);
    } else if (longs.size > 1 && !decided.separate.has(acronym)) {
      // Long forms the user said are not this acronym are no longer a question.
      const open = [...new Set([...longs.keys()].map((k) => k.split('\t')[1]!))].filter((long) => decided.different.get(acronym)?.has(long) !== true).sort();
      if (open.length > 0) {
        review.push({ kind: 'acronym', key: acronym, candidates: open, paragraphs: figures.paragraphCounts[a]!, note: `defined ${longs.size} ways in the corpus; left as it is` });
      }
    }
  }

  // Persons: full names, their prefixes, and partial names.
  const isPerson = (i: number) => {
    const t = figures.types[i]!;
    return (t.get(PERSON) ?? 0) * 2 >= figures.mentions[i]!;
  };
  // Each key's name and its words, once: the loops below read them for every candidate of every
  // name, and a common first name has thousands of candidates.
  const names: (string | undefined)[] = new Array(n);
  const wordLists: (string[] | undefined)[] = new Array(n);
  const nameOf = (i: number): string => (names[i] ??= personName(figures.keys[i]!));
  const wordsOf = (i: number): string[] => (wordLists[i] ??= nameOf(i).split(' '));
  const fullByWord = new Map<string, number[]>();
  const fullNames: number[] = [];
  for (let i = 0; i < n; i++) {
    if (!isPerson(i)) continue;
    const words = wordsOf(i);
    if (words.length < 2 || !words.every((w) => NAME_WORD.test(w))) continue;
    fullNames.push(i);
    for (const w of new Set([words[0]!, words[words.length - 1]!])) {
      let ids = fullByWord.get(w);
      if (ids === undefined) fullByWord.set(w, (ids = []));
      ids.push(i);
    }
  }
  // Full names by what other names look them up by: their whole name, their first and last word
  // (names of three words or more), and each of their ending runs of two words or more short of
  // the whole. Each list ascending. A common first name (`mohammed`, `ali`) starts thousands of
  // full names: comparing each with every other that shares its first word was quadratic.
  const byName = new Map<string, number[]>();
  const byFirstLast = new Map<string, number[]>();
  const byEnding = new Map<string, number[]>();
  const add = (index: Map<string, number[]>, key: string, i: number) => {
    const ids = index.get(key);
    if (ids === undefined) index.set(key, [i]);
    else ids.push(i);
  };
  for (const i of fullNames) {
    const words = wordsOf(i);
    add(byName, nameOf(i), i);
    if (words.length > 2) add(byFirstLast, `${words[0]!} ${words[words.length - 1]!}`, i);
    for (let m = 2; m < words.length; m++) add(byEnding, words.slice(words.length - m).join(' '), i);
  }
  // A name that starts another (`hugo chavez` in `hugo chavez frias`, `hu jintao elected`): the
  // longer joins the longest such name; and first and last name without the middle ones
  // (`barack obama` for `barack hussein obama`) join when only one fits.
  for (const i of fullNames) {
    const words = wordsOf(i);
    const starts: number[] = [];
    for (let m = words.length - 1; m >= 2; m--) {
      for (const j of byName.get(words.slice(0, m).join(' ')) ?? []) if (compatible(figures, j, i)) starts.push(j);
    }
    starts.sort((a, b) => nameOf(b).length - nameOf(a).length || a - b);
    if (starts.length > 0) union(starts[0]!, i, 'name-prefix');
    if (words.length === 2) {
      const longer = (byFirstLast.get(nameOf(i)) ?? []).filter((j) => compatible(figures, i, j));
      const roots = [...new Set(longer.map(find))];
      if (roots.length === 1) union(roots[0]!, i, 'name-prefix');
    }
    // A name another ends with, after words that are no part of a name (`honorable barack obama`).
    for (const j of byEnding.get(nameOf(i)) ?? []) union(i, j, 'name-prefix', true);
  }
  for (let i = 0; i < n; i++) {
    const key = figures.keys[i]!;
    const name = nameOf(i);
    if (name.includes(' ') || name.length < 2 || countryOf(name) !== undefined || readScoped(name) !== null) continue;
    // The tagger often types a bare surname ORG (`Merkel`, `Berlusconi`): such a word may join a
    // person too, if it is not a place and not acronym-like, and only when one full name fits.
    const person = isPerson(i);
    if (!person && (types[i] === 'LOC' || name.length < 4 || !NAME_WORD.test(name))) continue;
    if (decided.separate.has(key)) continue;
    const all = (fullByWord.get(name) ?? []).filter((j) => {
      const words = wordsOf(j);
      return (words[words.length - 1] === name || words[0] === name) && !clash(find(i), find(j));
    });
    // Names ending with it and names starting with it (a family name written first, `Hu` of `Hu
    // Jintao`) compete alike. One full name (or one that outweighs the others fivefold): it is the one. Else the country
    // context may leave one: the full names seen in the partial name's countries.
    const rank = (ids: number[]) => {
      const groups = new Map<number, number>();
      for (const j of ids) groups.set(find(j), (groups.get(find(j)) ?? 0) + figures.mentions[j]!);
      return [...groups].sort((a, b) => b[1] - a[1] || a[0] - b[0]);
    };
    const dominant = (r: [number, number][]) => r.length === 1 || (r.length > 1 && r[0]![1] >= DOMINANCE * r.slice(1).reduce((sum, g) => sum + g[1], 0));
    let ranked = rank(all);
    if (ranked.length === 0) continue;
    if (!dominant(ranked)) {
      const fitting = rank(all.filter((j) => compatible(figures, i, j, COUNTRY_OVERLAP)));
      if (fitting.length > 0) ranked = fitting;
    }
    // Time vetoes, never chooses: the winner must not be years away from the partial name while
    // another candidate's cables overlap it (then the partial name waits for review).
    const timely = ([g]: [number, number]) => inTime(figures, i, all.filter((j) => find(j) === g));
    const late = dominant(ranked) && ranked.length > 1 && !timely(ranked[0]!) && ranked.slice(1).some(timely);
    if (dominant(ranked) && !late) {
      union(ranked[0]![0], i, 'partial-name', true);
    } else if (late && person) {
      review.push({
        kind: 'partial-name', key, candidates: ranked.map(([g]) => figures.keys[g]!),
        paragraphs: figures.paragraphCounts[i]!, note: `${figures.keys[ranked[0]![0]]} outweighs the others but its cables are years from this name's; left apart`,
      });
    } else if (person) {
      review.push({
        kind: 'partial-name', key, candidates: ranked.map(([g]) => figures.keys[g]!),
        paragraphs: figures.paragraphCounts[i]!, note: `${ranked.length} full names end or start with it; left apart`,
      });
    }
  }

  // Bare government and ministry acronyms whose country was unclear in some cables.
  for (let i = 0; i < n; i++) {
    const r = readScoped(figures.keys[i]!);
    if (r !== null && r.country === null && figures.keys[i] === r.acronym && !decided.separate.has(figures.keys[i]!)) {
      review.push({ kind: 'unresolved-acronym', key: figures.keys[i]!, candidates: [], paragraphs: figures.paragraphCounts[i]!, note: 'country unclear in these paragraphs; kept apart from every country' });
    }
  }

  // Type conflicts: entities whose mentions are split between types.
  for (let i = 0; i < n; i++) {
    const t = [...figures.types[i]!].sort((a, b) => b[1] - a[1]);
    // Countries are places whatever the tagger says (`U.S.` as ORG): no question there.
    if (decided.types.has(figures.keys[i]!) || decided.types.has(figures.keys[find(i)]!)) continue;
    if (t.length > 1 && figures.paragraphCounts[i]! >= 5 && t[1]![1] * 3 >= t[0]![1] && canonicalNameKey(figures.keys[i]!) === undefined) {
      review.push({ kind: 'type-conflict', key: figures.keys[i]!, candidates: [], paragraphs: figures.paragraphCounts[i]!, note: `mentions typed ${t.map(([type, c]) => `${type} ${c}`).join(', ')}` });
    }
  }

  const target = new Int32Array(n);
  for (let i = 0; i < n; i++) target[i] = find(i);
  // Types the user gave: the entity's own key's type first, else a member's (the lowest id).
  const groupType = new Map<number, string>();
  for (let i = 0; i < n; i++) {
    const t = decided.types.get(figures.keys[i]!);
    if (t !== undefined && (!groupType.has(target[i]!) || i === target[i])) groupType.set(target[i]!, t);
  }
  if (groupType.size > 0) {
    for (let i = 0; i < n; i++) {
      const t = groupType.get(target[i]!);
      if (t !== undefined) retype.set(i, t);
    }
  }
  review.sort((a, b) => b.paragraphs - a.paragraphs || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0) || (a.kind < b.kind ? -1 : 1));
  return { target, rule, retype, review };
}

/**
 * Whether any of `candidates` (keys of one full name's entity) is seen within TIME_SLACK_DAYS of
 * partial name i's cables. Undated names overlap everything: nothing contradicts them.
 */
function inTime(figures: KeyFiguresLike, i: number, candidates: readonly number[]): boolean {
  const { firstDay, lastDay } = figures;
  if (firstDay === undefined || lastDay === undefined || Number.isNaN(firstDay[i]!)) return true;
  return candidates.some((j) => Number.isNaN(firstDay[j]!) ||
    (firstDay[j]! <= lastDay[i]! + TIME_SLACK_DAYS && lastDay[j]! >= firstDay[i]! - TIME_SLACK_DAYS));
}

/** Whether persons i (a partial name) and j (a full name) are seen in the same countries' cables. */
function compatible(figures: KeyFiguresLike, i: number, j: number, overlap = COUNTRY_OVERLAP): boolean {
  const mine = figures.countries[i]!;
  const theirs = figures.countries[j]!;
  let total = 0;
  let shared = 0;
  for (const [c, k] of mine) {
    total += k;
    if (theirs.has(c)) shared += k;
  }
  // Without countries (no post known) there is nothing to contradict.
  return total === 0 || theirs.size === 0 || (shared > 0 && shared >= overlap * total);
}

/** A key without accents, apostrophes and hyphens, for comparing spellings. */
export function fold(key: string): string {
  return key.normalize('NFD').replace(/\p{M}/gu, '').replace(/['’`-]/g, ' ').replace(/\s+/g, ' ').trim();
}

/**
 * A phonetic skeleton of a name: per word, the first letter (k-like letters as `k`) and then its
 * consonants with doubles and an `h` after a consonant dropped, and `v` for a final vowel; the
 * article `al`/`el` is left out. `qadhafi`, `gaddafi`, `qaddafi` → `kdfv`; `hizballah`,
 * `hezbollah` → `hzblh`; `al-qaida`, `al qaeda` → `kdv`.
 */
export function skeleton(key: string): string {
  const words = fold(key).split(' ').filter((w) => w !== '' && w !== 'al' && w !== 'el' && w !== 'the');
  return words.map(wordSkeleton).join(' ');
}

const K_LIKE = /^[cgkq]/;
const VOWEL = /[aeiouy]/;

function wordSkeleton(word: string): string {
  let w = word.replace(K_LIKE, 'k').replace(/ph/g, 'f').replace(/ck|q|c/g, 'k').replace(/ou/g, 'u');
  const last = VOWEL.test(w[w.length - 1] ?? '') ? 'v' : '';
  let out = w[0] ?? '';
  for (let i = 1; i < w.length; i++) {
    const ch = w[i]!;
    if (VOWEL.test(ch) || ch === 'w') continue;
    if (ch === 'h' && !VOWEL.test(w[i - 1]!)) continue;
    if (ch === out[out.length - 1]) continue;
    out += ch;
  }
  w = out + last;
  return w;
}

/** Whether two folded keys differ in at most `share` of their letters, word by word when they have as many words. */
function closeSpelling(a: string, b: string, share: number): boolean {
  const wa = a.split(' ');
  const wb = b.split(' ');
  if (wa.length !== wb.length) return editDistance(a, b) <= share * Math.max(a.length, b.length);
  return wa.every((w, k) => editDistance(w, wb[k]!) <= share * Math.max(w.length, wb[k]!.length));
}

/** Levenshtein distance. */
export function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[b.length]!;
}
