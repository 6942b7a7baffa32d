/**
 * Editing the lexicon and alias files as text, line by line, so a file downloaded after edits is
 * the user's own file with the changes in it: comments, blank lines, the header and lines the
 * editor does not touch stay as they were. Adding a term, merging one entity into another or
 * keeping a name apart replaces the line that already speaks of that name (by entity key, as
 * core reads them) or appends one. Every function takes and returns the file's text; the result
 * parses with core's parseLexicon / parseAliases, which the tests check.
 */
import { ALIAS_COLUMNS } from '../../core/entities/aliases.ts';
import { neutralizeText } from '../../core/export/csv.ts';
import { LEXICON_COLUMNS } from '../../core/entities/lexicon.ts';
import { entityKey } from '../../core/entities/normalize.ts';
import { readTsv } from '../../core/entities/tsv.ts';

export interface LexiconLine {
  line: number;
  term: string;
  type: string;
  variants: string[];
}

export interface AliasLine {
  line: number;
  alias: string;
  canonical: string;
}

export const NEW_LEXICON = `# Lexicon: actors the tagger misses. Columns, separated by one tab: term, type, variants (separated by |).
${LEXICON_COLUMNS.join('\t')}
`;
export const NEW_ALIASES = `# Aliases: alias<TAB>canonical merges a name into another; name<TAB>name keeps a name apart.
${ALIAS_COLUMNS.join('\t')}
`;

/** A field as one line without tabs: the file's separators cannot be part of a name. */
const field = (s: string) => s.replace(/[\t\r\n]+/g, ' ').trim();
const variant = (s: string) => field(s).replace(/\|/g, ' ').trim();
/**
 * A line of cells, each safe to open in a spreadsheet: a name from the corpus such as
 * `=HYPERLINK(…)` is written `'=HYPERLINK(…)` (core's readTsv reads it back as it was).
 */
const line = (...cells: string[]) => cells.map(neutralizeText).join('\t');

export function lexiconLines(text: string): LexiconLine[] {
  return readTsv(text, LEXICON_COLUMNS)
    .filter((r) => r.fields.length >= 2)
    .map(({ line, fields: [term = '', type = '', variants = ''] }) => ({ line, term, type, variants: variants === '' ? [] : variants.split('|').map((v) => v.trim()) }));
}

export function aliasLines(text: string): AliasLine[] {
  return readTsv(text, ALIAS_COLUMNS)
    .filter((r) => r.fields.length === 2)
    .map(({ line, fields: [alias = '', canonical = ''] }) => ({ line, alias, canonical }));
}

/** `text` with its 1-based lines in `drop` removed and `add` appended (a final newline kept). */
function edit(text: string, drop: ReadonlySet<number>, add: string | null): string {
  const lines = text.split(/\r\n|\r|\n/);
  if (lines.at(-1) === '') lines.pop();
  const kept = lines.filter((_, i) => !drop.has(i + 1));
  if (add !== null) kept.push(add);
  return kept.length ? `${kept.join('\n')}\n` : '';
}

/** Adds a term (or replaces the line of the same term) with its type and variants. */
export function addTerm(text: string, term: string, type: string, variants: readonly string[]): string {
  const key = entityKey(term);
  const same = new Set(lexiconLines(text).filter((l) => entityKey(l.term) === key).map((l) => l.line));
  const forms = variants.map(variant).filter((v) => v !== '');
  return edit(text, same, line(field(term), field(type).toUpperCase(), forms.join('|')));
}

export function removeLine(text: string, line: number): string {
  return edit(text, new Set([line]), null);
}

/** Lines whose alias is `name` (by key): an alias has one line, whatever it says. */
const linesOfAlias = (text: string, name: string) => {
  const key = entityKey(name);
  return new Set(aliasLines(text).filter((l) => entityKey(l.alias) === key).map((l) => l.line));
};

/** Merges the entity named `from` into the one named `to`, corpus-wide. */
export function mergeInto(text: string, from: string, to: string): string {
  return edit(text, linesOfAlias(text, from), line(field(from), field(to)));
}

/** Keeps the name `name` apart from any merge (alias, definition, last name): `name<TAB>name`. */
export function keepApart(text: string, name: string): string {
  return edit(text, linesOfAlias(text, name), line(field(name), field(name)));
}
