import { describe, expect, it } from 'vitest';
import { EDGES_PER_STEP, drawnGraph } from '../../../src/app/view/drawn-graph.ts';
import { MAX_NODE_SIZE, MIN_NODE_SIZE } from '../../../src/core/dataset/appearance.ts';
import type { GraphFile } from '../../../src/core/dataset/format.ts';

/** A complete graph on `n` nodes in two communities, as graph.json holds it (edges without keys). */
function complete(n: number): GraphFile {
  const nodes = Array.from({ length: n }, (_, i) => ({
    key: `e${i}`,
    attributes: { id: i, label: `E${i}`, type: i % 2 ? 'PER' : 'ORG', aliases: [], mentions: i + 1, paragraphs: i + 1, cables: 1, community: i % 2, x: i, y: -i, size: 1, degree: n - 1, strength: n - 1 },
  }));
  const edges = [];
  for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) edges.push({ source: `e${i}`, target: `e${j}`, attributes: { weight: 1 + ((i + j) % 4), jaccard: 0.1, npmi: 0.2, association: 1.5, alpha: 0.04 } });
  return { attributes: {}, options: { type: 'undirected', multi: false, allowSelfLoops: false }, nodes, edges } as unknown as GraphFile;
}

describe('drawnGraph(file, colors, pace)', () => {
  const colors = new Map([[0, '#4e79a7']]);

  it('holds every node and edge of the file, with colour by community and size by paragraphs', async () => {
    const file = complete(20);
    const graph = await drawnGraph(file, colors);
    expect(graph.order).toBe(20);
    expect(graph.size).toBe(190);
    expect(graph.getNodeAttributes('e0')).toMatchObject({ entityType: 'ORG', color: '#4e79a7', size: MIN_NODE_SIZE + (MAX_NODE_SIZE - MIN_NODE_SIZE) * Math.sqrt(1 / 20) });
    expect(graph.getNodeAttribute('e19', 'size')).toBe(MAX_NODE_SIZE);
    // A community past the palette is grey.
    expect(graph.getNodeAttribute('e1', 'color')).toBe('#9aa0a6');
    expect(graph.getEdgeAttributes(graph.edge('e3', 'e4')!)).toEqual(file.edges.find((e) => e.source === 'e3' && e.target === 'e4')!.attributes);
  });

  it(`builds the same graph under a pace, which it calls after every ${EDGES_PER_STEP.toLocaleString('en-US')} edges`, async () => {
    const file = complete(160);
    const steps: string[] = [];
    const paced = await drawnGraph(file, colors, async (done) => void steps.push(done));
    expect(file.edges.length).toBeGreaterThan(EDGES_PER_STEP);
    expect(steps).toEqual(Array(Math.ceil(file.edges.length / EDGES_PER_STEP) - 1).fill('drawn graph'));
    // Edge keys are made per graph instance; the rest is the same.
    const content = (g: Awaited<ReturnType<typeof drawnGraph>>) => ({ nodes: g.export().nodes, edges: g.mapEdges((_, attributes, source, target) => ({ source, target, attributes })) });
    expect(content(paced)).toEqual(content(await drawnGraph(file, colors)));
  });
});
