/**
 * Fragment repair: the tagger cuts geographic names after a qualifier (`[MISC Latin  ] America`,
 * `[MISC North  ] [MISC Korean  ]`, `South [MISC Korean  ]`), and the halves become hubs
 * (`Latin`, `America`, `Korean`). A mention that is a compass or regional qualifier glued by one
 * space to a capitalised word (tagged or not), or a mention preceded that way by an untagged
 * qualifier, becomes one mention of the whole name. The qualifiers are a closed class of English
 * words, not names from any corpus.
 */
import type { Mention } from '../cable/model.ts';

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
    if (QUALIFIER.has(word(m.text)) && !m.text.includes(' ')) {
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
    const before = /(\p{Lu}[\p{L}-]*) $/u.exec(text.slice(Math.max(0, m.start - 20), m.start));
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

function joined(text: string, start: number, end: number, type: string): Mention {
  return { type, text: text.slice(start, end), start, end };
}
