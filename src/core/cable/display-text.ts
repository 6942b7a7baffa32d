/**
 * Turns one stretch of annotated, tokenized cable text into readable display text with the
 * offsets of its mentions, in one pass over the characters.
 *
 * What is undone: entity brackets `[TYPE tokens  ]`, lettered and tag anchors, HTML character
 * references, line breaks (one sentence per line becomes sentences separated by a space), and
 * the obvious Penn-Treebank spacing (`( C )` -> `(C)`, `party 's` -> `party's`, `Lima .` ->
 * `Lima.`, `" sacred leaf . "` -> `"sacred leaf."`). Everything else is copied as it stands, so
 * a literal `<script>` or a stray `[` stays text. Unclosed openings and literal brackets are kept
 * as text and reported.
 *
 * Speed: the output is a rope of slices of the input, copying untouched runs in one piece and
 * editing only where something changes; V8 flattens it when it is first read, and a mention's
 * text is sliced from the input when nothing inside it changed, so rendering never forces that.
 * Most characters are letters inside words and most separators are one space before a word; a
 * table-driven scan skips both, the commonest edits (the space before `,` `.` `)`, a mention's
 * closing) are made in the scan loop, and only the rest (other punctuation, line breaks, markup:
 * once in about forty characters of real cables) goes through the full separator logic.
 */
import type { Diagnostic } from '../diagnostics.ts';
import type { Mention } from './model.ts';
import { decodeHtmlEntities } from './html-entities.ts';

export interface RenderedText {
  text: string;
  mentions: Mention[];
  /** Offsets where sentences (lines of the annotated file) begin. */
  sentences: number[];
}

/** Where the renderer is: the file for diagnostics, and the current line, advanced as it goes. */
export interface RenderCursor {
  file: string;
  line: number;
  diagnostics: Diagnostic[];
  /** Texts of `<a href='/tag/..'>` anchors met so far (the header's TAGS). */
  tags: string[];
}

const LETTERED_ANCHOR = /<a id='par[A-Za-z]\w*' href='#par\w*'>¶<\/a>/y;
const TAG_ANCHOR = /<a href='[^'\n<>[]*'>([^<\n]*)/y;
const ANCHOR_CLOSE = '</a>';
const CHARACTER_REFERENCE = /&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z][a-zA-Z0-9]{1,31});/y;

/** Spacing classes of tokens. */
const WORD = 0;
const OPENER = 1;
const CLOSER = 2;
const QUOTE = 3; // `"`: opener or closer by parity

const SPACE = 32;
const NEWLINE = 10;
const OPEN_BRACKET = 91;
const CLOSE_BRACKET = 93;
const LESS_THAN = 60;
const AMPERSAND = 38;

/**
 * For the scan in `run`: bit 1 for the characters that always need a look (line break, `[`, `<`,
 * `&`), bit 2 for a space, which needs one unless `AFTER_SPACE` of the next character lacks bit 2.
 */
const SCAN = new Uint8Array(0x10000);
SCAN[NEWLINE] = SCAN[OPEN_BRACKET] = SCAN[LESS_THAN] = SCAN[AMPERSAND] = 1;
SCAN[SPACE] = 2;
/** Bit 2 unless the character can start a word that follows a space as is: a letter or digit (`n` and `N` excepted, for `n't`). */
const AFTER_SPACE = new Uint8Array(0x10000).fill(3);
AFTER_SPACE.fill(1, 48, 58).fill(1, 65, 91).fill(1, 97, 123); // 0-9 A-Z a-z
AFTER_SPACE[110] = AFTER_SPACE[78] = 3; // n N

export function renderText(s: string, from: number, to: number, cursor: RenderCursor): RenderedText {
  return new Renderer(s, from, to, cursor).run();
}

class Renderer {
  /** Output so far; input [runStart, position) follows it unchanged. */
  private out = '';
  private runStart: number;
  private readonly mentions: Mention[] = [];
  private readonly sentences: number[] = [];
  /** True after a token that the next one follows without a space: the start, an opening bracket or quote. */
  private glueNext = true;
  private quoteOpen = false;
  private sentencePending = true;
  private mentionType = '';
  /** Output offset where the open mention starts, -1 until its first token is placed. */
  private mentionStart = -1;
  /** Input index of the open mention's first token. */
  private mentionFrom = -1;
  /** Mentions whose text had edits inside: sliced from the finished output. */
  private readonly sliceLater: Mention[] = [];
  /** Input index of the `]` that closes the open mention, -1 when none is open. */
  private mentionClose = -1;
  private tagOpen = false;
  private lastTokenEnd: number;

  constructor(
    private readonly s: string,
    private readonly from: number,
    private readonly to: number,
    private readonly cursor: RenderCursor,
  ) {
    this.runStart = from;
    this.lastTokenEnd = from;
  }

  run(): RenderedText {
    const s = this.s;
    const to = this.to;
    const scan = SCAN; // local copies: measurably faster in the scan loop than the module constants
    const afterSpace = AFTER_SPACE;
    let i = this.separator(this.from);
    while (i >= 0 && i < to) {
      let c = s.charCodeAt(i);
      if (!this.glueNext && !this.sentencePending) {
        // Between words one space is kept as it stands, so skip to the first character that may
        // need work: markup, a line break, or a space before anything but a letter or digit. The
        // test is two table lookups and no branch per character, as a branch on every space costs
        // more than the rest of the loop (spaces come every five characters and are unpredictable).
        while (i + 1 < to) {
          const d = s.charCodeAt(i + 1);
          if ((scan[c]! & afterSpace[d]!) !== 0) break;
          c = d;
          i++;
        }
        if (c === SPACE && i + 1 < to) {
          const d = s.charCodeAt(i + 1);
          if ((d | 0x20) === 110 /* n N */) {
            // A word, unless it is `n't` (`N'T` in capitals), which the separator glues to the word before.
            if (s.charCodeAt(i + 2) !== 39) {
              i += 2;
              continue;
            }
          } else if (ONE_CHARACTER_KIND[d] === CLOSER && d !== CLOSE_BRACKET && (i + 2 >= to || endsToken(s.charCodeAt(i + 2)))) {
            // ` ,` ` .` ` )`: the commonest edit, dropping the space before a one-character
            // closing mark, done here as the separator would do it (a stray `]` is left to it, as
            // it is reported).
            if (this.runStart < i) this.out += s.slice(this.runStart, i);
            this.runStart = i + 1;
            i += 2;
            continue;
          } else if (d === SPACE && i + 2 === this.mentionClose && (i + 3 >= to || isBlank(s.charCodeAt(i + 3)))) {
            // `  ]` and then a space or line break: close the mention here. What follows is a
            // separator like any other, so the scan goes on from there as the separator would.
            this.closeMention(i, i + 2);
            i += 3;
            continue;
          }
        }
      } else {
        // After an opening bracket or quote, or at a sentence start, a space needs the full logic.
        while (scan[c] === 0 && ++i < to) c = s.charCodeAt(i);
        if (i >= to) break;
      }
      if (c === SPACE || c === NEWLINE) {
        this.lastTokenEnd = i;
        i = this.separator(i);
      } else if (c === OPEN_BRACKET) {
        i = this.gluedBracket(i);
      } else if (c === LESS_THAN) {
        i = this.gluedMarkup(i);
      } else if (c === AMPERSAND) {
        i = this.characterReference(i);
      } else {
        i++; // the last character, plain
      }
    }
    if (i >= 0) this.lastTokenEnd = to; // ended inside a word, not in a trailing separator
    if (this.runStart < this.lastTokenEnd) this.out += s.slice(this.runStart, this.lastTokenEnd);
    const text = this.out;
    for (const m of this.sliceLater) m.text = text.slice(m.start, m.end);
    return { text, mentions: this.mentions, sentences: this.sentences };
  }

  /**
   * From `i` (a space, line break or markup), through the whole separator to the next token;
   * places one space or none, opens and closes mentions, and classifies the token.
   * Returns where the token's body continues, or -1 when no token follows.
   */
  private separator(i: number): number {
    const s = this.s;
    const to = this.to;
    let cutStart = i; // input [cutStart, i) is the part of the separator still to place
    let blank = false;
    let markup = false;
    for (;;) {
      while (i < to) {
        const c = s.charCodeAt(i);
        if (c === SPACE) { blank = true; i++; }
        else if (c === NEWLINE) { blank = true; this.cursor.line++; this.sentencePending = true; i++; }
        else break;
      }
      if (i >= to) return -1;
      if (i === this.mentionClose) {
        this.closeMention(cutStart, i);
        i++;
        cutStart = i;
        blank = false;
        markup = false;
        continue;
      }
      const c = s.charCodeAt(i);
      if (c === OPEN_BRACKET && this.mentionClose < 0) {
        const end = this.openMention(i);
        if (end > 0) { i = end; markup = true; continue; }
      } else if (c === LESS_THAN) {
        const end = this.markupEnd(i);
        if (end > 0) { this.takeMarkup(i, end); i = end; markup = true; continue; }
      }
      break;
    }

    const t = i;
    let kind: number;
    let bodyFrom = t + 1;
    let decoded: string | null = null;
    const first = s.charCodeAt(t);
    if (first === AMPERSAND) {
      const end = tokenEnd(s, t, to);
      const raw = s.slice(t, end);
      decoded = decodeHtmlEntities(raw);
      if (decoded === raw) decoded = null;
      else bodyFrom = end;
      kind = decoded === null ? tokenKind(s, t, to) : tokenKind(decoded, 0, decoded.length);
    } else {
      kind = tokenKind(s, t, to);
    }
    if (kind === QUOTE) {
      kind = this.quoteOpen ? CLOSER : OPENER;
      this.quoteOpen = !this.quoteOpen;
    }
    if ((first === OPEN_BRACKET || first === CLOSE_BRACKET)) this.reportBracket(t);

    // Input [cutStart, t) becomes one space or none. When it already is that, the run goes on;
    // otherwise a space in the input is taken with the run before it rather than appended alone,
    // as every piece is one more node for V8 to walk when it flattens the text.
    const space = blank && !this.glueNext && kind !== CLOSER;
    if (space ? t - cutStart !== 1 || s.charCodeAt(cutStart) !== SPACE : t !== cutStart) {
      if (space && s.charCodeAt(cutStart) === SPACE) {
        this.out += s.slice(this.runStart, cutStart + 1);
      } else {
        if (this.runStart < cutStart) this.out += s.slice(this.runStart, cutStart);
        if (space) this.out += ' ';
      }
      this.runStart = t;
    }
    const at = this.out.length + (t - this.runStart);
    if (this.sentencePending && kind !== CLOSER) {
      this.sentences.push(at);
      this.sentencePending = false;
    }
    if (this.mentionClose >= 0 && this.mentionStart < 0) {
      this.mentionStart = at;
      this.mentionFrom = t;
    }
    if (decoded !== null) {
      this.out += s.slice(this.runStart, t) + decoded;
      this.runStart = bodyFrom;
    }
    this.glueNext = kind === OPENER;
    return bodyFrom;
  }

  /** `  ]`: the mention ends where its last token ended; the separator and `]` are dropped. */
  private closeMention(sepStart: number, bracket: number): void {
    const end = this.out.length + (sepStart - this.runStart);
    const unedited = this.runStart <= this.mentionFrom;
    if (this.runStart < sepStart) this.out += this.s.slice(this.runStart, sepStart);
    this.runStart = bracket + 1;
    if (this.mentionStart < 0 || end <= this.mentionStart) {
      this.report('warning', 'empty-mention', `empty mention [${this.mentionType} ] dropped`);
    } else if (unedited) {
      // Nothing inside was edited (the run still reaches back to the first token), so the
      // mention's text is that stretch of the input, and the output need not be flattened for it.
      this.mentions.push({ type: this.mentionType, text: this.s.slice(this.mentionFrom, sepStart), start: this.mentionStart, end });
    } else {
      const m = { type: this.mentionType, text: '', start: this.mentionStart, end };
      this.mentions.push(m);
      this.sliceLater.push(m);
    }
    this.mentionClose = -1;
    this.mentionStart = -1;
  }

  /** When `[TYPE ` at `i` opens a mention that closes on its line, opens it and returns the opening's end; else 0. */
  private openMention(i: number): number {
    const openEnd = mentionOpeningEnd(this.s, i, this.to);
    if (openEnd === 0) return 0;
    const close = closingBracket(this.s, openEnd, this.to);
    if (close < 0) return 0;
    this.mentionType = this.s.slice(i + 1, openEnd - 1);
    this.mentionClose = close;
    this.mentionStart = -1;
    return openEnd;
  }

  /** End of the opening at `i` when it opens a mention that closes on its line, else 0. */
  private mentionAt(i: number): number {
    const openEnd = mentionOpeningEnd(this.s, i, this.to);
    return openEnd > 0 && closingBracket(this.s, openEnd, this.to) >= 0 ? openEnd : 0;
  }

  /** A `[` inside a word: an opening glued to the word, or a literal bracket. */
  private gluedBracket(i: number): number {
    if (this.mentionClose < 0 && this.mentionAt(i) > 0) {
      this.lastTokenEnd = i;
      return this.separator(i);
    }
    this.reportBracket(i);
    return i + 1;
  }

  /** A `<` inside a word: anchor markup glued to it, or a literal character. */
  private gluedMarkup(i: number): number {
    if (this.markupEnd(i) === 0) return i + 1;
    this.lastTokenEnd = i;
    return this.separator(i);
  }

  /** A character reference inside a word, decoded in place. */
  private characterReference(i: number): number {
    CHARACTER_REFERENCE.lastIndex = i;
    if (!CHARACTER_REFERENCE.test(this.s)) return i + 1;
    const end = CHARACTER_REFERENCE.lastIndex;
    this.out += this.s.slice(this.runStart, i) + decodeHtmlEntities(this.s.slice(i, end));
    this.runStart = end;
    return end;
  }

  /** End of anchor markup at `i` that renders as nothing (lettered anchor, a tag anchor's tags), or 0. */
  private markupEnd(i: number): number {
    const s = this.s;
    if (this.tagOpen && s.startsWith(ANCHOR_CLOSE, i)) return i + ANCHOR_CLOSE.length;
    if (s.charCodeAt(i + 1) !== 97 /* a */) return 0;
    LETTERED_ANCHOR.lastIndex = i;
    if (LETTERED_ANCHOR.test(s)) return LETTERED_ANCHOR.lastIndex;
    TAG_ANCHOR.lastIndex = i;
    const m = TAG_ANCHOR.exec(s);
    if (m === null || !s.startsWith(ANCHOR_CLOSE, TAG_ANCHOR.lastIndex)) return 0;
    return TAG_ANCHOR.lastIndex - m[1]!.length;
  }

  /** Notes what the markup [i, end) opens or closes: a tag anchor, whose text is a TAG. */
  private takeMarkup(i: number, end: number): void {
    if (this.tagOpen && this.s.startsWith(ANCHOR_CLOSE, i)) {
      this.tagOpen = false;
    } else if (this.s.startsWith("<a href='", i)) {
      this.tagOpen = true;
      const tag = this.s.slice(end, this.s.indexOf(ANCHOR_CLOSE, end)).trim();
      if (tag !== '') this.cursor.tags.push(tag);
    }
  }

  private reportBracket(i: number): void {
    const s = this.s;
    const openEnd = s.charCodeAt(i) === OPEN_BRACKET ? mentionOpeningEnd(s, i, this.to) : 0;
    if (openEnd > 0) {
      this.report('warning', 'unclosed-mention', `mention opening "${s.slice(i, openEnd)}" is not closed by "  ]" on its line; kept as text`);
      return;
    }
    const shown = s.slice(i, Math.min(this.to, i + 12)).split('\n')[0];
    this.report('info', 'literal-bracket', `literal bracket kept as text: "${shown}"`);
  }

  private report(severity: Diagnostic['severity'], code: string, message: string): void {
    this.cursor.diagnostics.push({ file: this.cursor.file, line: this.cursor.line, severity, code, message });
  }
}

/** End of a `[TYPE ` opening at `i` (type: an upper-case letter, then upper case, digits, `_`, `-`), or 0. */
export function mentionOpeningEnd(s: string, i: number, to: number): number {
  let j = i + 1;
  let c = s.charCodeAt(j);
  if (!(c >= 65 && c <= 90)) return 0;
  for (j++; j < to; j++) {
    c = s.charCodeAt(j);
    if (!((c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95 || c === 45)) break;
  }
  return c === SPACE && j < to ? j + 1 : 0;
}

/**
 * Index of the `]` of the `  ]` closing an opening that ends at `openEnd`, or -1 when the line
 * (or `to`) ends first or another opening comes first: then this one was never closed.
 */
function closingBracket(s: string, openEnd: number, to: number): number {
  // One pass over the mention: cheaper than indexOf('  ]') and a second pass to check what precedes it.
  for (let k = openEnd; k < to; k++) {
    const c = s.charCodeAt(k);
    if (c === CLOSE_BRACKET) {
      if (s.charCodeAt(k - 1) === SPACE && s.charCodeAt(k - 2) === SPACE) return k;
    } else if (c === NEWLINE || (c === OPEN_BRACKET && mentionOpeningEnd(s, k, to) > 0)) {
      return -1;
    }
  }
  return -1;
}

/** End of the token at `i`: the next space or line break, or markup (`[`, `<`) glued to it. */
function tokenEnd(s: string, i: number, to: number): number {
  let j = i + 1;
  while (j < to && !endsToken(s.charCodeAt(j))) j++;
  return j;
}

function isBlank(c: number): boolean {
  return c === SPACE || c === NEWLINE;
}

function endsToken(c: number): boolean {
  return c === SPACE || c === NEWLINE || c === OPEN_BRACKET || c === LESS_THAN;
}

/** Spacing classes of one-character tokens; all others are words. */
const ONE_CHARACTER_KIND = new Uint8Array(0x10000); // WORD is 0
for (const c of ',.;:?!)]}%”’»') ONE_CHARACTER_KIND[c.charCodeAt(0)] = CLOSER;
for (const c of '([{$“‘«') ONE_CHARACTER_KIND[c.charCodeAt(0)] = OPENER;
ONE_CHARACTER_KIND[34] = QUOTE; // "

/** Spacing class of the token starting at `i`. */
function tokenKind(s: string, i: number, to: number): number {
  const c = s.charCodeAt(i);
  // Most tokens are words starting with a letter or digit; `n't` is the one such token that is not.
  if (((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57)) && (c | 0x20) !== 110) return WORD;
  const len = tokenEnd(s, i, Math.min(to, i + 5)) - i;
  if (len === 1) return ONE_CHARACTER_KIND[c]!;
  return len > 4 ? WORD : shortTokenKind(s, i, c, len);
}

/** Spacing class of a token of two to four characters starting with `c` (kept apart so that tokenKind stays small enough to inline). */
function shortTokenKind(s: string, i: number, c: number, len: number): number {
  if (c === 39 || c === 0x2019) { // ' ’ : clitics ('s 'd 'm 'll 're 've) and the closing quote ''
    const d = s.charCodeAt(i + 1) | 0x20;
    if (len === 2 && (d === 115 || d === 100 || d === 109 || (c === 39 && d === 39))) return CLOSER;
    if (len === 3) {
      const e = s.charCodeAt(i + 2) | 0x20;
      if ((d === 108 && e === 108) || (d === 114 && e === 101) || (d === 118 && e === 101)) return CLOSER;
    }
    return WORD;
  }
  if (len === 2 && c === 96 && s.charCodeAt(i + 1) === 96) return OPENER; // ``
  if (len === 3 && (c | 0x20) === 110 && s.charCodeAt(i + 1) === 39 && (s.charCodeAt(i + 2) | 0x20) === 116) {
    return CLOSER; // n't
  }
  for (let k = i; k < i + len; k++) { // ... ?! and the like
    const d = s.charCodeAt(k);
    if (d !== 46 && d !== 63 && d !== 33) return WORD;
  }
  return CLOSER;
}
