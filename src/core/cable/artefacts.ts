/**
 * Artefacts of the way cables were printed and published, found in the annotated text so the
 * reader can leave them out of paragraphs: page-break lines (`PARIS 00002242 002 OF 004`,
 * `[LOC LA  ] PAZ 00002910 003 OF 005`, `HARARE 06677 01 OF 03`), page headers of old telegrams
 * (`CONFIDENTIAL PAGE 03 HARARE 06677 01 OF 03 291400Z`) with their routing lists (`ACTION AF-00
 * INFO LOG-00 ...`), and the footer boilerplate of the published web pages (`Visit London's
 * Classified Website: http://...`, the SIPRNET line, the rulers of `*` and `-` around them).
 * The tagger marks the city of a page break, so left in place these make links that exist only
 * because of the printout. Works on the raw annotated text and returns input ranges; a range
 * that reaches into a mention takes the whole mention, so blanking it never leaves half a bracket.
 */

export type ArtefactKind = 'page-break' | 'page-header' | 'footer';

export interface Artefact {
  kind: ArtefactKind;
  /** Input range [start, end) of the artefact, whole mentions included. */
  start: number;
  end: number;
}

/** The cable's own reference as its header gives it (`PARIS`, `002242`), to find its page breaks exactly. */
export interface CableReference {
  origin: string;
  serial: string;
}

/** `00002242 002 OF 004`, `06677 01 OF 03`, `00000958 002.2 OF 005`: serial, page (a decimal part for sub-pages), page count. */
const PAGE_NUMBER = /(?<![\w.])(\d{4,8}) {1,3}(\d{2,3}(?:\.\d{1,2})?) {1,3}[Oo][Ff] {1,3}(?:\[[A-Z][A-Z0-9_-]* )?(\d{2,3})(?:  \])?(?![\w.])/g;
/** An opening `[TYPE ` or a closing `  ]`, which the page break may carry around the post. */
const OPENING = /\[[A-Z][A-Z0-9_-]* $/;
/** Old telegram page header: `CONFIDENTIAL CONFIDENTIAL PTQ1865 PAGE 01 ` before the page number, a `291400Z` time after. */
const PAGE_HEADER_LEAD = /(?:(?:UNCLASSIFIED|UNCLAS|CONFIDENTIAL|SECRET|LIMITED OFFICIAL USE|(?:[A-Z] ){5,}[A-Z]) {1,3})*(?:[A-Z]{2,4}\d{3,6} {1,3})?PAGE {1,3}\d{2,3} {1,3}$/;
const PAGE_HEADER_TIME = /^ {1,3}\d{6}Z\b/;
/** `SECTION 02 OF 03` (after the classification) inside the body: a repeated header when the cable's own reference follows. */
const SECTION_MARK = /(?:(?:[A-Z] ){5,}[A-Z] {1,3}|(?:UNCLASSIFIED|UNCLAS|CONFIDENTIAL|SECRET) {1,3})?SECTION {1,3}\d{1,3} {1,3}OF {1,3}\d{1,3} {1,3}/g;
/** Where the routing of a repeated header starts: a date-time group and `FM` (`291359Z NOV 00 FM AMEMBASSY`). */
const ROUTING_START = /(?:\S+ {1,3}\d{6}Z {1,3}\/\d+ {1,3})?(?:[A-Z] {1,3})?\d{6}Z {1,3}[A-Z]{3} {1,3}\d{2} {1,3}FM [^\n]*$/;
/** The end of a repeated header: its TAGS list. */
const REPEATED_TAGS = /\bTAGS\b:?(?: {1,3}(?:<a href='[^'\n]*'>)?[A-Z]{2,6}\b(?:<\/a>)?,?)+/;
/** A routing list after a page header: `ACTION AF-00 INFO LOG-00 NP-00 ... /012W`. */
const ROUTING = /^ {1,3}ACTION (?:[A-Z0-9/]+ {1,3})*?(?:[A-Z0-9]+-\d{2} {1,3})+(?:INFO {1,3}(?:[A-Z0-9]+-\d{2} {1,3})+)?(?:\/\d{3}W\b)?/;
/**
 * Footer: `(For more reporting from ..., visit:) (Please) visit (Embassy) X's Classified Website
 * (at): URL`, where URL names the State Department's classified web (`sgov.gov`) or Intelink. The
 * name before `Classified` may be tagged and spread over a few words.
 */
const FOOTER = /(?:For more reporting from [^\n]{0,80}?visit: {1,3})?(?:(?:Please {1,3})?visit\b|Track\b)[^\n]{0,120}?[ :;,](?:https?:\/\/|www\.)[^\s[]*(?:sgov\.gov|intelink\.)[^\s[]*(?: {1,3}and [^\n]{0,80}? at {1,3}(?:https?:\/\/|www\.)[^\s[]*)*/gi;
const FOOTER_URL_ONLY = /(?:https?:\/\/|www\.)[^\s[]*(?:sgov\.gov|intelink\.)[^\s[]*/gi;
/** The piece of a URL a line break of the published page split off (`index.c fm`, `Portal:Unit ed_Kingdom`, `Turk ey`). */
const URL_TAIL = /^ ([a-z][a-z0-9]{0,5}|[\w.:/-]*[_/.][\w.:/-]*)(?=\s|$)/;
const SIPRNET = /^\s*You can also access this site through [^\n]{0,80}?SIPRNET web ?site\s*\.?/i;
/**
 * Rulers of stars or dashes (`*****  *****`, `-----`) next to a footer or page header: one
 * character class, never nested quantifiers, which backtrack exponentially on long star runs.
 */
const RULER_BEFORE = /[*=\s-]*$/;
const RULER_AFTER = /^[*=\s-]*/;

/** The length of a ruler matched by RULER_BEFORE or RULER_AFTER: 0 unless it holds a run of three marks. */
function rulerLength(m: RegExpExecArray | null, before: boolean): number {
  if (m === null || !/[*=-]{3}/.test(m[0])) return 0;
  // Keep the blank between the ruler and the text it borders: the artefact is the ruler only.
  const ruler = before ? m[0].replace(/^\s+/, '') : m[0].replace(/\s+$/, '');
  return ruler.length;
}

/** Artefacts in s[from, to), in input order, not overlapping. */
export function findArtefacts(s: string, from: number, to: number, reference: CableReference): Artefact[] {
  const text = s.slice(from, to);
  const found: Artefact[] = [];
  const post = postPattern(reference.origin);
  const serial = /^\d+$/.test(reference.serial) ? Number(reference.serial) : -1;

  // Cheap tests first: most cables have no page break, repeated header or footer at all.
  const pages = text.includes(' OF ') || text.includes(' of ') || text.includes(' Of ');
  for (const m of pages ? text.matchAll(PAGE_NUMBER) : []) {
    // Only the cable's own reference: another cable's number quoted in the text is content.
    if (serial >= 0 && Number(m[1]) !== serial) continue;
    let start = m.index;
    let end = start + m[0].length;
    const before = text.slice(Math.max(0, start - 120), start);
    const lead = post?.exec(before) ?? GENERIC_POST.exec(before);
    if (lead === null) continue; // a bare `1234 01 OF 02` names no post: not surely a page break
    start -= lead[0].length;
    let kind: ArtefactKind = 'page-break';
    const header = PAGE_HEADER_LEAD.exec(text.slice(Math.max(0, start - 120), start));
    const time = PAGE_HEADER_TIME.exec(text.slice(end));
    if (header !== null || time !== null) {
      kind = 'page-header';
      if (header !== null) start -= header[0].length;
      if (time !== null) end += time[0].length;
      const routing = ROUTING.exec(text.slice(end));
      if (routing !== null) end += routing[0].length;
      end += rulerLength(RULER_AFTER.exec(text.slice(end, end + 400)), false);
    }
    found.push({ kind, start, end });
  }

  if (post !== null && serial >= 0 && text.includes('SECTION')) {
    // A header repeated at a section boundary: `... FM AMEMBASSY HARARE TO ... C O N F I D E N T I A L
    // SECTION 02 OF 03 HARARE 006677 SIPDIS ... TAGS: PGOV PREL`, from the routing line to the TAGS.
    for (const m of text.matchAll(SECTION_MARK)) {
      const after = text.slice(m.index + m[0].length, m.index + m[0].length + 160);
      const own = new RegExp(`^${post.source.replace(/ \{1,3\}\$$/, '')} {1,3}0*${serial}\\b`, 'i').exec(after);
      if (own === null) continue;
      const before = text.slice(Math.max(0, m.index - 600), m.index);
      const routing = ROUTING_START.exec(before);
      const start = routing === null ? m.index : m.index - (before.length - routing.index);
      const rest = text.slice(m.index, m.index + 1200);
      const tags = REPEATED_TAGS.exec(rest);
      const end = m.index + (tags === null ? m[0].length + own[0].length : tags.index + tags[0].length);
      found.push({ kind: 'page-header', start, end });
    }
  }

  const web = text.includes('sgov.gov') || text.includes('intelink.');
  const footers = web ? [...text.matchAll(FOOTER)] : [];
  const urls = footers.length > 0 || !web ? footers : [...text.matchAll(FOOTER_URL_ONLY)].filter((u) => /visit|classified/i.test(text.slice(Math.max(0, u.index - 120), u.index)));
  for (const m of urls) {
    let start = m.index;
    let end = start + m[0].length;
    end += URL_TAIL.exec(text.slice(end))?.[0].length ?? 0;
    end += SIPRNET.exec(text.slice(end))?.[0].length ?? 0;
    end += rulerLength(RULER_AFTER.exec(text.slice(end, end + 400)), false);
    start -= rulerLength(RULER_BEFORE.exec(text.slice(Math.max(0, start - 400), start)), true);
    found.push({ kind: 'footer', start, end });
  }

  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Artefact[] = [];
  for (const a of found) {
    const r = wholeMentions(text, a.start, a.end);
    const last = out[out.length - 1];
    if (last !== undefined && r.start < last.end) {
      last.end = Math.max(last.end, r.end);
      continue;
    }
    out.push({ kind: a.kind, start: r.start, end: r.end });
  }
  for (const a of out) {
    a.start += from;
    a.end += from;
  }
  return out;
}

/** One or two words before the page number, tagged or not, when the cable's post is unknown. */
const GENERIC_POST = /(?:\[[A-Z][A-Z0-9_-]* )?[A-Z][\p{L}'.-]*(?:  \])?(?: (?:\[[A-Z][A-Z0-9_-]* )?[A-Z][\p{L}'.-]*(?:  \])?)? {1,3}$/u;

/** The post's words as the page break writes them: any case, each word possibly inside a mention's brackets. */
function postPattern(origin: string): RegExp | null {
  const words = origin.trim().split(/\s+/).filter((w) => w !== '');
  if (words.length === 0 || words.length > 5) return null;
  const escape = (w: string) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const escaped = words.map(escape);
  // The printout cuts a long post name short (`BUENOS AIR` for BUENOS AIRES): the last word may
  // end early, after its third letter.
  const last = words[words.length - 1]!;
  const prefixes: string[] = [];
  for (let n = last.length; n >= Math.min(3, last.length); n--) prefixes.push(escape(last.slice(0, n)));
  escaped[escaped.length - 1] = `(?:${prefixes.join('|')})`;
  const open = '(?:\\[[A-Z][A-Z0-9_-]* )?';
  const close = '(?:  \\])?';
  return new RegExp(`(?<![A-Za-z])${open}${escaped.join(`${close} {1,3}${open}`)}${close} {1,3}$`, 'i');
}

/**
 * [start, end) widened so that it never cuts a mention: an opening `[TYPE ` inside whose `  ]`
 * lies beyond `end`, or a `  ]` inside whose opening lies before `start`, pulls the bound out.
 */
function wholeMentions(text: string, start: number, end: number): { start: number; end: number } {
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const before = text.slice(lineStart, start);
  const cutOpening = /\[[A-Z0-9_-]*$/.exec(before);
  if (cutOpening !== null) return wholeMentions(text, lineStart + cutOpening.index, end);
  const open = before.lastIndexOf('[');
  if (open >= 0 && OPENING.test(before.slice(open, before.indexOf(' ', open) + 1)) && !before.slice(open).includes('  ]')) {
    start = lineStart + open;
  }
  const cutAtEnd = /\[[A-Z][A-Z0-9_-]*$/.exec(text.slice(start, end));
  if (cutAtEnd !== null && cutAtEnd.index > 0) end = start + cutAtEnd.index; // an opening cut in two stays outside
  const inside = text.slice(start, end);
  const lastOpen = inside.lastIndexOf('[');
  if (lastOpen >= 0 && /^\[[A-Z][A-Z0-9_-]* /.test(inside.slice(lastOpen)) && !inside.slice(lastOpen).includes('  ]')) {
    const close = text.indexOf('  ]', end);
    const lineEnd = text.indexOf('\n', end);
    if (close >= 0 && (lineEnd < 0 || close < lineEnd)) end = close + 3;
  }
  return { start, end };
}
