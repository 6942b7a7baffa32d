/**
 * Finding many fixed forms in text at once, whole-word and case-insensitive: a radix tree (a trie
 * whose edges carry strings, so a form of any length costs one edge, not a node per character)
 * over the case-folded forms, walked from each place a word may start. Work per place is the
 * length of the longest form that matches there, whatever the number of forms, where one regular
 * expression of 5,000 alternatives tried them one after the other, and one of a 5 MB form would
 * not compile.
 *
 * It matches as `/(?<!W)(?:form1|form2|...)(?!W)/giu` did, forms longest first (W: a letter, digit,
 * mark or `_`): the leftmost place wins, there the first form in that order that ends on a word
 * boundary, then the search goes on after the match. A run of whitespace in a form matches any
 * run of whitespace.
 */

interface Node {
  edges: Map<string, Edge>;
  /** Order of the best form ending here (0 first), or -1. */
  rank: number;
}

interface Edge {
  /** Folded characters, whitespace runs as one ' '; starts with the edge's key. */
  label: string;
  node: Node;
}

export interface TrieMatch {
  start: number;
  end: number;
}

const WORD = /[\p{L}\p{N}\p{M}_]/u;
const SPACE = /\s/u;
const FOLDED = new Map<string, string>();

/** A code point's case fold, as `entityKey` folds (upper then lower case), or itself. */
function fold(ch: string): string {
  const code = ch.charCodeAt(0);
  if (code < 128) return code >= 65 && code <= 90 ? String.fromCharCode(code + 32) : ch;
  let f = FOLDED.get(ch);
  if (f === undefined) {
    const up = ch.toUpperCase();
    const low = (up.length === ch.length ? up : ch).toLowerCase();
    f = low.length === ch.length ? low : ch;
    FOLDED.set(ch, f);
  }
  return f;
}

function isWord(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 128) return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
  return WORD.test(String.fromCodePoint(text.codePointAt(i)!));
}

/** Whether a word character ends just before `i` (looking at a whole code point). */
function wordBefore(text: string, i: number): boolean {
  if (i === 0) return false;
  const low = text.charCodeAt(i - 1);
  const start = low >= 0xdc00 && low <= 0xdfff && i >= 2 ? i - 2 : i - 1;
  return isWord(text, start);
}

function isSpace(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 128) return c === 32 || (c >= 9 && c <= 13);
  return SPACE.test(text[i]!);
}

function charLength(text: string, i: number): number {
  const c = text.charCodeAt(i);
  return c >= 0xd800 && c <= 0xdbff && i + 1 < text.length ? 2 : 1;
}

/** A form in the tree's alphabet: folded code points, each whitespace run one ' '. */
function folded(form: string): string {
  let out = '';
  for (let i = 0; i < form.length; ) {
    if (isSpace(form, i)) {
      while (i < form.length && isSpace(form, i)) i++;
      out += ' ';
      continue;
    }
    const n = charLength(form, i);
    out += fold(form.slice(i, i + n));
    i += n;
  }
  return out;
}

/** Length of the common prefix of a and b from a's `ai` and b's `bi`, in whole code points. */
function common(a: string, ai: number, b: string, bi: number): number {
  let k = 0;
  while (ai + k < a.length && bi + k < b.length) {
    const n = charLength(a, ai + k);
    if (a.slice(ai + k, ai + k + n) !== b.slice(bi + k, bi + k + n)) break;
    k += n;
  }
  return k;
}

export class LexiconTrie {
  private readonly root: Node = { edges: new Map(), rank: -1 };
  readonly size: number;

  /** `forms` in order of preference: the first that matches at a place is the one found there. */
  constructor(forms: readonly string[]) {
    forms.forEach((form, rank) => this.insert(folded(form), rank));
    this.size = forms.length;
  }

  private insert(form: string, rank: number): void {
    let node = this.root;
    let i = 0;
    while (i < form.length) {
      const key = form.slice(i, i + charLength(form, i));
      const edge = node.edges.get(key);
      if (edge === undefined) {
        const leaf: Node = { edges: new Map(), rank: -1 };
        node.edges.set(key, { label: form.slice(i), node: leaf });
        node = leaf;
        break;
      }
      const k = common(edge.label, 0, form, i);
      if (k < edge.label.length) {
        const rest = edge.label.slice(k);
        const mid: Node = { edges: new Map([[rest.slice(0, charLength(rest, 0)), { label: rest, node: edge.node }]]), rank: -1 };
        edge.label = edge.label.slice(0, k);
        edge.node = mid;
      }
      node = edge.node;
      i += k;
    }
    if (node.rank < 0 || rank < node.rank) node.rank = rank;
  }

  /** Every match in `text`, left to right, none overlapping. */
  *matches(text: string): Generator<TrieMatch> {
    for (let i = 0; i < text.length; ) {
      const end = wordBefore(text, i) ? -1 : this.matchAt(text, i);
      if (end > i) {
        yield { start: i, end };
        i = end;
      } else {
        i += charLength(text, i);
      }
    }
  }

  /** End of the preferred form that matches at `start` and ends on a word boundary, or -1. */
  private matchAt(text: string, start: number): number {
    let bestRank = Infinity;
    let bestEnd = -1;
    let node = this.root;
    let j = start;
    for (;;) {
      if (node.rank >= 0 && node.rank < bestRank && j > start && !(j < text.length && isWord(text, j))) {
        bestRank = node.rank;
        bestEnd = j;
      }
      if (j >= text.length) break;
      const space = isSpace(text, j);
      const edge = node.edges.get(space ? ' ' : fold(text.slice(j, j + charLength(text, j))));
      if (edge === undefined) break;
      const label = edge.label;
      let li = 0;
      while (li < label.length && j < text.length) {
        if (label.charCodeAt(li) === 32) {
          if (!isSpace(text, j)) break;
          while (j < text.length && isSpace(text, j)) j++;
          li++;
          continue;
        }
        const n = charLength(text, j);
        const m = charLength(label, li);
        if (isSpace(text, j) || fold(text.slice(j, j + n)) !== label.slice(li, li + m)) break;
        j += n;
        li += m;
      }
      if (li < label.length) break;
      node = edge.node;
    }
    return bestEnd;
  }
}
