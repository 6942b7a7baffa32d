/**
 * A strict, namespace-aware XML 1.0 reader for the tests (saxes): it throws on anything that is
 * not well-formed (a disallowed character, a bad reference, an unclosed tag), and gives each
 * element with its namespace URI, local name, attributes and text.
 */
import fc from 'fast-check';
import { SaxesParser } from 'saxes';

export interface XmlElement {
  uri: string;
  local: string;
  attributes: Record<string, string>;
  text: string;
  children: XmlElement[];
}

export function readXml(xml: string): XmlElement {
  const parser = new SaxesParser({ xmlns: true });
  const stack: XmlElement[] = [];
  let root: XmlElement | null = null;
  parser.on('error', (e) => {
    throw e;
  });
  parser.on('opentag', (tag) => {
    const attributes: Record<string, string> = {};
    for (const a of Object.values(tag.attributes)) if (a.prefix !== 'xmlns' && a.name !== 'xmlns') attributes[a.local] = a.value;
    const element: XmlElement = { uri: tag.uri ?? '', local: tag.local ?? tag.name, attributes, text: '', children: [] };
    if (stack.length > 0) stack.at(-1)!.children.push(element);
    else root = element;
    stack.push(element);
  });
  parser.on('text', (t) => {
    if (stack.length > 0) stack.at(-1)!.text += t;
  });
  parser.on('closetag', () => void stack.pop());
  parser.write(xml).close();
  if (!root) throw new Error('no root element');
  return root;
}

/** Every element under `root` (itself included) in namespace `uri` with local name `local`. */
export function elementsNS(root: XmlElement, uri: string, local: string): XmlElement[] {
  const found: XmlElement[] = [];
  const visit = (e: XmlElement) => {
    if (e.uri === uri && e.local === local) found.push(e);
    e.children.forEach(visit);
  };
  visit(root);
  return found;
}

/** Any UTF-16 code unit: controls, U+FFFE/FFFF and lone surrogates included. */
export const anyText = fc.oneof(
  fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)) }),
  fc.string({ unit: fc.constantFrom('\u0001', '\u0000', '\t', '\n', '\r', '\ufffe', '\uffff', '\ud800', '\udc00', '<', '&', '"', "'", ']]>', 'a') }),
  fc.string({ unit: 'grapheme' }),
);
