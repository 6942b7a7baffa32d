/**
 * GraphML (http://graphml.graphdrawing.org/) for an undirected graph whose nodes and edges carry
 * flat attributes. graphology-graphml only parses GraphML, so this writes it; the tests read the
 * output back with graphology-graphml.
 */

import { xmlText as xml } from './xml.ts';

type Value = string | number;
type Row = Record<string, Value>;

/**
 * `graph`: graph-level attributes (what slice of the corpus it is), each a `<key for="graph">`
 * and a `<data>` of the graph; none by default.
 */
export function writeGraphml(nodes: readonly (Row & { key: Value })[], edges: readonly (Row & { source: Value; target: Value })[], graph: Readonly<Record<string, string>> = {}): string {
  const nodeKeys = attributeKeys(nodes, ['key']);
  const edgeKeys = attributeKeys(edges, ['source', 'target']);
  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">',
  ];
  for (const [name, type] of nodeKeys) out.push(`  <key id="n_${xml(name)}" for="node" attr.name="${xml(name)}" attr.type="${type}"/>`);
  for (const [name, type] of edgeKeys) out.push(`  <key id="e_${xml(name)}" for="edge" attr.name="${xml(name)}" attr.type="${type}"/>`);
  const graphKeys = Object.keys(graph);
  for (const name of graphKeys) out.push(`  <key id="g_${xml(name)}" for="graph" attr.name="${xml(name)}" attr.type="string"/>`);
  out.push('  <graph edgedefault="undirected">');
  for (const name of graphKeys) out.push(`    <data key="g_${xml(name)}">${xml(graph[name]!)}</data>`);
  for (const n of nodes) {
    out.push(`    <node id="${xml(String(n.key))}">`);
    for (const [name] of nodeKeys) out.push(`      <data key="n_${xml(name)}">${xml(String(n[name]))}</data>`);
    out.push('    </node>');
  }
  for (const e of edges) {
    out.push(`    <edge source="${xml(String(e.source))}" target="${xml(String(e.target))}">`);
    for (const [name] of edgeKeys) out.push(`      <data key="e_${xml(name)}">${xml(String(e[name]))}</data>`);
    out.push('    </edge>');
  }
  out.push('  </graph>', '</graphml>', '');
  return out.join('\n');
}

/** Attribute names (other than the structural ones) with their GraphML type, from the first row. */
function attributeKeys(rows: readonly Row[], structural: string[]): [string, 'string' | 'double'][] {
  const first = rows[0];
  if (!first) return [];
  return Object.keys(first)
    .filter((k) => !structural.includes(k))
    .map((k) => [k, typeof first[k] === 'number' ? 'double' : 'string']);
}
