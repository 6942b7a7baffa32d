/**
 * Text made fit for XML 1.0, shared by the GEXF and GraphML writers. Escaping is not enough:
 * XML 1.0 cannot carry C0 control characters other than tab, LF and CR, nor U+FFFE, U+FFFF or an
 * unpaired surrogate, not even as character references, and a reader (Gephi, networkx) refuses
 * the whole file for one of them. Each becomes U+FFFD, the replacement character.
 */

const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
const SPECIAL = /[<>&"'\t\n\r]/g;
/**
 * Tab, LF and CR as references too: a reader turns them into spaces in an attribute value and
 * CR into LF in content (XML 1.0 §3.3.3, §2.11), so only references keep a label as it was.
 */
const ENTITY: Record<string, string> = { '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;', '\t': '&#9;', '\n': '&#10;', '\r': '&#13;' };

/** `s` with every character XML 1.0 does not allow replaced by U+FFFD. */
export function xmlChars(s: string): string {
  return s.replace(NOT_XML, '\ufffd');
}

/** `s` as element content or an attribute value (either quote): allowed characters, escaped. */
export function xmlText(s: string): string {
  return xmlChars(s).replace(SPECIAL, (c) => ENTITY[c]!);
}
