/**
 * The typed model of one annotated cable, as the reader produces it and every later step reads it.
 * All offsets are UTF-16 code-unit offsets into the display text they belong to, so that
 * `text.slice(start, end)` is the mention's text in Node and in the browser alike.
 */

export interface Mention {
  /** The tagger's type as written (`PER`, `ORG`, `LOC`, `MISC`, or any other name). */
  type: string;
  text: string;
  start: number;
  end: number;
}

export interface Paragraph {
  /** The paragraph's number as its anchor gives it (repeats and disorder are kept as found). */
  n: number;
  /** 1-based line of the file where the paragraph's text begins. */
  line: number;
  /** Readable text: brackets and anchors gone, tokenization undone where it is obvious. */
  text: string;
  mentions: Mention[];
  /** Start offsets of the sentences (one per line of the annotated file). */
  sentences: number[];
}

export interface CableHeader {
  /** `CONFIDENTIAL`, `SECRET//NOFORN`, `UNCLASSIFIED`, ... or '' when none is found. */
  classification: string;
  origin: string;
  serial: string;
  /** `01 OF 03`, or '' for a cable in one section. */
  section: string;
  /** Declassification date or instruction as written (`11/11/2014`, `OADR`), or ''. */
  declassify: string;
  tags: string[];
  subject: string;
  /** Other cables this one refers to, as written (`LIMA 2055`, `99 PRETORIA 12315`). */
  refs: string[];
  classifiedBy: string;
  reason: string;
  /** The last line of the body when it is a signature (`STRUBLE`), or ''. */
  signature: string;
  /** The header's own display text and mentions (offsets into this text). */
  text: string;
  mentions: Mention[];
}

export interface Cable {
  /** Origin and serial (`LIMA 002158`); the file name without extension when the header has none. */
  id: string;
  file: string;
  /** Fingerprint of the decoded text (`textDigest`): two files with the same one hold the same cable. */
  digest: string;
  header: CableHeader;
  paragraphs: Paragraph[];
}
