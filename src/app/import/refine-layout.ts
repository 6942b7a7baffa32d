/**
 * After an import opens, the layout keeps improving for a few seconds without freezing the page:
 * graphology's ForceAtlas2 supervisor (Jacomy et al. 2014) iterates in its own Web Worker and
 * writes positions back to the drawn graph, which sigma redraws. The settings are the build's
 * (src/core/graph/layout.ts), so the picture refines rather than changes character.
 *
 * Each step costs the page one redraw. Where drawing is slow (a big graph on a software
 * renderer, as in headless Chromium without a GPU) that redraw would hold the page for longer
 * than a frame's budget, so the refinement runs only while frames stay within the budget: it is
 * skipped when the GPU took longer than that to draw the view's first frame (the caller measures
 * it, see gpu-finished.ts), and stops at the first slow frame.
 */
import type Graph from 'graphology';
import FA2LayoutSupervisor from 'graphology-layout-forceatlas2/worker';
import { layoutSettings } from '../../core/graph/layout.ts';

export interface RefineOptions {
  durationMs: number;
  /**
   * A frame (one requestAnimationFrame to the next) longer than this stops the refinement; a
   * first frame that took the GPU longer than this skips it.
   */
  frameBudgetMs: number;
}

export const DEFAULT_REFINE_OPTIONS: RefineOptions = { durationMs: 3000, frameBudgetMs: 100 };

export type RefineOutcome = 'refined' | 'slow-frames' | 'stopped' | 'nothing-to-do';

export interface Refinement {
  /** Resolves when the layout stops, with why. */
  readonly done: Promise<RefineOutcome>;
  stop(): void;
}

/** `firstFrameMs`: how long the GPU took to draw the view's first frame. */
export function refineLayout(graph: Graph, firstFrameMs: number, options: Partial<RefineOptions> = {}): Refinement {
  const { durationMs, frameBudgetMs } = { ...DEFAULT_REFINE_OPTIONS, ...options };
  let finish: (outcome: RefineOutcome) => void = () => {};
  const done = new Promise<RefineOutcome>((resolve) => (finish = resolve));
  let supervisor: FA2LayoutSupervisor | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;

  const end = (outcome: RefineOutcome) => {
    if (stopped) return;
    stopped = true;
    clearTimeout(timer);
    supervisor?.kill();
    finish(outcome);
  };

  const watch = (last: number) =>
    requestAnimationFrame((now) => {
      if (stopped) return;
      if (now - last > frameBudgetMs) end('slow-frames');
      else watch(now);
    });

  const start = () => {
    if (graph.size === 0 || durationMs <= 0) return end('nothing-to-do');
    if (firstFrameMs > frameBudgetMs) return end('slow-frames');
    supervisor = new FA2LayoutSupervisor(graph, { getEdgeWeight: 'weight', settings: layoutSettings(graph.order) });
    timer = setTimeout(() => end('refined'), durationMs);
    supervisor.start();
    requestAnimationFrame(watch);
  };
  start();
  return { done, stop: () => end('stopped') };
}
