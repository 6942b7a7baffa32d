import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { xmlChars, xmlText } from '../../../src/core/export/xml.ts';
import { anyText, readXml } from './read-xml.ts';

describe('xmlChars / xmlText', () => {
  it('replaces what XML 1.0 cannot carry and keeps everything else', () => {
    expect(xmlChars('Ctl\u0001Man')).toBe('Ctl\ufffdMan');
    expect(xmlChars('a\ufffeb\uffffc')).toBe('a\ufffdb\ufffdc');
    expect(xmlChars('lone \ud800 and \udc00, pair \ud83d\ude00')).toBe('lone \ufffd and \ufffd, pair \ud83d\ude00');
    expect(xmlChars('tab\tLF\nCR\r é')).toBe('tab\tLF\nCR\r é');
    expect(xmlText('<a & "b">\t')).toBe('&lt;a &amp; &quot;b&quot;&gt;&#9;');
  });

  it('property: any text, as an attribute and as content, reads back from well-formed XML as xmlChars(text)', () => {
    fc.assert(fc.property(anyText, (s) => {
      const root = readXml(`<r a="${xmlText(s)}" b='${xmlText(s)}'>${xmlText(s)}</r>`);
      expect(root.attributes.a).toBe(xmlChars(s));
      expect(root.attributes.b).toBe(xmlChars(s));
      expect(root.text).toBe(xmlChars(s));
    }), { numRuns: 1000 });
  });
});
