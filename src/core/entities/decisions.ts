/**
 * The review queue's decisions as data, and as the alias file the next build reads (aliases.ts):
 * merge one entity into another (`alias<TAB>canonical`), split a form out of the entity it joined
 * (`name<TAB>name`), give an entity a type (`name<TAB>type:PER`), or say two names are different
 * actors (`name<TAB>not:other`). The page keeps the list; `aliasesFile` writes it. A later
 * decision about the same thing replaces the earlier one (`addDecision`), so the file never holds
 * two lines the alias reader would call a conflict.
 */
import { DECIDED_TYPES, NOT_PREFIX, TYPE_PREFIX } from './aliases.ts';
import { neutralizeText } from '../export/csv.ts';
import { entityKey } from './normalize.ts';

export type DecidedType = (typeof DECIDED_TYPES)[number];

/** A name as the dataset knows it: its entity key, and a label to write (used when it reads as the same key). */
export interface NamedKey {
  key: string;
  label: string;
}

export type Decision =
  | { kind: 'merge'; from: NamedKey; into: NamedKey }
  | { kind: 'split'; form: NamedKey }
  | { kind: 'retype'; entity: NamedKey; type: DecidedType }
  | { kind: 'different'; a: NamedKey; b: NamedKey };

/**
 * What a decision is about: two decisions with the same subject cannot both stand. A name is
 * merged or kept apart, not both (one alias line per name); an entity has one type; a pair is
 * different once.
 */
export function decisionSubject(d: Decision): string {
  switch (d.kind) {
    case 'merge': return `name\t${d.from.key}`;
    case 'split': return `name\t${d.form.key}`;
    case 'retype': return `type\t${d.entity.key}`;
    case 'different': return `not\t${[d.a.key, d.b.key].sort().join('\t')}`;
  }
}

/** `decisions` with `d` added, replacing the decision about the same subject. */
export function addDecision(decisions: readonly Decision[], d: Decision): Decision[] {
  const subject = decisionSubject(d);
  return [...decisions.filter((x) => decisionSubject(x) !== subject), d];
}

/** `decisions` without the one about `subject`. */
export function removeDecision(decisions: readonly Decision[], subject: string): Decision[] {
  return decisions.filter((x) => decisionSubject(x) !== subject);
}

/** A field as one line without tabs: the file's separators cannot be part of a name. */
const field = (s: string) => s.replace(/[\t\r\n]+/g, ' ').trim();

/**
 * The text to write for a name: its label when the alias reader reads it as the same key (a
 * user reading the file sees names as the page shows them), else the key itself, else null
 * (nothing written would name it).
 */
export function writtenName(n: NamedKey): string | null {
  for (const text of [field(n.label), field(n.key)]) {
    if (text !== '' && entityKey(text) === n.key && !isDecisionText(text)) return text;
  }
  return null;
}

/** A name the reader would take for a `type:`/`not:` column. */
const isDecisionText = (s: string) => s.toLowerCase().startsWith(TYPE_PREFIX) || s.toLowerCase().startsWith(NOT_PREFIX);

export const DECISIONS_HEADER = `# Decisions made in Cablegraph's review queue, for the next build: cablegraph build <cables> --aliases aliases.tsv
# (add these lines to an alias file you already use). Columns, separated by one tab: alias, canonical.
#   alias<TAB>canonical   merge the alias into the canonical entity
#   name<TAB>name         keep the name apart (split it out of the entity it joined)
#   name<TAB>type:PER     give the entity a type (PER, ORG, LOC or MISC)
#   name<TAB>not:other    the two names are different actors: never merged
alias\tcanonical
`;

/** One decision's line, or why it cannot be written. */
export function decisionLine(d: Decision): { line: string } | { why: string } {
  const names = d.kind === 'merge' ? [d.from, d.into] : d.kind === 'split' ? [d.form] : d.kind === 'retype' ? [d.entity] : [d.a, d.b];
  const written = names.map(writtenName);
  const missing = names.find((_, i) => written[i] === null);
  if (missing !== undefined) return { why: `${JSON.stringify(missing.label)} has no name the alias file can hold` };
  const [first, second] = written as string[];
  const cells = (a: string, b: string, prefix = '') => `${neutralizeText(a)}\t${prefix}${prefix === '' ? neutralizeText(b) : b}`;
  switch (d.kind) {
    case 'merge':
      if (d.from.key === d.into.key) return { why: `${JSON.stringify(d.from.label)} is already that entity` };
      return { line: cells(first!, second!) };
    case 'split': return { line: cells(first!, first!) };
    case 'retype': return { line: cells(first!, d.type, TYPE_PREFIX) };
    case 'different':
      if (d.a.key === d.b.key) return { why: `${JSON.stringify(d.a.label)} cannot be different from itself` };
      return { line: cells(first!, second!, NOT_PREFIX) };
  }
}

/** The decisions as an alias file (aliases.tsv), in the order they were made, and those it could not hold. */
export function aliasesFile(decisions: readonly Decision[]): { text: string; skipped: { decision: Decision; why: string }[] } {
  const lines: string[] = [];
  const skipped: { decision: Decision; why: string }[] = [];
  for (const d of decisions) {
    const r = decisionLine(d);
    if ('line' in r) lines.push(r.line);
    else skipped.push({ decision: d, why: r.why });
  }
  return { text: DECISIONS_HEADER + lines.map((l) => `${l}\n`).join(''), skipped };
}

/** Whether `v` is a decision as `Decision` describes it (a kept list read back from storage). */
export function isDecision(v: unknown): v is Decision {
  const named = (n: unknown): n is NamedKey => typeof n === 'object' && n !== null && typeof (n as NamedKey).key === 'string' && typeof (n as NamedKey).label === 'string';
  const d = v as Record<string, unknown> | null;
  if (typeof d !== 'object' || d === null) return false;
  switch (d.kind) {
    case 'merge': return named(d.from) && named(d.into);
    case 'split': return named(d.form);
    case 'retype': return named(d.entity) && (DECIDED_TYPES as readonly unknown[]).includes(d.type);
    case 'different': return named(d.a) && named(d.b);
    default: return false;
  }
}
