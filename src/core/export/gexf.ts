/**
 * GEXF 1.2 (https://gexf.net/) for an undirected graph with flat node and edge attributes and
 * the viz module (position, size, colour), as Gephi opens it. Written here rather than with
 * graphology-gexf's writer, which declares a wrong viz namespace for 1.2
 * (`http:///www.gexf.net/1.1draft/viz`, so namespace-aware readers such as networkx drop every
 * position, colour and size) and writes control characters from cable text as they are, which
 * is not XML. Every text goes through `xmlText`; the output is the same bytes for the same input.
 */
import { xmlText as xml } from './xml.ts';

export const GEXF_NAMESPACE = 'http://www.gexf.net/1.2draft';
export const GEXF_VIZ_NAMESPACE = 'http://www.gexf.net/1.2draft/viz';

type Value = string | number;

export interface GexfNode {
  key: string;
  label: string;
  attributes: Record<string, Value>;
  viz: { x: number; y: number; size: number; color: { r: number; g: number; b: number } };
}

export interface GexfEdge {
  source: string;
  target: string;
  weight: number;
  attributes: Record<string, Value>;
}

export interface GexfOptions {
  /** The graph's description in `<meta>` (what slice of the corpus it is); no `<meta>` without it. */
  description?: string;
}

export function writeGexf(nodes: readonly GexfNode[], edges: readonly GexfEdge[], options: GexfOptions = {}): string {
  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<gexf version="1.2" xmlns="${GEXF_NAMESPACE}" xmlns:viz="${GEXF_VIZ_NAMESPACE}">`,
  ];
  if (options.description) {
    // No lastmodifieddate: the same dataset gives the same bytes.
    out.push('  <meta>', '    <creator>Cablegraph</creator>', `    <description>${xml(options.description)}</description>`, '  </meta>');
  }
  out.push('  <graph defaultedgetype="undirected">');
  const nodeModel = model(nodes.map((n) => n.attributes));
  const edgeModel = model(edges.map((e) => e.attributes));
  writeModel(out, 'node', nodeModel);
  writeModel(out, 'edge', edgeModel);
  out.push('    <nodes>');
  for (const n of nodes) {
    out.push(`      <node id="${xml(n.key)}" label="${xml(n.label)}">`);
    writeValues(out, nodeModel, n.attributes);
    const { x, y, size, color } = n.viz;
    out.push(
      `        <viz:color r="${color.r}" g="${color.g}" b="${color.b}"/>`,
      `        <viz:size value="${size}"/>`,
      `        <viz:position x="${x}" y="${y}"/>`,
      '      </node>',
    );
  }
  out.push('    </nodes>', '    <edges>');
  edges.forEach((e, i) => {
    out.push(`      <edge id="${i}" source="${xml(e.source)}" target="${xml(e.target)}" weight="${e.weight}">`);
    writeValues(out, edgeModel, e.attributes);
    out.push('      </edge>');
  });
  out.push('    </edges>', '  </graph>', '</gexf>', '');
  return out.join('\n');
}

type AttributeType = 'integer' | 'double' | 'string';

/** Each attribute name (in first-seen order) with the narrowest GEXF type that holds all its values. */
function model(rows: readonly Record<string, Value>[]): Map<string, AttributeType> {
  const types = new Map<string, AttributeType>();
  for (const row of rows) {
    for (const [name, value] of Object.entries(row)) {
      const type: AttributeType = typeof value === 'string' ? 'string' : Number.isInteger(value) ? 'integer' : 'double';
      const before = types.get(name);
      types.set(name, before === undefined || before === type ? type : before === 'string' || type === 'string' ? 'string' : 'double');
    }
  }
  return types;
}

function writeModel(out: string[], kind: 'node' | 'edge', types: Map<string, AttributeType>): void {
  if (types.size === 0) return;
  out.push(`    <attributes class="${kind}">`);
  for (const [name, type] of types) out.push(`      <attribute id="${xml(name)}" title="${xml(name)}" type="${type}"/>`);
  out.push('    </attributes>');
}

function writeValues(out: string[], types: Map<string, AttributeType>, values: Record<string, Value>): void {
  if (types.size === 0) return;
  out.push('        <attvalues>');
  for (const name of types.keys()) {
    const value = values[name];
    if (value !== undefined) out.push(`          <attvalue for="${xml(name)}" value="${xml(String(value))}"/>`);
  }
  out.push('        </attvalues>');
}
