// The alias parser before union-find (quadratic on chains), kept as the oracle of aliases-scale.test.ts.
/**
 * The user's alias file: `alias<TAB>canonical` lines that merge variants corpus-wide, by key
 * (`Upper Huallaga Valleys` → `Upper Huallaga`). Chains are followed to their end, so an alias
 * of an alias lands on the last canonical form. A line naming the same entity twice
 * (`National Police<TAB>National Police`) keeps that name apart: no acronym definition, last-name
 * match or alias merges it into another entity (how a user splits an alias out). A line that
 * would make a cycle or contradict an earlier line is an error naming file:line, and the other
 * lines apply.
 */
import type { Diagnostic } from '../../../../src/core/diagnostics.ts';
import { entityKey } from '../../../../src/core/entities/normalize.ts';
import { readTsv } from '../../../../src/core/entities/tsv.ts';

export interface AliasTable {
  /** Key of an alias → key of its canonical form, chains already followed. */
  keys: ReadonlyMap<string, string>;
  /** Key of each canonical form → the form as the user wrote it, a label the graph step may prefer. */
  labels: ReadonlyMap<string, string>;
  /** Keys kept apart: a mention under one of them keeps it, whatever would merge it. */
  separate: ReadonlySet<string>;
}

export const ALIAS_COLUMNS = ['alias', 'canonical'] as const;

export const EMPTY_ALIASES: AliasTable = { keys: new Map(), labels: new Map(), separate: new Set() };

/** Parses an alias file. A header line `alias<TAB>canonical` is optional. */
export function parseAliases(text: string, file: string): { aliases: AliasTable; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const direct = new Map<string, string>();
  const lineOf = new Map<string, number>();
  const labels = new Map<string, string>();
  const separate = new Set<string>();
  for (const { line, fields } of readTsv(text, ALIAS_COLUMNS)) {
    const error = (code: string, message: string) => diagnostics.push({ file, line, severity: 'error', code, message });
    if (fields.length !== 2) {
      error('alias-columns', `expected alias<TAB>canonical, found ${fields.length} field${fields.length === 1 ? '' : 's'} (columns are separated by one tab)`);
      continue;
    }
    const [alias, canonical] = fields as [string, string];
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
    if (follow(direct, to) === from) {
      error('alias-cycle', `${JSON.stringify(alias)} → ${JSON.stringify(canonical)} closes a cycle (${JSON.stringify(canonical)} already leads back to ${JSON.stringify(alias)}); keep one direction`);
      continue;
    }
    direct.set(from, to);
    lineOf.set(from, line);
    if (!labels.has(to)) labels.set(to, canonical);
  }
  const keys = new Map<string, string>();
  for (const from of direct.keys()) keys.set(from, follow(direct, from));
  for (const from of keys.keys()) labels.delete(from);
  return { aliases: { keys, labels, separate }, diagnostics };
}

/** The end of the alias chain starting at `key` (the map holds no cycle). */
function follow(direct: ReadonlyMap<string, string>, key: string): string {
  let k = key;
  for (let next = direct.get(k); next !== undefined; next = direct.get(k)) k = next;
  return k;
}
