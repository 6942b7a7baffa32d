import Graph from 'graphology';
import { describe, expect, it } from 'vitest';
import { DEFAULT_REFINE_OPTIONS, refineLayout } from '../../../src/app/import/refine-layout.ts';

function pair(): Graph {
  const graph = new Graph({ type: 'undirected' });
  graph.addNode('a', { x: 0, y: 0 });
  graph.addNode('b', { x: 1, y: 1 });
  graph.addEdge('a', 'b', { weight: 1 });
  return graph;
}

describe('refineLayout(graph, firstFrameMs, options)', () => {
  it('does not start where the GPU took longer than a frame to draw the first frame', async () => {
    const graph = pair();
    const before = graph.getNodeAttributes('a');
    const refinement = refineLayout(graph, DEFAULT_REFINE_OPTIONS.frameBudgetMs + 1);
    expect(await refinement.done).toBe('slow-frames');
    expect(graph.getNodeAttributes('a')).toEqual(before);
  });

  it('has nothing to do on a graph without edges or with no time given', async () => {
    expect(await refineLayout(new Graph(), 0).done).toBe('nothing-to-do');
    expect(await refineLayout(pair(), 0, { durationMs: 0 }).done).toBe('nothing-to-do');
  });

  it('reports the first way it ended: stop() after the end changes nothing', async () => {
    const refinement = refineLayout(pair(), 500, { frameBudgetMs: 100 });
    refinement.stop();
    expect(await refinement.done).toBe('slow-frames');
  });
});
