/**
 * Scoped acronyms: government and ministry acronyms that name a different body in every country
 * (`MFA`, `MOD`, `MOI`, `GOI` for Iraq, Israel, Italy or India). Each mention is given its
 * country, in this order: the country written in the mention (`Russian MFA`, `Government of
 * Iraq`); the cable's own definition (`the Government of Iraq (GOI)`); the cable's country when
 * the acronym fits it (`GOF` or `MFA` in an Embassy Paris cable); the one fitting country the
 * paragraph, else the cable, names; else none, and the mention keeps the bare acronym (a node of
 * its own, listed for review), never another country's node. One node per country and acronym,
 * keyed `mfa (peru)` and labelled `MFA (Peru)`.
 */
import { boundedMemo } from '../bounded-memo.ts';
import { COUNTRIES, countryByKey, countryByName, countryOf, type Country } from './countries.ts';

/** Ministry acronyms any government may have, and the long forms that mean the same. */
const MINISTRIES: Record<string, readonly string[]> = {
  mfa: ['mofa', 'foreign ministry', 'ministry of foreign affairs', 'foreign affairs ministry', 'ministry of external affairs', 'foreign office'],
  mod: ['ministry of defense', 'ministry of defence', 'defense ministry', 'defence ministry', 'ministry of national defense'],
  moi: ['ministry of interior', 'ministry of the interior', 'interior ministry', 'ministry of internal affairs'],
  moj: ['ministry of justice', 'justice ministry'],
  mof: ['ministry of finance', 'finance ministry'],
  moh: ['ministry of health', 'health ministry'],
  moe: ['ministry of energy', 'energy ministry'],
  mot: ['ministry of trade', 'trade ministry'],
};

const MINISTRY_OF = new Map<string, string>();
for (const [acronym, forms] of Object.entries(MINISTRIES)) {
  MINISTRY_OF.set(acronym, acronym);
  for (const f of forms) MINISTRY_OF.set(f, acronym);
}

/** `GO` and a country's initial or initials (`GOI`, `GOSL`); `government of X`, `X government`. */
const GOVERNMENT_ACRONYM = /^go([a-z]{1,3})$/;
const GOVERNMENT_OF = /^(?:the )?government of (?:the )?(.+)$/;
const X_GOVERNMENT = /^(?:the )?(.+?)(?:'s)? government$/;

/** What a key says about a scoped acronym: the acronym's key, and the country written in it, if any. */
export interface ScopedReading {
  acronym: string;
  country: Country | null;
}

const SMALL_WORDS = new Set(['of', 'the', 'and']);

/** The letters a `GO` acronym may use for a country: its initial, or the initials of its name's words (`sl` for Sri Lanka). */
function governmentLetters(c: Country): string[] {
  const words = c.key.split(/[\s-]+/).filter((w) => !SMALL_WORDS.has(w));
  const initials = words.map((w) => w[0]).join('');
  // Its initial (`GOI`), its first two letters (`GOAM` Armenia, `GODJ` Djibouti), its words' initials (`GOSL`).
  return initials.length > 1 ? [c.key[0]!, c.key.slice(0, 2), initials] : [c.key[0]!, c.key.slice(0, 2)];
}

/** Whether the acronym (a key from `readScoped`) can be this country's. */
export function fits(acronym: string, country: Country): boolean {
  const go = GOVERNMENT_ACRONYM.exec(acronym);
  if (go !== null) return governmentLetters(country).includes(go[1]!);
  // The United States has departments, not ministries, and the cables call its government USG.
  return country.key !== 'united states';
}

/**
 * The scoped acronym a key names, with the country written in it: `mfa`, `foreign ministry`,
 * `russian mfa`, `peru's foreign ministry`, `mfa of russia`, `goi`, `government of iraq`,
 * `iraqi government`. Null for any other key.
 */
export const readScoped: (key: string) => ScopedReading | null = boundedMemo(readScopedOnce, 50_000);

function readScopedOnce(key: string): ScopedReading | null {
  const bare = key.startsWith('the ') ? key.slice(4) : key;
  const ministry = MINISTRY_OF.get(bare);
  if (ministry !== undefined) return { acronym: ministry, country: null };
  if (GOVERNMENT_ACRONYM.test(bare) && COUNTRIES.some((c) => fits(bare, c))) return { acronym: bare, country: null };
  const of = GOVERNMENT_OF.exec(bare) ?? X_GOVERNMENT.exec(bare);
  if (of !== null) {
    const c = countryOf(of[1]!);
    if (c === undefined || c.key === 'united states') return null;
    // The usual acronym: the initials of a name of several words (`GOSL`), else the initial (`GOI`).
    const letters = governmentLetters(c);
    return { acronym: `go${letters.length === 3 ? letters[2] : letters[0]}`, country: c };
  }
  // A country or demonym before the acronym (`russian mfa`, `peru's mfa`) or after it (`mfa of russia`).
  const words = bare.split(' ');
  for (let i = 1; i < words.length; i++) {
    const c = countryOf(words.slice(0, i).join(' ').replace(/'s$/, ''));
    const m = MINISTRY_OF.get(words.slice(i).join(' '));
    if (c !== undefined && m !== undefined) return { acronym: m, country: c };
  }
  const after = /^(.+?) of (?:the )?(.+)$/.exec(bare);
  if (after !== null) {
    const m = MINISTRY_OF.get(after[1]!);
    const c = countryByName(after[2]!);
    if (m !== undefined && c !== undefined) return { acronym: m, country: c };
  }
  return null;
}

/** The key of an acronym's node for a country: `mfa (peru)`. */
export function scopedKey(acronym: string, country: Country): string {
  return `${acronym} (${country.key})`;
}

const SCOPED_KEY = /^(.+) \(([^()]+)\)$/;

/** The acronym and country of a scoped key (`mfa (peru)`), or null for any other key. */
export function parseScopedKey(key: string): { acronym: string; country: Country } | null {
  const m = SCOPED_KEY.exec(key);
  if (m === null) return null;
  const country = countryByKey(m[2]!);
  if (country === undefined || readScoped(m[1]!)?.acronym !== m[1]) return null;
  return { acronym: m[1]!, country };
}

/**
 * The label of a scoped node: the acronym as the mentions write it (`MFA`, else upper case) and
 * the country's name, `MFA (Peru)`. Null for a key that is not scoped.
 */
export function scopedLabel(key: string, surfaces: readonly (readonly [string, number])[], keyOf: (s: string) => string): string | null {
  const parsed = parseScopedKey(key);
  if (parsed === null) return null;
  let best: readonly [string, number] | null = null;
  for (const s of surfaces) {
    if (keyOf(s[0]) === parsed.acronym && (best === null || s[1] > best[1])) best = s;
  }
  const acronym = best !== null && best[0] === best[0].toUpperCase() ? best[0].replace(/[^\p{L}\p{N}]+$/u, '') : parsed.acronym.toUpperCase();
  return `${acronym} (${parsed.country.name})`;
}

/** One mention for `scopeMentions`. */
export interface ScopableMention {
  key: string;
  type: string;
}

/** The countries a set of mentions names (`Iran`, `Iranian`), once each, in first-mention order. */
export function countriesNamed(mentions: readonly ScopableMention[]): Country[] {
  const seen = new Set<string>();
  const out: Country[] = [];
  for (const m of mentions) {
    const c = countryOf(m.key);
    if (c !== undefined && !seen.has(c.key)) {
      seen.add(c.key);
      out.push(c);
    }
  }
  return out;
}

/** How a mention's country was found, counted per rule; `unresolved` keeps the bare acronym. */
export type ScopeRule = 'scoped-named' | 'scoped-defined' | 'scoped-post' | 'scoped-paragraph' | 'scoped-cable' | 'scoped-unresolved';

/**
 * The country of a scoped acronym in context, and the rule that found it. `defined` holds the
 * cable's own definitions (acronym key → country), `paragraph` and `cable` the countries named
 * around it, `post` the cable's country.
 */
export function scopeOf(
  reading: ScopedReading, defined: ReadonlyMap<string, Country>, post: Country | null,
  paragraph: readonly Country[], cable: readonly Country[],
): { country: Country | null; rule: ScopeRule } {
  if (reading.country !== null) return { country: reading.country, rule: 'scoped-named' };
  const own = defined.get(reading.acronym);
  if (own !== undefined) return { country: own, rule: 'scoped-defined' };
  if (post !== null && fits(reading.acronym, post)) return { country: post, rule: 'scoped-post' };
  const inParagraph = paragraph.filter((c) => fits(reading.acronym, c));
  if (inParagraph.length === 1) return { country: inParagraph[0]!, rule: 'scoped-paragraph' };
  const inCable = cable.filter((c) => fits(reading.acronym, c));
  if (inParagraph.length === 0 && inCable.length === 1) return { country: inCable[0]!, rule: 'scoped-cable' };
  return { country: null, rule: 'scoped-unresolved' };
}
