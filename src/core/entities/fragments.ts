/**
 * Fragment repair: the tagger cuts geographic names after a qualifier (`[MISC Latin  ] America`,
 * `[MISC North  ] [MISC Korean  ]`, `South [MISC Korean  ]`), and the halves become hubs
 * (`Latin`, `America`, `Korean`). A mention that is a compass or regional qualifier glued by one
 * space to a capitalised word (tagged or not), or a mention preceded that way by an untagged
 * qualifier, becomes one mention of the whole name. The qualifiers are a closed class of English
 * words, not names from any corpus.
 */
import type { Mention } from '../cable/model.ts';
import { boundedMemo } from '../bounded-memo.ts';

/** Words that qualify a place or people and never name one alone. */
export const QUALIFIERS: readonly string[] = [
  'latin', 'central', 'north', 'south', 'east', 'west', 'northern', 'southern', 'eastern', 'western',
  'middle', 'far', 'near', 'upper', 'lower', 'sub-saharan', 'greater', 'northeast', 'northwest', 'southeast', 'southwest',
];
const QUALIFIER = new Set(QUALIFIERS);
const CAPITALISED = /^\p{Lu}[\p{L}'-]*$/u;

const word = (s: string) => s.toLowerCase().replace(/[^\p{L}-]/gu, '');

/**
 * The mentions with qualifier fragments joined to the name they belong to. `onRepair` is called
 * once per joined mention. Mentions stay sorted and never overlap; offsets stay valid for `text`.
 */
export function repairFragments(text: string, mentions: readonly Mention[], onRepair: () => void = () => {}): Mention[] {
  const out: Mention[] = [];
  for (let i = 0; i < mentions.length; i++) {
    const m = mentions[i]!;
    const next = mentions[i + 1];
    if (!m.text.includes(' ') && isQualifier(m.text)) {
      // `[MISC North  ] [MISC Korean  ]`: two mentions one space apart.
      if (next !== undefined && next.start === m.end + 1 && text[m.end] === ' ' && CAPITALISED.test(next.text.split(' ')[0]!)) {
        out.push(joined(text, m.start, next.end, next.type));
        onRepair();
        i++;
        continue;
      }
      // `[MISC Latin  ] America`: the next word, untagged.
      const after = /^ (\p{Lu}[\p{L}'-]*)/u.exec(text.slice(m.end, m.end + 40));
      if (after !== null && (next === undefined || next.start >= m.end + after[0].length)) {
        out.push(joined(text, m.start, m.end + after[0].length, m.type));
        onRepair();
        continue;
      }
    }
    // `South [MISC Korean  ]`: an untagged qualifier just before.
    const before = mayFollowQualifier(text, m.start) ? /(\p{Lu}[\p{L}-]*) $/u.exec(text.slice(Math.max(0, m.start - 20), m.start)) : null;
    const previousEnd = out.length > 0 ? out[out.length - 1]!.end : 0;
    if (before !== null && QUALIFIER.has(word(before[1]!)) && m.start - before[0].length >= previousEnd) {
      out.push(joined(text, m.start - before[0].length, m.end, m.type));
      onRepair();
      continue;
    }
    out.push(m);
  }
  return out;
}

/**
 * Whether `word(s)` is a qualifier, remembered: a worker sees the same mention texts again and
 * again, and lower-casing and stripping each took more time than the rest of the repair.
 */
const isQualifier = boundedMemo((s) => QUALIFIER.has(word(s)), 65_536);

/** The last three letters of each qualifier: every qualifier has three or more. */
const ENDINGS = new Set(QUALIFIERS.map((q) => q.slice(-3)));

/**
 * False when no qualifier can end just before `start` with one space between, so the regex need
 * not run (it did for every mention). A qualifier is at least three letters, so the three
 * characters before the space, lower-cased, must end one; past ASCII the regex decides (`İ` and
 * the Kelvin sign lower-case to ASCII letters).
 */
function mayFollowQualifier(text: string, start: number): boolean {
  if (start < 4 || text.charCodeAt(start - 1) !== 32) return false;
  let ending = '';
  for (let i = start - 4; i < start - 1; i++) {
    let c = text.charCodeAt(i);
    if (c > 127) return true;
    if (c >= 65 && c <= 90) c += 32;
    ending += String.fromCharCode(c);
  }
  return ENDINGS.has(ending);
}

function joined(text: string, start: number, end: number, type: string): Mention {
  return { type, text: text.slice(start, end), start, end };
}
