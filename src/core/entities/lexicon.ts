/**
 * The user's lexicon: actors the tagger misses (`cocaleros`), written as `term<TAB>type<TAB>variants`
 * with variants separated by `|`. Parsing turns each bad line into an error naming file:line and
 * keeps the rest; matching finds every variant, whole-word and case-insensitive, in a paragraph's
 * display text with a tree of all the variants built once per lexicon (lexicon-trie.ts), so its
 * cost does not grow with the number of terms.
 */
import type { Diagnostic } from '../diagnostics.ts';
import { entityKey } from './normalize.ts';
import { readTsv } from './tsv.ts';
import { LexiconTrie } from './lexicon-trie.ts';

export interface LexiconEntry {
  /** The canonical form; its key is the key of every mention the entry adds. */
  term: string;
  key: string;
  type: string;
  /** The forms matched in text, the term first. */
  variants: string[];
  /** 1-based line of the lexicon file. */
  line: number;
}

export interface Lexicon {
  entries: readonly LexiconEntry[];
  /** Key of every variant → key of its term; also maps tagger mentions of a variant to the term. */
  keys: ReadonlyMap<string, string>;
  /** Key of every term → its entry. */
  byKey: ReadonlyMap<string, LexiconEntry>;
  /** Every variant, longest first, in one whole-word, case-insensitive matcher; null for an empty lexicon. */
  matcher: LexiconTrie | null;
}

export interface LexiconMatch {
  start: number;
  end: number;
  /** The text as found (`Cocaleros`), counted as the entity's surface form. */
  text: string;
  entry: LexiconEntry;
}

export const LEXICON_COLUMNS = ['term', 'type', 'variants'] as const;
/** The reader's grammar for a tagger type, so lexicon types look like the tagger's (`GROUP`). */
const TYPE_NAME = /^[A-Z][A-Z0-9_-]*$/;

export const EMPTY_LEXICON: Lexicon = { entries: [], keys: new Map(), byKey: new Map(), matcher: null };

/** Parses a lexicon file. A header line `term<TAB>type<TAB>variants` is optional. */
export function parseLexicon(text: string, file: string): { lexicon: Lexicon; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const entries: LexiconEntry[] = [];
  const keys = new Map<string, string>();
  const lineOfVariant = new Map<string, number>();
  const byKey = new Map<string, LexiconEntry>();
  for (const { line, fields } of readTsv(text, LEXICON_COLUMNS)) {
    const error = (code: string, message: string) => diagnostics.push({ file, line, severity: 'error', code, message });
    if (fields.length < 2 || fields.length > 3) {
      error('lexicon-columns', `expected term<TAB>type<TAB>variants, found ${fields.length} field${fields.length === 1 ? '' : 's'} (columns are separated by one tab)`);
      continue;
    }
    const [term, type, variantList = ''] = fields as [string, string, string?];
    const key = entityKey(term);
    if (key === '') {
      error('lexicon-empty', `term ${JSON.stringify(term)} has no letter to match`);
      continue;
    }
    if (!TYPE_NAME.test(type)) {
      error('lexicon-type', `type ${JSON.stringify(type)} is not a type name: use capital letters, digits, _ or - (PER, ORG, GROUP)`);
      continue;
    }
    const variants = [term, ...(variantList === '' ? [] : variantList.split('|').map((v) => v.trim()))];
    // Keys computed once each: a variant may be megabytes long.
    const variantKeys = variants.map((v, i) => (i === 0 ? key : entityKey(v)));
    const bad = variantKeys.indexOf('');
    if (bad >= 0) {
      error('lexicon-empty', `variant ${JSON.stringify(variants[bad])} has no letter to match (variants are separated by |, with none empty)`);
      continue;
    }
    const clash = variantKeys.findIndex((k) => lineOfVariant.has(k));
    if (clash >= 0) {
      error('lexicon-duplicate', `${JSON.stringify(variants[clash])} is already in the lexicon at line ${lineOfVariant.get(variantKeys[clash]!)}; give each form one line`);
      continue;
    }
    const entry: LexiconEntry = { term, key, type, variants: [...new Set(variants)], line };
    for (const k of variantKeys) {
      keys.set(k, key);
      lineOfVariant.set(k, line);
    }
    byKey.set(key, entry);
    entries.push(entry);
  }
  return { lexicon: { entries, keys, byKey, matcher: compile(entries) }, diagnostics };
}

/** Every variant, longest first (then in code-unit order): at one place the longest wins. */
function compile(entries: readonly LexiconEntry[]): LexiconTrie | null {
  const forms = new Map<string, string>();
  for (const e of entries) for (const v of e.variants) forms.set(v.toLowerCase(), v);
  if (forms.size === 0) return null;
  return new LexiconTrie([...forms.values()].sort((a, b) => b.length - a.length || (a < b ? -1 : a > b ? 1 : 0)));
}

/**
 * Every lexicon variant in `text`, in order, that overlaps none of `taken` (the tagger's
 * mentions, sorted by start: the tagger wins).
 */
export function matchLexicon(text: string, lexicon: Lexicon, taken: readonly { start: number; end: number }[]): LexiconMatch[] {
  const matcher = lexicon.matcher;
  if (matcher === null) return [];
  const found: LexiconMatch[] = [];
  let t = 0;
  for (const { start, end } of matcher.matches(text)) {
    while (t < taken.length && taken[t]!.end <= start) t++;
    if (t < taken.length && taken[t]!.start < end) continue;
    const matched = text.slice(start, end);
    // Case-insensitive matching and entityKey agree but for exotic foldings; those are skipped.
    const termKey = lexicon.keys.get(entityKey(matched));
    const entry = termKey === undefined ? undefined : lexicon.byKey.get(termKey);
    if (entry !== undefined) found.push({ start, end, text: matched, entry });
  }
  return found;
}
