import Graph from 'graphology';
import { parse as parseGexf } from 'graphology-gexf';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GEXF_NAMESPACE, GEXF_VIZ_NAMESPACE, writeGexf, type GexfNode } from '../../../src/core/export/gexf.ts';
import { xmlChars } from '../../../src/core/export/xml.ts';
import { anyText, elementsNS, readXml } from './read-xml.ts';

const node = (key: string, label: string, x = 1.5, community = 0): GexfNode => ({
  key, label, attributes: { type: 'ORG', community, aliases: `${label} (2)`, share: 0.5 },
  viz: { x, y: -2.25, size: 7.91, color: { r: 78, g: 121, b: 167 } },
});

describe('writeGexf', () => {
  it('declares the GEXF 1.2 viz namespace and puts positions, sizes and colours in it', () => {
    const xml = writeGexf([node('pnp', 'PNP'), node('vrae', 'VRAE', -3)], [{ source: 'pnp', target: 'vrae', weight: 2, attributes: { jaccard: 0.25 } }]);
    expect(xml).toContain('xmlns:viz="http://www.gexf.net/1.2draft/viz"');
    const root = readXml(xml);
    expect(root.uri).toBe(GEXF_NAMESPACE);
    const nodes = elementsNS(root, GEXF_NAMESPACE, 'node');
    expect(nodes.map((n) => n.attributes.id)).toEqual(['pnp', 'vrae']);
    for (const n of nodes) {
      expect(elementsNS(n, GEXF_VIZ_NAMESPACE, 'position')[0]!.attributes).toMatchObject({ y: '-2.25' });
      expect(elementsNS(n, GEXF_VIZ_NAMESPACE, 'size')[0]!.attributes.value).toBe('7.91');
      expect(elementsNS(n, GEXF_VIZ_NAMESPACE, 'color')[0]!.attributes).toEqual({ r: '78', g: '121', b: '167' });
    }
    expect(elementsNS(nodes[1]!, GEXF_VIZ_NAMESPACE, 'position')[0]!.attributes.x).toBe('-3');
    expect(elementsNS(root, GEXF_NAMESPACE, 'edge')[0]!.attributes).toMatchObject({ source: 'pnp', target: 'vrae', weight: '2' });
  });

  it('types attributes from all their values and reads back with graphology-gexf', () => {
    const xml = writeGexf([node('a', 'A', 1, 0), node('b', 'B', 2, 1)], [{ source: 'a', target: 'b', weight: 1, attributes: { alpha: 1 } }]);
    const g = parseGexf(Graph, xml);
    expect(g.getNodeAttribute('b', 'community')).toBe(1);
    expect(g.getNodeAttribute('a', 'share')).toBe(0.5);
    expect(g.getNodeAttribute('a', 'label')).toBe('A');
    expect(g.getEdgeAttribute(g.edge('a', 'b')!, 'weight')).toBe(1);
    expect(xml).toContain('<attribute id="community" title="community" type="integer"/>');
    expect(xml).toContain('<attribute id="share" title="share" type="double"/>');
  });

  it('property: any label, key and text attribute give well-formed GEXF that reads back as xmlChars of them', () => {
    fc.assert(fc.property(anyText, anyText, (label, key) => {
      const xml = writeGexf([node(key, label), node(`${key}~2`, 'other')], [{ source: key, target: `${key}~2`, weight: 1, attributes: {} }]);
      const root = readXml(xml);
      const [first] = elementsNS(root, GEXF_NAMESPACE, 'node');
      expect(first!.attributes.label).toBe(xmlChars(label));
      expect(first!.attributes.id).toBe(xmlChars(key));
      const aliases = elementsNS(first!, GEXF_NAMESPACE, 'attvalue').find((v) => v.attributes.for === 'aliases');
      expect(aliases!.attributes.value).toBe(xmlChars(`${label} (2)`));
      expect(elementsNS(first!, GEXF_VIZ_NAMESPACE, 'position')).toHaveLength(1);
    }), { numRuns: 300 });
  });
});
