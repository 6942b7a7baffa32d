/**
 * The sigma.js renderer over the drawn graph. Filters, hover and selection change what is drawn
 * through `nodeReducer` / `edgeReducer` and `refresh()`, never by writing to the graph. Hovering
 * a node, or selecting one, brings it and its visible neighbours forward and dims the rest.
 */
import Sigma from 'sigma';
import type { Settings } from 'sigma/settings';
import type { EdgeDisplayData, NodeDisplayData, PartialButFor } from 'sigma/types';
import type { EdgeAttributes } from '../core/dataset/format.ts';
import type { DrawnGraph, DrawnNode } from './drawn-graph.ts';
import type { FilterResult } from './filters.ts';

export interface GraphViewEvents {
  nodeClick(key: string): void;
  edgeClick(source: string, target: string): void;
  stageClick(): void;
  /** Called after every frame sigma draws (the benchmark measures with it). */
  render(): void;
}

export interface GraphView {
  readonly sigma: Sigma<DrawnNode, EdgeAttributes>;
  setFilter(result: FilterResult): void;
  /** How strong an edge is, on [0, 1]: drives its thickness. */
  setEdgeStrength(strength: (attrs: EdgeAttributes) => number): void;
  setSelection(node: string | null, other: string | null): void;
  /** Moves the camera to a node. */
  focusNode(key: string): void;
  kill(): void;
}

const DIMMED_NODE = '#dfe1e5';
const EDGE_COLOR = '#ccd0d7';
const FOCUS_EDGE_COLOR = '#7b8190';
const PAIR_EDGE_COLOR = '#d93025';
const MAX_FORCED_LABELS = 12;
const MIN_EDGE = 0.4;
const MAX_EDGE = 5;

type LabelData = PartialButFor<NodeDisplayData, 'x' | 'y' | 'size' | 'label' | 'color'>;

/**
 * Draws labels with a white halo, so they stay readable over edges, and skips a label that
 * would overlap one already drawn in this frame: sigma's label grid thins labels per cell, but
 * two labels from neighbouring cells can still collide. `reset()` runs before each frame.
 */
function labelDrawer(): { draw: (context: CanvasRenderingContext2D, data: LabelData, settings: Settings<DrawnNode, EdgeAttributes>) => void; reset(): void } {
  const placed: number[] = [];
  return {
    reset: () => void (placed.length = 0),
    draw(context, data, settings) {
      if (!data.label) return;
      const size = settings.labelSize;
      context.font = `${settings.labelWeight} ${size}px ${settings.labelFont}`;
      const x = data.x + data.size + 3;
      const y = data.y + size / 3;
      const x2 = x + context.measureText(data.label).width;
      const top = y - size;
      const bottom = y + 4;
      for (let i = 0; i < placed.length; i += 4) {
        if (x < placed[i + 2]! && x2 > placed[i]! && top < placed[i + 3]! && bottom > placed[i + 1]!) return;
      }
      placed.push(x, top, x2, bottom);
      context.lineJoin = 'round';
      context.lineWidth = 3;
      context.strokeStyle = 'rgba(255, 255, 255, 0.92)';
      context.strokeText(data.label, x, y);
      context.fillStyle = '#202124';
      context.fillText(data.label, x, y);
    },
  };
}

export function createGraphView(container: HTMLElement, graph: DrawnGraph, events: GraphViewEvents): GraphView {
  let hiddenNodes: ReadonlySet<string> = new Set();
  let hiddenEdges: ReadonlySet<string> = new Set();
  let strength: (attrs: EdgeAttributes) => number = () => 0.5;
  let hovered: string | null = null;
  let selected: string | null = null;
  let other: string | null = null;
  /** The node in focus (hovered first, else selected) and its visible neighbours. */
  let focus: { node: string; around: Set<string> } | null = null;

  const updateFocus = () => {
    const node = hovered ?? (selected && graph.hasNode(selected) ? selected : null);
    if (!node) {
      focus = null;
      return;
    }
    const around = new Set<string>([node]);
    graph.forEachNeighbor(node, (n) => {
      if (!hiddenNodes.has(n)) around.add(n);
    });
    if (!hovered && other && graph.hasNode(other)) around.add(other);
    focus = { node, around };
  };

  const nodeReducer = (key: string, data: DrawnNode): Partial<NodeDisplayData> => {
    if (hiddenNodes.has(key)) return { ...data, hidden: true };
    if (!focus) return key === selected ? { ...data, highlighted: true } : data;
    if (key === focus.node || key === selected || key === other) return { ...data, highlighted: true, forceLabel: true, zIndex: 2 };
    // Neighbours get their labels too while there are few enough to read.
    if (focus.around.has(key)) return { ...data, zIndex: 1, forceLabel: focus.around.size <= MAX_FORCED_LABELS };
    return { ...data, color: DIMMED_NODE, label: '', zIndex: 0 };
  };

  const edgeReducer = (key: string, data: EdgeAttributes): Partial<EdgeDisplayData> => {
    if (hiddenEdges.has(key)) return { hidden: true };
    const size = MIN_EDGE + (MAX_EDGE - MIN_EDGE) * strength(data);
    if (!focus) return { size, color: EDGE_COLOR };
    const [s, t] = graph.extremities(key);
    if (selected && other && ((s === selected && t === other) || (s === other && t === selected))) return { size: Math.max(size, 2.5), color: PAIR_EDGE_COLOR, zIndex: 2 };
    if (s === focus.node || t === focus.node) return { size, color: FOCUS_EDGE_COLOR, zIndex: 1 };
    return { hidden: true };
  };

  const labels = labelDrawer();
  const sigma = new Sigma<DrawnNode, EdgeAttributes>(graph, container, {
    nodeReducer,
    edgeReducer,
    defaultDrawNodeLabel: labels.draw,
    labelFont: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
    labelSize: 13,
    labelWeight: '500',
    labelDensity: 1,
    labelGridCellSize: 90,
    labelRenderedSizeThreshold: 6,
    enableEdgeEvents: true,
    zIndex: true,
    hideEdgesOnMove: false,
    minCameraRatio: 0.02,
    maxCameraRatio: 4,
    stagePadding: 40,
  });

  // Sigma follows window resizes only; the details panel opening also changes the stage's width.
  const resizes = new ResizeObserver(([entry]) => {
    const { width, height } = sigma.getDimensions();
    if (entry && (Math.round(entry.contentRect.width) !== width || Math.round(entry.contentRect.height) !== height)) sigma.scheduleRefresh();
  });
  resizes.observe(container);

  const refreshStyle = () => sigma.refresh({ skipIndexation: true });

  sigma.on('enterNode', ({ node }) => {
    hovered = node;
    updateFocus();
    container.style.cursor = 'pointer';
    refreshStyle();
  });
  sigma.on('leaveNode', () => {
    hovered = null;
    updateFocus();
    container.style.cursor = '';
    refreshStyle();
  });
  sigma.on('enterEdge', () => (container.style.cursor = 'pointer'));
  sigma.on('leaveEdge', () => (container.style.cursor = ''));
  sigma.on('clickNode', ({ node }) => events.nodeClick(node));
  sigma.on('clickEdge', ({ edge }) => {
    const [s, t] = graph.extremities(edge);
    events.edgeClick(s, t);
  });
  sigma.on('clickStage', () => events.stageClick());
  sigma.on('beforeRender', () => labels.reset());
  sigma.on('afterRender', () => events.render());

  return {
    sigma,
    setFilter(result) {
      if (result.hiddenNodes === hiddenNodes && result.hiddenEdges === hiddenEdges) return;
      hiddenNodes = result.hiddenNodes;
      hiddenEdges = result.hiddenEdges;
      updateFocus();
      // Hidden nodes leave the label grid, so this refresh re-indexes.
      sigma.refresh();
    },
    setEdgeStrength(next) {
      if (next === strength) return;
      strength = next;
      refreshStyle();
    },
    setSelection(node, pair) {
      if (node === selected && pair === other) return;
      selected = node;
      other = pair;
      updateFocus();
      refreshStyle();
    },
    focusNode(key) {
      const data = sigma.getNodeDisplayData(key);
      if (!data) return;
      // Zoom so the node's visible neighbours fit, within limits: a hub stays in context,
      // an isolated node does not fill the screen.
      let extent = 0;
      graph.forEachNeighbor(key, (n) => {
        const d = sigma.getNodeDisplayData(n);
        if (d && !hiddenNodes.has(n)) extent = Math.max(extent, Math.abs(d.x - data.x), Math.abs(d.y - data.y));
      });
      const ratio = Math.min(1, Math.max(0.08, extent * 2.8));
      sigma.getCamera().animate({ x: data.x, y: data.y, ratio }, { duration: 450 });
    },
    kill() {
      resizes.disconnect();
      sigma.kill();
    },
  };
}
