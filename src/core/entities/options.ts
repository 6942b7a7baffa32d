/**
 * The options of entity resolution, their defaults and their validation, and the rules described
 * as data: what each does, which option switches it, so the CLI can print which rules ran and
 * what each acted on (`ResolvedCable.ruleCounts` counts by rule id).
 */

export const REDACTION_MODES = ['omit', 'per-cable'] as const;
export type RedactionMode = (typeof REDACTION_MODES)[number];

export interface ResolveOptions {
  /** Drop format words and header debris (`DECL:`, `Summary: Although`), cut debris glued to a name. */
  formatWords: boolean;
  /** Drop cable jargon for embassy roles (`Poloff`, `Emboffs`, `DCM`). */
  jargonRoles: boolean;
  /** Redaction placeholders: left out (`omit`), or one "redacted source" entity per cable (`per-cable`). */
  redactions: RedactionMode;
  /** Merge acronym definitions within a cable (`National Police (PNP)`). */
  definitions: boolean;
  /** Map a one-word person to the one full name in the cable that ends with it (`Quesada`). */
  lastNames: boolean;
}

export const DEFAULT_RESOLVE_OPTIONS: Readonly<ResolveOptions> = Object.freeze({
  formatWords: true,
  jargonRoles: true,
  redactions: 'omit',
  definitions: true,
  lastNames: true,
});

const BOOLEAN_OPTIONS = ['formatWords', 'jargonRoles', 'definitions', 'lastNames'] as const;

/**
 * Options from a partial set (a CLI's, a config file's), defaults filling the gaps. Throws on an
 * unknown option or a bad value, naming the option, the value and what would be right.
 */
export function resolveOptions(partial: Readonly<Record<string, unknown>> = {}): ResolveOptions {
  const options: ResolveOptions = { ...DEFAULT_RESOLVE_OPTIONS };
  for (const [name, value] of Object.entries(partial)) {
    if (value === undefined) continue;
    if ((BOOLEAN_OPTIONS as readonly string[]).includes(name)) {
      if (typeof value !== 'boolean') throw new Error(`resolve option ${name} must be true or false, got ${JSON.stringify(value)}`);
      options[name as (typeof BOOLEAN_OPTIONS)[number]] = value;
    } else if (name === 'redactions') {
      if (!(REDACTION_MODES as readonly unknown[]).includes(value)) {
        throw new Error(`resolve option redactions must be ${REDACTION_MODES.map((m) => `'${m}'`).join(' or ')}, got ${JSON.stringify(value)}`);
      }
      options.redactions = value as RedactionMode;
    } else {
      throw new Error(`unknown resolve option ${JSON.stringify(name)}; known options: ${Object.keys(DEFAULT_RESOLVE_OPTIONS).join(', ')}`);
    }
  }
  return options;
}

export type RuleId =
  | 'no-name' | 'redaction' | 'format-word' | 'format-prefix' | 'jargon-role' | 'date' | 'title' | 'fragment'
  | 'lexicon' | 'definitions' | 'last-names' | 'aliases'
  | 'scoped-named' | 'scoped-defined' | 'scoped-post' | 'scoped-paragraph' | 'scoped-cable' | 'scoped-unresolved';

export interface ResolveRule {
  id: RuleId;
  /** The option that switches the rule, or null for a rule that always runs. */
  option: keyof ResolveOptions | null;
  /** What the rule does to the mentions it counts. */
  effect: 'drop' | 'rekey' | 'add';
  description: string;
}

/** Every rule, in the order they apply to a mention. */
export const RESOLVE_RULES: readonly ResolveRule[] = [
  { id: 'redaction', option: 'redactions', effect: 'drop', description: "redaction placeholders (runs of X): left out, or with redactions 'per-cable' rekeyed to one redacted source per cable" },
  { id: 'no-name', option: null, effect: 'drop', description: 'nothing nameable left after normalisation (punctuation, digits only)' },
  { id: 'format-word', option: 'formatWords', effect: 'drop', description: 'format words and header debris (DECL:, Summary: Although, Classified Web Site, (C) marks)' },
  { id: 'format-prefix', option: 'formatWords', effect: 'rekey', description: 'debris cut from the front of a name (Summary: Hamburg State Police → Hamburg State Police)' },
  { id: 'fragment', option: 'formatWords', effect: 'rekey', description: 'names the tagger cut after a qualifier joined again (Latin + America, North + Korean)' },
  { id: 'date', option: 'formatWords', effect: 'drop', description: 'dates tagged as names (January, May 5, Tuesday)' },
  { id: 'title', option: 'formatWords', effect: 'drop', description: 'titles with no name (President, the Foreign Minister, Crown Prince)' },
  { id: 'jargon-role', option: 'jargonRoles', effect: 'drop', description: 'cable jargon for embassy roles and offices (Poloff, Emboffs, PolCouns, DCM, Charge)' },
  { id: 'lexicon', option: null, effect: 'add', description: "mentions the lexicon adds, and tagger mentions of a lexicon variant filed under its term (cocalero → cocaleros)" },
  { id: 'definitions', option: 'definitions', effect: 'rekey', description: 'long forms rekeyed to the acronym defined beside them in the cable (National Police (PNP))' },
  { id: 'last-names', option: 'lastNames', effect: 'rekey', description: 'one-word persons rekeyed to the one full name in the cable ending with them (Quesada → Omar Quesada)' },
  { id: 'scoped-named', option: null, effect: 'rekey', description: 'government and ministry acronyms given the country written with them (Russian MFA → MFA (Russia))' },
  { id: 'scoped-defined', option: null, effect: 'rekey', description: "government and ministry acronyms given the country of the cable's own definition (Government of Iraq (GOI))" },
  { id: 'scoped-post', option: null, effect: 'rekey', description: "government and ministry acronyms given the cable's country where they fit it (GOF, MFA in Embassy Paris → France)" },
  { id: 'scoped-paragraph', option: null, effect: 'rekey', description: 'government and ministry acronyms given the one fitting country the paragraph names' },
  { id: 'scoped-cable', option: null, effect: 'rekey', description: 'government and ministry acronyms given the one fitting country the cable names' },
  { id: 'scoped-unresolved', option: null, effect: 'rekey', description: 'government and ministry acronyms whose country is unclear: kept as the bare acronym, for review' },
  { id: 'aliases', option: null, effect: 'rekey', description: "keys rekeyed by the user's alias file, corpus-wide" },
];

/** The rules that run under `options`, in order. */
export function activeRules(options: Readonly<ResolveOptions>): ResolveRule[] {
  return RESOLVE_RULES.filter((r) => r.option === null || options[r.option] !== false);
}
