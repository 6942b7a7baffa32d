/**
 * The user's alias file: `alias<TAB>canonical` lines that merge variants corpus-wide, by key
 * (`Upper Huallaga Valleys` → `Upper Huallaga`). Chains are followed to their end, so an alias
 * of an alias lands on the last canonical form. A line naming the same entity twice
 * (`National Police<TAB>National Police`) keeps that name apart: no acronym definition, last-name
 * match or alias merges it into another entity (how a user splits an alias out). A line that
 * would make a cycle or contradict an earlier line is an error naming file:line, and the other
 * lines apply.
 *
 * Two more line forms carry the review queue's decisions (the page writes them, a user may too):
 * - `name<TAB>type:PER` gives the entity of `name` a type (PER, ORG, LOC or MISC): all of its
 *   mentions, and those of every key merged into it, vote that type;
 * - `name<TAB>not:other` says two names are different actors: no rule of the build (last name,
 *   acronym definition, partial name, transliteration…) puts them in one entity.
 * Names in these lines follow the alias chains, so a decision about a name merged by an earlier
 * line applies to the entity it joined.
 *
 * Chains are followed with a union–find forest (Tarjan 1975): each line links a key that leads
 * nowhere yet under its canonical form, and finding where a key leads compresses the path it
 * walked, so 60,000 chained lines take linear time, not the quadratic time of walking each chain.
 */
import type { Diagnostic } from '../diagnostics.ts';
import { entityKey } from './normalize.ts';
import { readTsv } from './tsv.ts';

export interface AliasTable {
  /** Key of an alias → key of its canonical form, chains already followed. */
  keys: ReadonlyMap<string, string>;
  /** Key of each canonical form → the form as the user wrote it, a label the graph step may prefer. */
  labels: ReadonlyMap<string, string>;
  /** Keys kept apart: a mention under one of them keeps it, whatever would merge it. */
  separate: ReadonlySet<string>;
  /** Types the user gave, by key (`type:` lines). */
  types: ReadonlyMap<string, string>;
  /** Keys that name different actors (`not:` lines), both ways: key → the keys it must not join. */
  different: ReadonlyMap<string, ReadonlySet<string>>;
}

/** The types a `type:` line may give (the CoNLL-2003 classes the tagger uses). */
export const DECIDED_TYPES = ['PER', 'ORG', 'LOC', 'MISC'] as const;
/** Prefixes of the canonical column that make a line a decision rather than an alias. */
export const TYPE_PREFIX = 'type:';
export const NOT_PREFIX = 'not:';

export const ALIAS_COLUMNS = ['alias', 'canonical'] as const;

export const EMPTY_ALIASES: AliasTable = { keys: new Map(), labels: new Map(), separate: new Set(), types: new Map(), different: new Map() };

/** Parses an alias file. A header line `alias<TAB>canonical` is optional. */
export function parseAliases(text: string, file: string): { aliases: AliasTable; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  /** Each alias's canonical form as its line says; `leads` is the same forest with paths compressed. */
  const direct = new Map<string, string>();
  const leads = new Map<string, string>();
  const lineOf = new Map<string, number>();
  const labels = new Map<string, string>();
  const separate = new Set<string>();
  /** `type:` and `not:` lines, read after the aliases so that their names follow the chains. */
  const typed: { line: number; name: string; key: string; type: string }[] = [];
  const unlike: { line: number; names: [string, string]; keys: [string, string] }[] = [];
  for (const { line, fields } of readTsv(text, ALIAS_COLUMNS)) {
    const error = (code: string, message: string) => diagnostics.push({ file, line, severity: 'error', code, message });
    if (fields.length !== 2) {
      error('alias-columns', `expected alias<TAB>canonical, found ${fields.length} field${fields.length === 1 ? '' : 's'} (columns are separated by one tab)`);
      continue;
    }
    const [alias, canonical] = fields as [string, string];
    const decision = readDecision(canonical);
    if (decision !== null) {
      const from = entityKey(alias);
      const to = decision.kind === 'not' ? entityKey(decision.value) : '';
      if (from === '' || (decision.kind === 'not' && to === '')) {
        error('alias-empty', `${JSON.stringify(from === '' ? alias : decision.value)} has no letter to name an entity`);
      } else if (decision.kind === 'type') {
        const type = decision.value.toUpperCase();
        if ((DECIDED_TYPES as readonly string[]).includes(type)) typed.push({ line, name: alias, key: from, type });
        else error('alias-type', `${JSON.stringify(decision.value)} is no type; write ${DECIDED_TYPES.map((t) => TYPE_PREFIX + t).join(', ')}`);
      } else if (from === to) {
        error('alias-conflict', `${JSON.stringify(alias)} cannot be different from itself`);
      } else {
        unlike.push({ line, names: [alias, decision.value], keys: [from, to] });
      }
      continue;
    }
    const from = entityKey(alias);
    const to = entityKey(canonical);
    if (from === '' || to === '') {
      error('alias-empty', `${JSON.stringify(from === '' ? alias : canonical)} has no letter to name an entity`);
      continue;
    }
    const earlier = from === to ? direct.get(from) : separate.has(from) ? from : direct.get(from);
    if (from === to) {
      if (earlier !== undefined) {
        error('alias-conflict', `${JSON.stringify(alias)} is an alias of ${JSON.stringify(labels.get(earlier))} at line ${lineOf.get(from)}; it cannot also be kept apart`);
      } else {
        separate.add(from);
        lineOf.set(from, line);
      }
      continue;
    }
    if (earlier === from) {
      error('alias-conflict', `${JSON.stringify(alias)} is kept apart at line ${lineOf.get(from)}; it cannot also be an alias`);
      continue;
    }
    if (earlier !== undefined && earlier !== to) {
      error('alias-conflict', `${JSON.stringify(alias)} is already an alias of ${JSON.stringify(labels.get(earlier))} at line ${lineOf.get(from)}; an alias has one canonical form`);
      continue;
    }
    if (follow(leads, to) === from) {
      error('alias-cycle', `${JSON.stringify(alias)} → ${JSON.stringify(canonical)} closes a cycle (${JSON.stringify(canonical)} already leads back to ${JSON.stringify(alias)}); keep one direction`);
      continue;
    }
    direct.set(from, to);
    // `from` led nowhere until now (it was no alias, or this line repeats its own): a root to link.
    leads.set(from, to);
    lineOf.set(from, line);
    if (!labels.has(to)) labels.set(to, canonical);
  }
  const keys = new Map<string, string>();
  for (const from of direct.keys()) keys.set(from, follow(leads, from));
  for (const from of keys.keys()) labels.delete(from);
  const types = new Map<string, string>();
  const typeLine = new Map<string, number>();
  for (const t of typed) {
    const key = keys.get(t.key) ?? t.key;
    const earlier = types.get(key);
    if (earlier !== undefined && earlier !== t.type) {
      diagnostics.push({ file, line: t.line, severity: 'error', code: 'alias-conflict', message: `${JSON.stringify(t.name)} is typed ${earlier} at line ${typeLine.get(key)}; an entity has one type` });
      continue;
    }
    types.set(key, t.type);
    typeLine.set(key, t.line);
  }
  const different = new Map<string, Set<string>>();
  for (const u of unlike) {
    const [a, b] = u.keys.map((k) => keys.get(k) ?? k) as [string, string];
    if (a === b) {
      diagnostics.push({ file, line: u.line, severity: 'error', code: 'alias-conflict', message: `${JSON.stringify(u.names[0])} and ${JSON.stringify(u.names[1])} are merged by alias lines; they cannot also be different` });
      continue;
    }
    for (const [x, y] of [[a, b], [b, a]] as const) {
      let set = different.get(x);
      if (set === undefined) different.set(x, (set = new Set()));
      set.add(y);
    }
  }
  return { aliases: { keys, labels, separate, types, different }, diagnostics };
}

/** A `type:`/`not:` canonical column (prefix case-insensitive), or null for a canonical form. */
function readDecision(canonical: string): { kind: 'type' | 'not'; value: string } | null {
  const lower = canonical.toLowerCase();
  if (lower.startsWith(TYPE_PREFIX)) return { kind: 'type', value: canonical.slice(TYPE_PREFIX.length).trim() };
  if (lower.startsWith(NOT_PREFIX)) return { kind: 'not', value: canonical.slice(NOT_PREFIX.length).trim() };
  return null;
}

/** Whether the alias table says keys `a` and `b` name different actors. */
export function areDifferent(aliases: Pick<AliasTable, 'different'>, a: string, b: string): boolean {
  return aliases.different.get(a)?.has(b) === true;
}

/**
 * The end of the alias chain starting at `key` (the forest holds no cycle). Every key walked is
 * then pointed straight at the end, so no chain is walked twice.
 */
function follow(leads: Map<string, string>, key: string): string {
  let end = key;
  for (let next = leads.get(end); next !== undefined; next = leads.get(end)) end = next;
  for (let k = key; k !== end; ) {
    const next = leads.get(k)!;
    leads.set(k, end);
    k = next;
  }
  return end;
}
