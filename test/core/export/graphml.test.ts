import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { writeGraphml } from '../../../src/core/export/graphml.ts';
import { xmlChars } from '../../../src/core/export/xml.ts';
import { anyText, elementsNS, readXml } from './read-xml.ts';

const GRAPHML = 'http://graphml.graphdrawing.org/xmlns';

describe('writeGraphml', () => {
  it('property: any label and key give well-formed GraphML that reads back as xmlChars of them', () => {
    fc.assert(fc.property(anyText, anyText, (label, key) => {
      const xml = writeGraphml([{ key, label, paragraphs: 3 }, { key: `${key}~2`, label: 'other', paragraphs: 1 }], [{ source: key, target: `${key}~2`, weight: 1 }]);
      const root = readXml(xml);
      const [first] = elementsNS(root, GRAPHML, 'node');
      expect(first!.attributes.id).toBe(xmlChars(key));
      const data = elementsNS(first!, GRAPHML, 'data');
      expect(data.find((d) => d.attributes.key === 'n_label')!.text).toBe(xmlChars(label));
      expect(data.find((d) => d.attributes.key === 'n_paragraphs')!.text).toBe('3');
      expect(elementsNS(root, GRAPHML, 'edge')[0]!.attributes.source).toBe(xmlChars(key));
    }), { numRuns: 300 });
  });
});
