/**
 * Why each surface form of an entity is in it, for the details panel: the entity's own name, a
 * corpus-wide rule (the record's `merged` list: key → rule, from corpus-merge.ts), or a rule of
 * the cable it was read in (a last name, an acronym defined beside it, a country given to an
 * acronym, the user's alias file), which the record does not name one by one.
 */
import { entityKey } from './normalize.ts';
import { parseScopedKey } from './scoped.ts';

/** Each corpus-wide rule (MergeRule in corpus-merge.ts) as a reader would say it. */
export const RULE_NAMES: Readonly<Record<string, string>> = {
  'country-name': "a name or abbreviation of the country",
  transliteration: 'another spelling of the same name',
  'person-initials': 'initials the cables define as this person',
  'name-prefix': 'the same name with words more or fewer',
  'partial-name': 'a partial name whose only fitting full name this is',
};

export interface FormReason {
  form: string;
  count: number;
  /** The corpus-wide rule that merged the form's key, or null. */
  rule: string | null;
  /** Why it is here, in words; '' for the entity's own name. */
  why: string;
}

/**
 * The forms of `record` (its `aliases`, most frequent first) with why each is in the entity.
 * `key` is the record's entity key (the dataset key with its escape removed).
 */
export function formReasons(record: { aliases: readonly (readonly [string, number])[]; merged?: readonly (readonly [string, string])[] }, key: string): FormReason[] {
  const ruleOf = new Map(record.merged ?? []);
  const scoped = parseScopedKey(key);
  return record.aliases.map(([form, count]) => {
    const k = entityKey(form);
    const rule = ruleOf.get(k) ?? null;
    if (rule !== null) return { form, count, rule, why: RULE_NAMES[rule] ?? rule };
    if (k === key) return { form, count, rule: null, why: '' };
    if (scoped !== null && k === scoped.acronym) return { form, count, rule: null, why: `the acronym, given its country (${scoped.country.name}) from its cable` };
    return { form, count, rule: null, why: 'joined in its cable (a last name, an acronym defined there, or the alias file)' };
  });
}
