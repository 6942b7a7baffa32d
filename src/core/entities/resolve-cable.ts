/**
 * Entity resolution for one cable: every mention of every numbered paragraph gets the corpus-wide
 * key of the entity it names, or the reason it names none; the lexicon adds the mentions the
 * tagger missed. Pure and per cable, so it runs in parallel workers; what needs the whole corpus
 * (labels, types, the graph) is left to the step that gathers the results.
 *
 * Order: noise rules and the key of each tagger mention, lexicon mentions and variants, then
 * within the cable last names and acronym definitions, and last the user's aliases, corpus-wide.
 */
import type { Cable, Mention } from '../cable/model.ts';
import type { Diagnostic } from '../diagnostics.ts';
import { areDifferent, type AliasTable } from './aliases.ts';
import { acronymDefinitions, findDefinitions, personInitials, type Definition } from './definitions.ts';
import { PERSON_TYPE, lastNameMap } from './last-names.ts';
import { matchLexicon, type Lexicon } from './lexicon.ts';
import type { DropReason, ResolvedCable, ResolvedMention, ResolvedParagraph } from './model.ts';
import { cutRedactionRuns, isDate, isFormatWord, isJargonRole, isRedaction, isTitle, stripFormatPrefix } from './noise.ts';
import { entityKey } from './normalize.ts';
import { boundedMemo } from '../bounded-memo.ts';
import { repairFragments } from './fragments.ts';
import type { Country } from './countries.ts';
import { cableIdCountry, postCountry } from './posts.ts';
import { countriesNamed, readScoped, scopeOf, scopedKey } from './scoped.ts';
import type { ResolveOptions, RuleId } from './options.ts';

export { DEFAULT_RESOLVE_OPTIONS, RESOLVE_RULES, activeRules, resolveOptions, type ResolveOptions } from './options.ts';

export interface ResolveContext {
  options: ResolveOptions;
  lexicon: Lexicon;
  aliases: AliasTable;
  /** Readings kept across the cables of a build; without it, each cable reads its mentions afresh. */
  readings?: MentionReadings;
}

/** What the text of a tagger mention says on its own, whatever the options. */
interface Reading {
  redaction: boolean;
  key: string;
  formatWord: boolean;
  /** The key with leading format debris cut off ('' when nothing nameable is left). */
  stripped: string;
  /** Whether the stripped key is a date, or a title alone. */
  date: boolean;
  title: boolean;
}

/**
 * What mention texts say on their own, kept for one build: surfaces repeat across a corpus
 * (`Iran`, `U.S.`), so each is read once. Bounded: past `limit` texts it starts afresh.
 */
export class MentionReadings {
  readonly read: (text: string) => Reading;
  constructor(limit = 50_000) {
    this.read = boundedMemo(readMention, limit);
  }
}

function readMention(text: string): Reading {
  const whole = entityKey(text);
  if (isRedaction(whole)) return { redaction: true, key: '', formatWord: false, stripped: '', date: false, title: false };
  const cut = cutRedactionRuns(text);
  const key = cut === text ? whole : entityKey(cut);
  const stripped = key === '' ? '' : stripFormatPrefix(key);
  const name = stripped === key ? key : entityKey(stripped);
  return { redaction: false, key, formatWord: key !== '' && isFormatWord(key), stripped: name, date: isDate(name), title: isTitle(name) };
}

/** A mention on its way through the rules. */
interface Working extends ResolvedMention {
  text: string;
  /** Kept as the cable's redacted source: no cable-level rule applies to it. */
  redacted: boolean;
}

export function resolveCable(cable: Cable, readerDiagnostics: readonly Diagnostic[], context: ResolveContext): ResolvedCable {
  const { options, lexicon, aliases } = context;
  const ruleCounts: Record<string, number> = {};
  const count = (rule: RuleId) => void (ruleCounts[rule] = (ruleCounts[rule] ?? 0) + 1);
  const readings = context.readings ?? new MentionReadings();
  const redacted = options.redactions === 'per-cable' ? redactedSource(cable.id) : null;

  const tagger = (m: Mention): Working => {
    const w: Working = { start: m.start, end: m.end, type: m.type, origin: 'tagger', key: null, surface: m.text, dropped: null, text: m.text, redacted: false };
    const r = readings.read(m.text);
    const drop = (reason: DropReason): Working => {
      count(reason);
      w.dropped = reason;
      return w;
    };
    if (r.redaction) {
      if (redacted === null) return drop('redaction');
      count('redaction');
      w.key = redacted.key;
      w.surface = redacted.surface;
      w.redacted = true;
      return w;
    }
    if (r.key === '') return drop('no-name');
    let key = r.key;
    if (options.formatWords) {
      if (r.formatWord || r.stripped === '') return drop('format-word');
      if (r.stripped !== key) count('format-prefix');
      key = r.stripped;
    }
    if (options.jargonRoles && isJargonRole(key)) return drop('jargon-role');
    if (options.formatWords && key === r.stripped && r.date) return drop('date');
    if (options.formatWords && key === r.stripped && r.title) return drop('title');
    if (options.formatWords && key !== r.stripped && isDate(key)) return drop('date');
    if (options.formatWords && key !== r.stripped && isTitle(key)) return drop('title');
    const term = lexicon.keys.get(key);
    if (term !== undefined && term !== key) {
      count('lexicon');
      key = term;
    }
    w.key = key;
    return w;
  };

  const paragraphs = cable.paragraphs.map((p) => {
    const tagged = (options.formatWords ? repairFragments(p.text, p.mentions, () => count('fragment')) : p.mentions).map(tagger);
    const added: Working[] = matchLexicon(p.text, lexicon, p.mentions).map((m) => {
      count('lexicon');
      return { start: m.start, end: m.end, type: m.entry.type, origin: 'lexicon', key: m.entry.key, surface: m.text, dropped: null, text: m.text, redacted: false };
    });
    return { p, tagged, added };
  });

  const kept = paragraphs.map(({ p, tagged }) => ({ text: p.text, mentions: tagged.filter(isNamed) }));
  const lastNames = options.lastNames ? lastNameMap(kept.flatMap((k) => k.mentions)) : null;
  // Definitions are found once and read three ways: long forms to acronyms, person initials, and the countries of scoped acronyms.
  const found = options.definitions ? findDefinitions(kept) : [];
  const definitions = options.definitions ? acronymDefinitions(kept, found) : null;
  const initials = options.definitions ? personInitials(kept, found) : null;
  const rekey = (w: Working, rule: RuleId, map: ReadonlyMap<string, string> | null) => {
    const to = map?.get(w.key!);
    // Names the user said are different actors stay apart, whatever the cable suggests.
    if (to !== undefined && to !== w.key && !areDifferent(aliases, w.key!, to)) {
      w.key = to;
      count(rule);
    }
  };

  const scope = scopeContext(cable, kept, found);
  const resolved: ResolvedParagraph[] = paragraphs.map(({ p, tagged, added }, k) => {
    let paragraphCountries: Country[] | null = null;
    for (const w of tagged) {
      if (!isNamed(w) || aliases.separate.has(w.key)) continue;
      rekey(w, 'last-names', lastNames);
      rekey(w, 'definitions', definitions);
      if (initials?.has(w.key)) {
        // Initials defined as a person name that person, and vote as one (`KJI` after `Kim Jong-il (KJI)`).
        rekey(w, 'definitions', initials);
        w.type = PERSON_TYPE;
      }
      const reading = readScoped(w.key);
      if (reading !== null && (reading.country !== null || !GOVERNMENT_SHAPE.test(w.key) || !PLAIN_WORD.test(w.text.trim()))) {
        paragraphCountries ??= countriesNamed(kept[k]!.mentions);
        const { country, rule } = scopeOf(reading, scope.defined, scope.post, paragraphCountries, scope.countries);
        count(rule);
        w.key = country === null ? reading.acronym : scopedKey(reading.acronym, country);
      }
    }
    const all = added.length === 0 ? tagged : [...tagged, ...added].sort((a, b) => a.start - b.start || a.end - b.end);
    const mentions = all.map((w): ResolvedMention => {
      if (w.key !== null && !aliases.separate.has(w.key)) rekey(w, 'aliases', aliases.keys);
      return { start: w.start, end: w.end, type: w.type, origin: w.origin, key: w.key, surface: w.surface, dropped: w.dropped };
    });
    return { n: p.n, line: p.line, text: p.text, mentions };
  });

  const { text: _text, mentions: headerMentions, ...header } = cable.header;
  return {
    id: cable.id,
    file: cable.file,
    digest: cable.digest,
    header,
    headerMentions: headerMentions.length,
    paragraphs: resolved,
    diagnostics: [...readerDiagnostics],
    ruleCounts,
    definitions: found.filter((d) => !aliases.separate.has(d.acronym)),
  };
}

/** `GOI`-like keys name a government unless written as a plain word (`Gob`, `goa`). */
const GOVERNMENT_SHAPE = /^go[a-z]{1,3}$/;
const PLAIN_WORD = /^\p{Lu}?\p{Ll}+$/u;

/** What a cable tells about the countries of its scoped acronyms: its post's country, its definitions, the countries it names. */
function scopeContext(cable: Cable, kept: readonly { mentions: readonly { key: string; type: string }[] }[], found: readonly Definition[]) {
  const defined = new Map<string, Country>();
  for (const d of found) {
    const acronym = readScoped(d.acronym);
    const country = readScoped(d.long)?.country;
    if (acronym !== null && acronym.country === null && country != null && !defined.has(acronym.acronym)) defined.set(acronym.acronym, country);
  }
  // The header's post, else the post in a Cablegate file name (`09TELAVIV2502.txt`) when the header has none.
  const post = cable.header.origin !== '' ? postCountry(cable.header.origin) : cableIdCountry(cable.file);
  return { post, defined, countries: countriesNamed(kept.flatMap((p) => p.mentions)) };
}

/** Kept under a name of its own: the mentions the cable-level rules read and rekey. */
function isNamed(w: Working): w is Working & { key: string } {
  return w.key !== null && !w.redacted;
}

/** The one entity that stands for every redacted name of a cable: `Redacted source (LIMA 002158)`. */
function redactedSource(cableId: string): { key: string; surface: string } {
  const surface = `Redacted source (${cableId})`;
  return { key: entityKey(surface), surface };
}
