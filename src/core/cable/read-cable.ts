/**
 * The cable reader: from the bytes of one annotated file to a `Cable` (header fields, numbered
 * paragraphs with display text and mentions) and the diagnostics for everything odd in it.
 * It never throws: bad bytes, missing anchors, stray brackets and disordered paragraphs all
 * become diagnostics, and every `[TYPE ` opening ends as a mention or a diagnostic.
 */
import type { Diagnostic } from '../diagnostics.ts';
import type { Cable, CableHeader, Paragraph } from './model.ts';
import { decodeFile } from './decode.ts';
import { textDigest } from './digest.ts';
import { findArtefacts, type CableReference } from './artefacts.ts';
import { renderText, type RenderCursor, type RenderedText } from './display-text.ts';
import { readHeaderFields } from './header.ts';

export interface ReadResult {
  /** Null only when the file is not text at all (binary). */
  cable: Cable | null;
  diagnostics: Diagnostic[];
}

/** Where a numbered paragraph begins: input [start, end) is its marker, n its number. */
interface Break {
  start: number;
  end: number;
  n: number;
}

const WRAP_OPEN = '<code><pre>';
const WRAP_CLOSE = '</pre></code>';
/** Found with `indexOf` first: a regex pass over the whole text costs more than reading it. */
const ANCHOR_START = "<a id='par";
const NUMBERED_ANCHOR = /<a id='par(\d+)' href='#par\w*'>¶<\/a>\w* ?\.?/y;
const BARE_NUMBER = /(?<=^|[ \n])(\d{1,3}) \.(?= *\n)/g;
const HEADER_LIKE = /\b(?:TAGS|SUBJECT|SUBJ|DECL|E\.?\s?O\.?\s+12958)\b|^\s*(?:[A-Za-z] ){4,}/i;
const SIGNATURE_MAX_WORDS = 6;

export function readCable(input: Uint8Array | string, file: string): ReadResult {
  const decoded = decodeFile(input, file);
  const diagnostics = decoded.diagnostics;
  if (decoded.text === null) return { cable: null, diagnostics };
  const s = decoded.text;
  const cursor: RenderCursor = { file, line: 1, diagnostics, tags: [] };

  const { from, to } = unwrap(s, cursor);
  const breaks = findBreaks(s, from, to, cursor);
  const headerEnd = breaks.length > 0 ? breaks[0]!.start : -1;
  let header: RenderedText | null = null;
  let tags: string[] = [];
  if (headerEnd >= 0) {
    header = renderText(s, from, headerEnd, cursor);
    tags = cursor.tags.splice(0);
  }
  // Page breaks, page headers and footers are blanked out of the body before it is read: spaces
  // of the same length (line breaks kept) leave every later offset and line number as it was.
  let fields = header === null ? null : readHeaderFields(header.text, header.mentions, tags);
  const reference = fields ?? { origin: '', serial: '' };
  const body = headerEnd >= 0 ? blankArtefacts(s, headerEnd, to, reference, file, diagnostics) : s;
  const signatureStart = findSignature(body, from, to, breaks);
  const bodyEnd = signatureStart < 0 ? to : signatureStart;
  if (header === null) {
    header = renderText(s, from, bodyEnd, cursor);
    tags = cursor.tags.splice(0);
  }

  const paragraphs: Paragraph[] = [];
  for (let k = 0; k < breaks.length; k++) {
    const b = breaks[k]!;
    const end = k + 1 < breaks.length ? breaks[k + 1]!.start : bodyEnd;
    const prevN = paragraphs.length > 0 ? paragraphs[paragraphs.length - 1]!.n : 0;
    const start = skipBlank(body, b.end, end, cursor);
    if (b.n <= prevN) {
      const what = b.n === prevN ? `repeated paragraph number ${b.n}` : `paragraph ${b.n} after paragraph ${prevN}`;
      diagnostics.push({ file, line: cursor.line, severity: 'warning', code: 'paragraph-order', message: `${what}; kept in file order` });
    }
    const line = cursor.line;
    const r = renderText(body, start, end, cursor);
    paragraphs.push({ n: b.n, line, text: r.text, mentions: r.mentions, sentences: r.sentences });
  }

  let signature = '';
  if (signatureStart >= 0) {
    const sigCursor: RenderCursor = { file, line: cursor.line, diagnostics, tags: [] };
    const r = renderText(body, skipBlank(body, signatureStart, to, sigCursor), to, sigCursor);
    signature = r.text;
    for (const m of r.mentions) {
      diagnostics.push({
        file, line: sigCursor.line, severity: 'info', code: 'signature-mention',
        message: `[${m.type} ${m.text}] in the signature line is cable metadata, not a mention`,
      });
    }
  }

  fields ??= readHeaderFields(header.text, header.mentions, tags);
  const cableHeader: CableHeader = Object.assign(fields, { signature, text: header.text, mentions: header.mentions });
  const id = fields.origin && fields.serial ? `${fields.origin} ${fields.serial}` : baseName(file);
  return { cable: { id, file, digest: textDigest(s), header: cableHeader, paragraphs }, diagnostics };
}

/**
 * `s` with the artefacts of [from, to) replaced by spaces (line breaks kept), each one noted as
 * an info diagnostic (`page-break`, `page-header`, `footer`) so the build counts them.
 */
function blankArtefacts(s: string, from: number, to: number, reference: CableReference, file: string, diagnostics: Diagnostic[]): string {
  const found = findArtefacts(s, from, to, reference);
  if (found.length === 0) return s;
  let out = '';
  let at = 0;
  let line = 1 + countLines(s, 0, from);
  for (const a of found) {
    line += countLines(s, at > from ? at : from, a.start);
    diagnostics.push({ file, line, severity: 'info', code: a.kind, message: `${a.kind} left out of the paragraph: "${s.slice(a.start, Math.min(a.end, a.start + 60)).replace(/\s+/g, ' ')}"` });
    out += s.slice(at, a.start) + s.slice(a.start, a.end).replace(/[^\n]/g, ' ');
    // Every opening still ends as a mention or a diagnostic: those blanked are noted one by one.
    for (const m of s.slice(a.start, a.end).matchAll(BLANKED_OPENING)) {
      diagnostics.push({ file, line, severity: 'info', code: 'artefact-mention', message: `${m[0]}...] in a ${a.kind} is not a mention` });
    }
    line += countLines(s, a.start, a.end);
    at = a.end;
  }
  return out + s.slice(at);
}

const BLANKED_OPENING = /\[[A-Z][A-Z0-9_-]* /g;

function countLines(s: string, from: number, to: number): number {
  let n = 0;
  for (let i = s.indexOf('\n', from); i >= 0 && i < to; i = s.indexOf('\n', i + 1)) n++;
  return n;
}

/** The content between `<code><pre>` and `</pre></code>`, or all of it, with the cursor on its first line. */
function unwrap(s: string, cursor: RenderCursor): { from: number; to: number } {
  let from = skipBlank(s, 0, s.length, cursor);
  let end = s.length;
  while (end > from && isBlank(s.charCodeAt(end - 1))) end--;
  const opened = s.startsWith(WRAP_OPEN, from);
  const closed = s.endsWith(WRAP_CLOSE, end) && end - WRAP_CLOSE.length >= from + (opened ? WRAP_OPEN.length : 0);
  if (opened) from += WRAP_OPEN.length;
  const to = closed ? end - WRAP_CLOSE.length : s.length;
  if (!opened || !closed) {
    const missing = !opened && !closed ? 'both wrappers' : !opened ? WRAP_OPEN : WRAP_CLOSE;
    cursor.diagnostics.push({
      file: cursor.file, line: opened ? 0 : cursor.line, severity: 'info', code: 'missing-wrapper',
      message: `${missing} missing; read the whole file as the cable`,
    });
  }
  return { from, to };
}

/**
 * Numbered paragraph anchors; failing those, bare `N .` paragraph numbers ending lines 1, 2, 3...;
 * failing those, a header line and one paragraph, or one paragraph.
 */
function findBreaks(s: string, from: number, to: number, cursor: RenderCursor): Break[] {
  const breaks: Break[] = [];
  for (let k = s.indexOf(ANCHOR_START, from); k >= 0 && k < to; k = s.indexOf(ANCHOR_START, k + 1)) {
    NUMBERED_ANCHOR.lastIndex = k;
    const m = NUMBERED_ANCHOR.exec(s);
    if (m !== null) breaks.push({ start: k, end: k + m[0].length, n: Number.parseInt(m[1]!, 10) });
  }
  if (breaks.length > 0) return breaks;

  const note = (message: string) =>
    cursor.diagnostics.push({ file: cursor.file, line: 0, severity: 'info', code: 'no-anchors', message });
  const body = s.slice(from, to);
  for (const m of body.matchAll(BARE_NUMBER)) {
    if (Number(m[1]) === breaks.length + 1) breaks.push({ start: from + m.index, end: from + m.index + m[0].length, n: breaks.length + 1 });
  }
  if (breaks.length >= 2) {
    note(`no ¶ anchors; ${breaks.length} paragraphs found by their bare numbers`);
    return breaks;
  }
  breaks.length = 0;
  if (body.trim() === '') return [];
  // Without anchors the header still leads: it ends after `Classified By ... reasons 1.4 (b) and
  // (d)`, or else at the first paragraph mark after SUBJECT (`( C )`), or else with the first line.
  const headerEnd = unanchoredHeaderEnd(body);
  if (headerEnd > 0 && body.slice(headerEnd).trim() !== '') {
    note('no ¶ anchors; the header read up to its end, the rest as one paragraph');
    return [{ start: from + headerEnd, end: from + headerEnd, n: 1 }];
  }
  const firstLineEnd = body.indexOf('\n');
  if (firstLineEnd > 0 && HEADER_LIKE.test(body.slice(0, firstLineEnd)) && body.slice(firstLineEnd).trim() !== '') {
    note('no ¶ anchors; first line read as the header, the rest as one paragraph');
    return [{ start: from + firstLineEnd, end: from + firstLineEnd, n: 1 }];
  }
  if (firstLineEnd < 0 || body.slice(firstLineEnd).trim() === '') {
    // One line that opens like a header and never ends it: a cable cut short after its header.
    if (HEADER_LIKE.test(body.slice(0, HEADER_REACH))) {
      note('no ¶ anchors; one line that is all header, read as the header with no paragraph');
      return [];
    }
  }
  note('no ¶ anchors; the whole text read as one paragraph');
  return [{ start: from, end: from, n: 1 }];
}

/** `Classified By: ... for reasons 1.4 ( b ) and ( d ) .` as the tokenized header writes it. */
const REASON_END = /\bClassified\s+By\b[^\n]{0,240}?\breasons?\s*:?\s*1\.\d\s*(?:[([]?\s*[a-hA-H]\s*[)\]]?\s*(?:,|and|&)?\s*)*\.?/i;
const SUBJECT_FIELD = /\bSUBJ(?:ECT)?\s*:/;
const PARAGRAPH_MARK = /\(\s*(?:C|S|U|SBU|S\/\/NF|C\/\/NF|S\/NF|C\/NF|TS)\s*\)/;
/** How far the header of a cable without anchors may reach. */
const HEADER_REACH = 4000;

/** Where the header of a cable without ¶ anchors ends (an offset into `body`), or 0 when it cannot tell. */
function unanchoredHeaderEnd(body: string): number {
  const head = body.slice(0, HEADER_REACH);
  if (!HEADER_LIKE.test(head)) return 0;
  const reason = REASON_END.exec(head);
  if (reason !== null) return reason.index + reason[0].length;
  const subject = SUBJECT_FIELD.exec(head);
  if (subject === null) return 0;
  const mark = PARAGRAPH_MARK.exec(head.slice(subject.index));
  return mark === null ? 0 : subject.index + mark.index;
}

/**
 * Start of the last line when it is a signature (`STRUBLE`): a few words, no sentence-final
 * punctuation, no anchor, on a line after the last paragraph's first line. Closing quotes or brackets that lead
 * the line belong to the paragraph before. -1 when there is none.
 */
function findSignature(s: string, from: number, to: number, breaks: readonly Break[]): number {
  const lineStart = s.lastIndexOf('\n', to - 1) + 1;
  const lastBreak = breaks.length > 0 ? breaks[breaks.length - 1]!.end : from;
  // The last paragraph must keep a line of its own: a one-line paragraph is not signed.
  if (lineStart <= from || s.slice(lastBreak, lineStart).trim() === '') return -1;
  const line = s.slice(lineStart, to);
  const lead = /^[\s)\]”"’']*/.exec(line)![0].length;
  const rest = line.slice(lead).trim();
  const words = rest.replace(/\[[A-Z][A-Z0-9_-]* |  \]/g, ' ').trim().split(/\s+/);
  const isSignature =
    rest !== '' && words.length <= SIGNATURE_MAX_WORDS && /\p{L}/u.test(rest) &&
    !/[.?!:;,]$/.test(rest) && !rest.includes('<a ');
  return isSignature ? lineStart + lead : -1;
}

function skipBlank(s: string, i: number, to: number, cursor: RenderCursor): number {
  while (i < to && isBlank(s.charCodeAt(i))) {
    if (s.charCodeAt(i) === 10) cursor.line++;
    i++;
  }
  return i;
}

function isBlank(c: number): boolean {
  return c === 32 || c === 10 || c === 9 || c === 13;
}

function baseName(file: string): string {
  const name = file.slice(Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\')) + 1);
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(0, dot) : name;
}
