/**
 * Normalising entity names: the corpus-wide key a surface form files under (also used by the
 * explorer to normalise search queries), the label an entity shows, and the type it takes from
 * its mentions. Pure, allocation-light string functions; accents are never stripped.
 */

const ASCII_PRINTABLE = /^[\x20-\x7e]*$/;
const SPACE_RUN = /\s+/g;
/** Typographic apostrophes and dashes written two ways for the same name (`O’Brien`, `Polvora–Pizana`). */
const APOSTROPHES = /[\u2018\u2019\u02bc\u00b4`]/g;
const DASHES = /[\u2010-\u2015\u2212]/g;
const LEADING_DEBRIS = /^[^\p{L}\p{N}]+/u;
const TRAILING_DEBRIS = /[^\p{L}\p{N}\p{M}]+$/u;
const POSSESSIVE = /['\u2019]s$/i;
/** A dot after a letter that stands alone: `U.S.` → `US`, `John F. Kennedy` → `John F Kennedy`. */
const INITIAL_DOT = /(?<=(?<![\p{L}\p{N}\p{M}])\p{L})\./gu;
const HAS_LETTER = /\p{L}/u;
const HAS_LOWER = /\p{Ll}/u;

/**
 * The corpus-wide key of a surface form: NFC, case-folded, whitespace collapsed, edge punctuation
 * and a final possessive (`'s`, `’s`) dropped, dots of initials dropped so that `U.S.`, `U.S` and
 * `US` meet (and so do `U.K.`/`UK`, `John F. Kennedy`/`John F Kennedy`). A closing bracket stays
 * when it closes one opened inside the name. '' when no letter is left (`.`, `'s`, `1992`).
 */
export function entityKey(surface: string): string {
  const ascii = ASCII_PRINTABLE.test(surface);
  let s = ascii ? surface : surface.normalize('NFC').replace(APOSTROPHES, "'").replace(DASHES, '-');
  // The end first: a possessive is found only once trailing punctuation is gone (`Iran's.`).
  s = trimEnd(s.replace(SPACE_RUN, ' '));
  const bare = s.replace(POSSESSIVE, '');
  if (bare !== s) s = trimEnd(bare);
  s = s.replace(LEADING_DEBRIS, '').replace(INITIAL_DOT, '');
  // Upper then lower approximates full case folding (ß → ss, final sigma → σ).
  s = ascii ? s.toLowerCase() : s.toUpperCase().toLowerCase().normalize('NFC');
  return HAS_LETTER.test(s) ? s : '';
}

/** Drops a non-alphanumeric end, keeping a `)` that closes a `(` inside the name. */
function trimEnd(s: string): string {
  const body = s.replace(TRAILING_DEBRIS, '');
  if (body.length < s.length && s.charCodeAt(body.length) === 41 /* ) */ && opens(body.replace(LEADING_DEBRIS, ''))) return `${body})`;
  return body;
}

function opens(s: string): boolean {
  let depth = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 40) depth++;
    else if (c === 41 && depth > 0) depth--;
  }
  return depth > 0;
}

/**
 * A surface form made fit to show: whitespace collapsed, edge punctuation dropped except the
 * final dot of initials (`U.S.`) and a bracket closing one inside. The possessive stays: it is
 * a preference in `chooseLabel`, not something to cut (`McDonald's`).
 */
export function cleanLabel(surface: string): string {
  const s = surface.replace(SPACE_RUN, ' ').replace(LEADING_DEBRIS, '');
  const trimmed = trimEnd(s);
  const dotted = s.length > trimmed.length && s.charCodeAt(trimmed.length) === 46 && /(?:^|[^\p{L}\p{N}])\p{L}\.\p{L}$/u.test(trimmed);
  return dotted ? `${trimmed}.` : trimmed;
}

/**
 * The most readable frequent form among an entity's aliases (`[form, count]`). Forms equal after
 * `cleanLabel` pool their counts. When the entity's `key` is given, forms that file under that
 * key come first (so the node keyed `pnp` is labelled `PNP` rather than `National Police`, and
 * `omar quesada` is `Omar Quesada` rather than `Quesada`). Then forms without a possessive; then
 * the higher count, where a form with a lower-case letter counts ten times (`Lima` beats `LIMA`
 * from a cable typed in capitals, while a stray `Pa` does not beat sixty `PA`); and finally
 * code-unit order, so the choice never depends on input order. '' when no alias has a letter.
 */
export function chooseLabel(aliases: readonly (readonly [string, number])[], key?: string): string {
  const pooled = new Map<string, number>();
  for (const [form, count] of aliases) {
    const label = cleanLabel(form);
    if (HAS_LETTER.test(label)) pooled.set(label, (pooled.get(label) ?? 0) + count);
  }
  let best: LabelCandidate | null = null;
  for (const [label, count] of pooled) {
    const candidate: LabelCandidate = {
      label,
      count,
      ownKey: key !== undefined && entityKey(label) === key,
      possessive: POSSESSIVE.test(label),
      mixed: HAS_LOWER.test(label),
    };
    if (best === null || betterLabel(candidate, best)) best = candidate;
  }
  return best?.label ?? '';
}

interface LabelCandidate {
  label: string;
  count: number;
  ownKey: boolean;
  possessive: boolean;
  mixed: boolean;
}

/** How many ALL CAPS mentions one mixed-case mention outweighs when choosing a label. */
const MIXED_CASE_WEIGHT = 10;

function betterLabel(a: LabelCandidate, b: LabelCandidate): boolean {
  if (a.ownKey !== b.ownKey) return a.ownKey;
  if (a.possessive !== b.possessive) return !a.possessive;
  const weightA = a.count * (a.mixed ? MIXED_CASE_WEIGHT : 1);
  const weightB = b.count * (b.mixed ? MIXED_CASE_WEIGHT : 1);
  if (weightA !== weightB) return weightA > weightB;
  if (a.mixed !== b.mixed) return a.mixed;
  return a.label < b.label;
}

/** The tagger's catch-all class: it loses every tie, since any other type says more. */
const CATCH_ALL_TYPE = 'MISC';

/**
 * The type most of an entity's mentions carry. Ties go to a type other than `MISC` (the
 * catch-all), then to the type first in code-unit order (`LOC` before `ORG` before `PER`), so
 * the result never depends on the order counts were gathered in. '' for no counts.
 */
export function majorityType(counts: Readonly<Record<string, number>>): string {
  let best = '';
  let bestCount = 0;
  for (const [type, count] of Object.entries(counts)) {
    if (count <= 0) continue;
    const tieWon = best === CATCH_ALL_TYPE || (type !== CATCH_ALL_TYPE && type < best);
    if (best === '' || count > bestCount || (count === bestCount && tieWon)) {
      best = type;
      bestCount = count;
    }
  }
  return best;
}
