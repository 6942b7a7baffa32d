/**
 * Decoding of HTML character references in cable text (`&amp;`, `&quot;`, `&#x000A;`).
 * Only references that are complete and known are decoded; anything else stays as written.
 */

/** A Map, not an object: `&constructor;` in a cable must not find Object's constructor. */
const NAMED = new Map(Object.entries({
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0',
  ndash: '\u2013', mdash: '\u2014', hellip: '\u2026', lsquo: '\u2018', rsquo: '\u2019',
  ldquo: '\u201c', rdquo: '\u201d', laquo: '\u00ab', raquo: '\u00bb', middot: '\u00b7',
  para: '\u00b6', sect: '\u00a7', deg: '\u00b0', copy: '\u00a9', reg: '\u00ae',
  eacute: '\u00e9', egrave: '\u00e8', aacute: '\u00e1', iacute: '\u00ed', oacute: '\u00f3',
  uacute: '\u00fa', ntilde: '\u00f1', ccedil: '\u00e7', uuml: '\u00fc', ouml: '\u00f6', auml: '\u00e4',
}));

const REFERENCE = /&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([a-zA-Z][a-zA-Z0-9]{1,31}));/g;

/** Decodes the character references in `text`; returns `text` itself when there are none. */
export function decodeHtmlEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(REFERENCE, (whole, dec?: string, hex?: string, name?: string) => {
    if (name !== undefined) return NAMED.get(name) ?? whole;
    const cp = dec !== undefined ? Number.parseInt(dec, 10) : Number.parseInt(hex!, 16);
    const valid = cp > 0 && cp <= 0x10ffff && !(cp >= 0xd800 && cp <= 0xdfff);
    return valid ? String.fromCodePoint(cp) : '\ufffd';
  });
}
