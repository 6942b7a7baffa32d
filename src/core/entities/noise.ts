/**
 * Tagger noise: mentions that name no actor. Each rule reads a mention's key (see `entityKey`)
 * and says whether it is format debris, cable jargon for an embassy role, or a redaction
 * placeholder. The word lists are data, exported so that the CLI and the docs can show them.
 */

/**
 * Words of the cable format that the tagger takes for names: section markers, handling and
 * classification marks, header field names, and the `(C)`/`(S)`/`(U)` paragraph marks. `para`
 * is left out on purpose: alone it is as often the Brazilian state Pará.
 */
export const FORMAT_WORDS: readonly string[] = [
  'summary', 'comment', 'comments', 'note', 'notes', 'end', 'begin', 'text', 'ref', 'refs', 'reftel',
  'reftels', 'septel', 'septels', 'paras', 'paragraph', 'paragraphs', 'sipdis', 'noforn', 'nodis',
  'exdis', 'limdis', 'sbu', 'unclas', 'unclassified', 'confidential', 'secret', 'classified',
  'classification', 'decl', 'declassify', 'tags', 'subject', 'subj', 'reason', 'reasons', 'section',
  'eo', 'c', 's', 'u', 'c/nf', 's/nf', 'sbu/nf', 'c/rel', 's/rel',
];

/**
 * Calendar words the tagger takes for names (`January`, 34 paragraphs of the sample; `May` and
 * `August` typed PER): dates are cable furniture, not actors. A mention made only of them, with
 * numbers and a few linking words (`May 5`, `the 5th of June`, `mid-January 2009`), is a date.
 * Months that are also names stay names inside a longer name (`Theresa May`).
 */
export const CALENDAR_WORDS: readonly string[] = [
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november',
  'december', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday',
];

/** Words that may stand beside a calendar word in a date, or beside a title word in a title. */
const DATE_FILLERS = new Set(['the', 'of', 'on', 'in', 'early', 'late', 'mid', 'end', 'last', 'next', 'this', 'st', 'nd', 'rd', 'th']);
const MONTH_ABBREVIATIONS = new Set(['jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec']);

/**
 * Titles the tagger takes for names when they stand alone (`President`, `the Foreign Minister`,
 * `Crown Prince`, `President-elect`, `DefMin`): they name an office, not an actor, and which
 * holder is meant is for the reader of the sentence to tell.
 */
export const TITLE_WORDS: readonly string[] = [
  'president', 'president-elect', 'vice-president', 'minister', 'ministers', 'secretary', 'secretary-general',
  'undersecretary', 'premier', 'chancellor', 'king', 'queen', 'prince', 'princess', 'emir', 'amir', 'sultan',
  'sheikh', 'shaykh', 'ambassador', 'ambassadors', 'governor', 'mayor', 'senator', 'speaker', 'chairman',
  'chairwoman', 'chair', 'spokesman', 'spokeswoman', 'spokesperson', 'leader', 'general', 'commander',
  'director', 'director-general', 'defmin', 'formin', 'finmin', 'primin', 'fonmin', 'dfm', 'dpm', 'fm', 'pm',
  'a/s', 'das', 'u/s', 'deputy', 'vice', 'prime', 'foreign', 'defense', 'defence', 'interior', 'finance',
  'justice', 'crown', 'first', 'lady', 'head', 'chief', 'acting', 'former', 'assistant', 'under', 'state',
  'pope', 'his', 'her', 'majesty', 'highness', 'excellency', 'mr', 'mrs', 'ms', 'dr', 'minister-counselor',
];
/** The words of `TITLE_WORDS` that make a title (the others only qualify one: `deputy`, `foreign`). */
const TITLE_HEADS = new Set([
  'president', 'president-elect', 'vice-president', 'minister', 'ministers', 'secretary', 'secretary-general',
  'undersecretary', 'premier', 'chancellor', 'king', 'queen', 'prince', 'princess', 'emir', 'amir', 'sultan',
  'ambassador', 'ambassadors', 'governor', 'mayor', 'senator', 'speaker', 'chairman', 'chairwoman', 'spokesman',
  'spokeswoman', 'spokesperson', 'leader', 'commander', 'director-general', 'defmin', 'formin', 'finmin', 'primin',
  'fonmin', 'dfm', 'dpm', 'fm', 'pm', 'pope', 'majesty', 'highness', 'excellency',
]);

/** Whole mentions that are format debris though some of their words are not format words. */
export const FORMAT_PHRASES: readonly string[] = [
  'classified web site', 'classified website', 'classified by', 'e.o. 12958', 'eo 12958',
];

/**
 * Words that may stand beside a format word in a debris mention (`Summary: Although`) but never
 * make a name on their own: sentence openers, articles, pronouns, conjunctions.
 */
const FUNCTION_WORDS = new Set([
  'a', 'an', 'the', 'this', 'that', 'these', 'those', 'and', 'or', 'but', 'nor', 'although', 'though',
  'however', 'while', 'whereas', 'as', 'if', 'when', 'since', 'after', 'before', 'also', 'meanwhile',
  'then', 'thus', 'in', 'on', 'at', 'of', 'for', 'to', 'from', 'by', 'with', 'per', 'we', 'our', 'he',
  'she', 'they', 'it', 'his', 'her', 'their', 'its', 'there', 'here', 'and/or',
]);

/**
 * Words that, leading a mention, are debris glued to a real name (`Summary: Hamburg State
 * Police`, `Sipdis Patrick O'Brien`). Classification words are not among them: `Secret Service`
 * is a name.
 */
const STRIPPABLE_PREFIXES = new Set(['summary', 'comment', 'sipdis', 'reftel', 'reftels', 'septel', 'refs', 'noforn']);
/** Two-word openers: `End Summary`, `Begin Text`. */
const STRIPPABLE_OPENERS = new Set(['end', 'begin']);
const STRIPPABLE_AFTER_OPENER = new Set(['summary', 'comment', 'note', 'text']);

/**
 * Cable jargon for embassy roles and offices: who wrote, who met, who was told. Matched on the
 * whole mention, case-insensitive, with a plural `s` (`Emboffs`). Real agencies the embassy
 * hosts (USAID, DEA, FBI) and the government as an actor (USG, GOP) are not jargon and stay.
 * `Dept`/`Department` alone is the addressee of the cable, not a party to what it reports.
 */
export const JARGON_ROLES: readonly string[] = [
  // Officers.
  'poloff', 'emboff', 'econoff', 'conoff', 'polmiloff', 'pol-miloff', 'polecon off', 'poleconoff',
  'mgmtoff', 'deptoff', 'ecopoloff', 'pao', 'rso', 'arso', 'legatt', 'legat', 'datt', 'dao', 'polad',
  'milgp', 'consoff',
  // Counselors and heads of mission.
  'polcouns', 'econcouns', 'polmilcouns', 'poleconcouns', 'pol/econ couns', 'mincouns', 'conscouns',
  'mgmtcouns', 'dcm', 'a/dcm', 'charge', 'chargé', "charge d'affaires", "chargé d'affaires", 'cda',
  'amb', 'ambassador', 'congen', 'cg', 'consul general', 'deputy chief of mission', 'political counselor',
  'economic counselor', 'political officer', 'economic officer', 'political section', 'economic section',
  'regional security officer', 'defense attache', 'defense attaché',
  // The mission itself and its visitors.
  'post', 'embassy', 'mission', 'consulate', 'chancery', 'codel', 'staffdel', 'usdel', 'dept', 'department',
];

const FORMAT_WORD_SET = new Set(FORMAT_WORDS);
const CALENDAR_SET = new Set(CALENDAR_WORDS);
const TITLE_SET = new Set(TITLE_WORDS);
const FORMAT_PHRASE_SET = new Set(FORMAT_PHRASES);
const JARGON_SET = new Set(JARGON_ROLES);
const TOKEN_EDGES = /^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu;
const REDACTION_KEY = /^x{3,}(?:[ -]?x{3,})*$/;
/** Four or more capital X inside a longer mention: redaction glued to a name (`Baker HughesXXXXXXXXXXXX`). */
const REDACTION_RUN = /X{4,}/g;

function tokens(key: string): string[] {
  return key.split(' ').map((t) => t.replace(TOKEN_EDGES, ''));
}

/** A key made only of format words, with function words allowed beside them (`summary: although`). */
export function isFormatWord(key: string): boolean {
  if (FORMAT_PHRASE_SET.has(key)) return true;
  let formatWords = 0;
  for (const t of tokens(key)) {
    if (FORMAT_WORD_SET.has(t)) formatWords++;
    else if (t !== '' && !FUNCTION_WORDS.has(t)) return false;
  }
  return formatWords > 0;
}

/**
 * The key without the format debris that leads it (`summary: hamburg state police` → `hamburg
 * state police`), or the key itself when nothing leads it. Function words left at the front
 * after the cut go too.
 */
export function stripFormatPrefix(key: string): string {
  const ts = key.split(' ');
  let i = 0;
  for (;;) {
    const t = ts[i]?.replace(TOKEN_EDGES, '');
    if (t === undefined) break;
    if (STRIPPABLE_PREFIXES.has(t)) i++;
    else if (STRIPPABLE_OPENERS.has(t) && STRIPPABLE_AFTER_OPENER.has(ts[i + 1]?.replace(TOKEN_EDGES, '') ?? '')) i += 2;
    else break;
  }
  if (i === 0) return key;
  while (i < ts.length && FUNCTION_WORDS.has(ts[i]!.replace(TOKEN_EDGES, ''))) i++;
  return ts.slice(i).join(' ').replace(TOKEN_EDGES, '');
}

/** A key that is a date: calendar words with numbers and linking words only (`may`, `may 5`, `mid-january 2009`). */
export function isDate(key: string): boolean {
  let calendar = 0;
  let abbreviations = 0;
  let numbers = 0;
  for (const part of key.split(/[\s,/-]+/)) {
    const t = part.replace(TOKEN_EDGES, '');
    if (CALENDAR_SET.has(t)) calendar++;
    else if (/^\d+(?:st|nd|rd|th)?$/.test(t)) numbers++;
    else if (MONTH_ABBREVIATIONS.has(t)) abbreviations++;
    else if (t !== '' && !DATE_FILLERS.has(t)) return false;
  }
  // An abbreviation alone may be a name (`Jan`); with a number it is a date (`Sept. 11`).
  return calendar > 0 || (abbreviations > 0 && numbers > 0);
}

/** A key that is a title alone (`president`, `the foreign minister`, `crown prince`), with no name beside it. */
export function isTitle(key: string): boolean {
  let heads = 0;
  for (const t of tokens(key)) {
    if (TITLE_HEADS.has(t)) heads++;
    else if (t !== '' && !TITLE_SET.has(t) && t !== 'the' && t !== 'of' && t !== 'and' && t !== 'for') return false;
  }
  return heads > 0;
}

/** A key that is jargon for an embassy role or office, singular or plural, with or without `the` (`emboffs`, `the charge`). */
export function isJargonRole(key: string): boolean {
  const role = key.startsWith('the ') ? key.slice(4) : key;
  return JARGON_SET.has(role) || (role.endsWith('s') && JARGON_SET.has(role.slice(0, -1)));
}

/** A key that is a redaction placeholder: runs of x (`xxxxxxxxxxxx`, `xxxxx xxxxx`), at least three. */
export function isRedaction(key: string): boolean {
  return REDACTION_KEY.test(key);
}

/**
 * The text with redaction runs glued to a name cut out (`Baker HughesXXXXXXXXXXXX` → `Baker
 * Hughes `), or the text itself when it has none. Three X stay: `XXX Corps` is a name.
 */
export function cutRedactionRuns(text: string): string {
  return text.includes('XXXX') ? text.replace(REDACTION_RUN, ' ') : text;
}
