/**
 * After an import opens, the layout keeps improving for a few seconds without freezing the page:
 * graphology's ForceAtlas2 supervisor (Jacomy et al. 2014) iterates in its own Web Worker and
 * writes positions back to the drawn graph, which sigma redraws. The settings are the build's
 * (src/core/graph/layout.ts), so the picture refines rather than changes character. Stopped
 * after `durationMs`, or by `stop()` when another dataset opens.
 */
import type Graph from 'graphology';
import { inferSettings } from 'graphology-layout-forceatlas2';
import FA2LayoutSupervisor from 'graphology-layout-forceatlas2/worker';

export const REFINE_MS = 3000;

export interface Refinement {
  /** Resolves when the layout stops (after the duration, or when stopped). */
  readonly done: Promise<void>;
  stop(): void;
}

export function refineLayout(graph: Graph, durationMs = REFINE_MS): Refinement {
  let finish = () => {};
  const done = new Promise<void>((resolve) => (finish = resolve));
  if (graph.size === 0 || durationMs <= 0) {
    finish();
    return { done, stop() {} };
  }
  const order = graph.order;
  const supervisor = new FA2LayoutSupervisor(graph, {
    getEdgeWeight: 'weight',
    // The build's settings (core/graph/layout.ts): hubs central, half the pull of heavy pairs.
    settings: { ...inferSettings(order), barnesHutOptimize: order > 1000, outboundAttractionDistribution: false, linLogMode: false, edgeWeightInfluence: 0.5 },
  });
  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    clearTimeout(timer);
    supervisor.kill();
    finish();
  };
  const timer = setTimeout(stop, durationMs);
  supervisor.start();
  return { done, stop };
}
