/**
 * Header fields read off the header's display text: classification, section, origin and serial,
 * declassification, TAGS, SUBJECT, REF list, and who classified the cable for what reason.
 * Real headers vary (spaced or plain classification, `SUBJ:`, `TAGS PREL , PGOV`, lower case),
 * so each field is found on its own and missing fields are empty, never guessed.
 */
import type { CableHeader, Mention } from './model.ts';

export type HeaderFields = Omit<CableHeader, 'signature' | 'text' | 'mentions'>;

/** Titles written before a name after `Classified By:` (`PolCouns`, `Charge d'Affaires`, `A/DCM`). */
const TITLE_WORDS = new Set([
  'ambassador', 'amb', 'charge', "d'affaires", 'dcm', 'a/dcm', 'polcouns', 'a/polcouns', 'polmincouns',
  'poloff', 'econoff', 'econcouns', 'pol/econ', 'polchief', 'econchief', 'consul', 'general', 'cg',
  'acting', 'deputy', 'chief', 'of', 'mission', 'counselor', 'minister', 'minister-counselor',
  'political', 'economic', 'officer', 'director', 'principal', 'secretary', 'a/s', 'pao', 'rso',
]);

const CLASSIFICATIONS: [squashed: string, name: string][] = [
  ['TOPSECRET', 'TOP SECRET'],
  ['UNCLASSIFIED', 'UNCLASSIFIED'],
  ['UNCLAS', 'UNCLASSIFIED'],
  ['CONFIDENTIAL', 'CONFIDENTIAL'],
  ['SECRET', 'SECRET'],
  ['LIMITEDOFFICIALUSE', 'LIMITED OFFICIAL USE'],
];

const SPACED_OR_WORD = /((?:[A-Za-z] ){3,}[A-Za-z]\b|\b(?:UNCLASSIFIED|UNCLAS|CONFIDENTIAL|(?:TOP )?SECRET|LIMITED OFFICIAL USE)\b)(\/\/[A-Z]+(?:\/\/[A-Z]+)*)?/gi;
/** The classification opens the header, after at most a date line. */
const CLASSIFICATION_WITHIN = 200;
const SECTION = /\bSECTION\s+(\d{1,3})\s+OF\s+(\d{1,3})\b/i;
const ORIGIN_SERIAL = /^[\s,;:]*((?:[A-Za-z][\w.'&/-]*\s){1,4}?)(\d{3,8})\b/;
/** Header words that can stand before a number (`E.O. 12958`) but never name the sending post. */
const NOT_AN_ORIGIN = /\b(?:SIPDIS|NOFORN|SENSITIVE|E\.?O\.?|DECL|TAGS|SUBJECT|SUBJ|REF|UNCLAS\w*|CONFIDENTIAL|SECRET)(?:\b|$)/i;
const DECL = /\bDECL\s*:?\s*([^\s,;]+)/i;
const TAGS = /\bTAGS\s*:?\s+(.*?)(?=\s+(?:SUBJECT|SUBJ)\b|$)/i;
const SUBJECT = /\b(?:SUBJECT|SUBJ)\s*:\s*(.*?)(?=\s+(?:REFS?\s*:|REFERENCES?\s*:|Classified\s+By\b|\(\s*[CSU]\s*\)\s+Classified\b)|$)/i;
const REFS = /\bREFS?\s*:\s*(.*?)(?=\s+Classified\s+By\b|$)/i;
const REF_ITEM = /(?:\b(\d{2}|\d{4}) )?\b([A-Z][A-Z]+(?: [A-Z][A-Z]+){0,2}) (\d{1,8})\b/g;
const CLASSIFIED_BY = /\bClassified\s+By\s*:?\s*(.*?)(?=\s*[.;,]?\s+(?:for\s+)?reasons?\b|$)/i;
const REASON = /\breasons?\s*:?\s*(1\.\d(?:\s*(?:\(\s*[a-hA-H](?:\s*,\s*[a-hA-H])*\s*\)|\b[a-hA-H]\b|,|\band\b|&))*)/i;

export function readHeaderFields(text: string, mentions: readonly Mention[], tagAnchors: readonly string[]): HeaderFields {
  const cls = findClassification(text);
  const section = SECTION.exec(text);
  const afterPreamble = Math.max(cls.end, section ? section.index + section[0].length : 0);
  const found = ORIGIN_SERIAL.exec(text.slice(afterPreamble));
  const origin = found && !NOT_AN_ORIGIN.test(found[1]!) ? found : null;
  return {
    classification: cls.name,
    section: section ? `${section[1]} OF ${section[2]}` : '',
    origin: origin ? origin[1]!.trim().toUpperCase() : '',
    serial: origin ? origin[2]! : '',
    declassify: DECL.exec(text)?.[1] ?? '',
    tags: tagAnchors.length > 0 ? [...tagAnchors] : plainTags(text),
    subject: SUBJECT.exec(text)?.[1]?.trim() ?? '',
    refs: refs(text),
    classifiedBy: classifiedBy(text, mentions),
    reason: REASON.exec(text)?.[1]?.replace(/[\s,]*(?:and)?\s*$/i, '') ?? '',
  };
}

function findClassification(text: string): { name: string; end: number } {
  const preamble = text.slice(0, CLASSIFICATION_WITHIN);
  SPACED_OR_WORD.lastIndex = 0;
  for (let m = SPACED_OR_WORD.exec(preamble); m !== null; m = SPACED_OR_WORD.exec(preamble)) {
    const squashed = m[1]!.replace(/\s+/g, '').toUpperCase();
    const known = CLASSIFICATIONS.find(([k]) => squashed === k);
    if (known) return { name: known[1] + (m[2]?.toUpperCase() ?? ''), end: m.index + m[0].length };
  }
  return { name: '', end: 0 };
}

function plainTags(text: string): string[] {
  const list = TAGS.exec(text)?.[1];
  if (list === undefined) return [];
  return list.split(/[\s,]+/).filter((t) => /^[A-Za-z]{2,6}$/.test(t)).map((t) => t.toUpperCase());
}

function refs(text: string): string[] {
  const list = REFS.exec(text)?.[1];
  if (list === undefined) return [];
  const found: string[] = [];
  for (const m of list.matchAll(REF_ITEM)) found.push((m[1] ? `${m[1]} ` : '') + `${m[2]} ${m[3]}`);
  return found;
}

/** The name after `Classified By:`: the PER mention there if the tagger found one, titles removed. */
function classifiedBy(text: string, mentions: readonly Mention[]): string {
  const m = CLASSIFIED_BY.exec(text);
  if (m === null) return '';
  const start = m.index + m[0].length - m[1]!.length;
  const end = m.index + m[0].length;
  const person = mentions.find((x) => x.type === 'PER' && x.start >= start && x.end <= end);
  return withoutTitles(person ? person.text : m[1]!);
}

function withoutTitles(name: string): string {
  const words = name.replace(/[\s,;:.]+$/, '').split(/\s+/);
  while (words.length > 1 && TITLE_WORDS.has(words[0]!.toLowerCase().replace(/[:,]$/, ''))) words.shift();
  return words.join(' ');
}
