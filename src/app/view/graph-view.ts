/**
 * The sigma.js renderer over the drawn graph. Filters, hover and selection change what is drawn
 * through `nodeReducer` / `edgeReducer` and `refresh()`, never by writing to the graph. Hovering
 * a node, or selecting one, brings it and its visible neighbours forward and dims the rest.
 */
import { createNodeBorderProgram } from '@sigma/node-border';
import { fitViewportToNodes } from '@sigma/utils';
import Sigma from 'sigma';
import type { Settings } from 'sigma/settings';
import type { EdgeDisplayData, NodeDisplayData, PartialButFor } from 'sigma/types';
import type { EdgeAttributes } from '../../core/dataset/format.ts';
import type { DrawnGraph, DrawnNode } from './drawn-graph.ts';
import type { FilterResult } from '../state/filters.ts';
import { segmentDistance } from './geometry.ts';

export interface GraphViewEvents {
  nodeClick(key: string): void;
  /** The pointer entered a node: a click may follow. */
  nodeHover(key: string): void;
  edgeClick(source: string, target: string): void;
  stageClick(): void;
  /** Called after every frame sigma draws (the benchmark measures with it). */
  render(): void;
  /** Between making the renderer (WebGL contexts, shaders) and drawing the graph: the page yields there. */
  pace?(done: string): Promise<void>;
}

export interface GraphView {
  readonly sigma: Sigma<DrawnNode, EdgeAttributes>;
  setFilter(result: FilterResult): void;
  /** How strong an edge is, on [0, 1]: drives its thickness. */
  setEdgeStrength(strength: (attrs: EdgeAttributes) => number): void;
  setSelection(node: string | null, other: string | null): void;
  /**
   * Focuses a community: its members stay, the rest are dimmed, `labelled` members carry their
   * labels, and (when `fit`) the camera frames the community.
   */
  setCommunity(focus: CommunityFocus | null, fit: boolean): void;
  /** Moves the camera to a node. */
  focusNode(key: string): void;
  /** The nodes whose labels the last frame drew (for the benchmark's label coverage). */
  labelsShown(): ReadonlySet<string>;
  /** Draws at once what was just added to or taken from the graph (an ego network), so the camera can go there. */
  redraw(): void;
  kill(): void;
}

export interface CommunityFocus {
  id: number;
  members: ReadonlySet<string>;
  labelled: ReadonlySet<string>;
}

const DIMMED_NODE = '#dfe1e5';
const EDGE_COLOR = '#ccd0d7';
/** Links between two communities are drawn lighter: the map's regions read first. */
const BRIDGE_EDGE_COLOR = '#e8eaed';
const FOCUS_EDGE_COLOR = '#7b8190';
const PAIR_EDGE_COLOR = '#d93025';
const MAX_FORCED_LABELS = 12;
const HOVER_DELAY_MS = 60;
const MIN_EDGE = 0.4;
/** How far from an edge's line (in pixels) a click still picks it. */
const EDGE_CLICK_TOLERANCE = 4;
const MAX_EDGE = 4;
/** The pair's own edge is drawn at least this thick. */
const PAIR_EDGE_MIN = 2.5;
/** Pixels beyond a node's disc where a click still picks it. */
const NODE_CLICK_TOLERANCE = 3;
/** Labels: pixels between a node and its label, and the halo's width. */
const LABEL_GAP = 3;
const LABEL_HALO = 3;
/** The camera's zoom around a node: its visible neighbours fit, within these ratios. */
const FOCUS_RATIO = { min: 0.08, max: 1, fit: 2.8 };
const CAMERA_MS = 450;

type LabelData = PartialButFor<NodeDisplayData, 'x' | 'y' | 'size' | 'label' | 'color'>;

/**
 * Labels with a white halo, so they stay readable over edges, and never on top of each other:
 * sigma's label grid thins labels per cell, but labels from neighbouring cells can still
 * collide. Sigma hands us the labels to draw; we collect them and, once the frame is drawn,
 * place them biggest node first, skipping any that would overlap one already placed.
 */
function labelDrawer() {
  type Pending = { key: string; context: CanvasRenderingContext2D; label: string; x: number; y: number; size: number; font: string; labelSize: number };
  let pending: Pending[] = [];
  /** The nodes whose labels the last frame drew. */
  let shown = new Set<string>();
  return {
    shown: (): ReadonlySet<string> => shown,
    collect(context: CanvasRenderingContext2D, data: LabelData, settings: Settings<DrawnNode, EdgeAttributes>) {
      if (!data.label) return;
      const font = `${settings.labelWeight} ${settings.labelSize}px ${settings.labelFont}`;
      pending.push({ key: (data as { key?: string }).key ?? '', context, label: data.label, x: data.x + data.size + LABEL_GAP, y: data.y + settings.labelSize / 3, size: data.size, font, labelSize: settings.labelSize });
    },
    reset() {
      pending = [];
    },
    flush() {
      const placed: number[] = [];
      shown = new Set();
      pending.sort((a, b) => b.size - a.size || a.label.localeCompare(b.label));
      for (const p of pending) {
        const { context } = p;
        context.font = p.font;
        const x2 = p.x + context.measureText(p.label).width;
        const top = p.y - p.labelSize;
        const bottom = p.y + 4;
        let free = true;
        for (let i = 0; i < placed.length && free; i += 4) {
          if (p.x < placed[i + 2]! && x2 > placed[i]! && top < placed[i + 3]! && bottom > placed[i + 1]!) free = false;
        }
        if (!free) continue;
        placed.push(p.x, top, x2, bottom);
        shown.add(p.key);
        context.lineJoin = 'round';
        context.lineWidth = LABEL_HALO;
        context.strokeStyle = 'rgba(255, 255, 255, 0.92)';
        context.strokeText(p.label, p.x, p.y);
        context.fillStyle = '#202124';
        context.fillText(p.label, p.x, p.y);
      }
      pending = [];
    },
  };
}

/**
 * What the view draws first: the filters and edge strength of the state it opens on. Drawn from
 * the start, the explorer's first `setFilter` and `setEdgeStrength` change nothing, and a big
 * graph is drawn once at open rather than three times.
 */
export interface FirstDraw {
  filter: FilterResult;
  strength(attrs: EdgeAttributes): number;
}

/** The keys in one set and not the other. */
function changed(a: ReadonlySet<string>, b: ReadonlySet<string>): Set<string> {
  const out = new Set<string>();
  for (const k of a) if (!b.has(k)) out.add(k);
  for (const k of b) if (!a.has(k)) out.add(k);
  return out;
}

export async function createGraphView(container: HTMLElement, graph: DrawnGraph, events: GraphViewEvents, first: FirstDraw): Promise<GraphView> {
  let hiddenNodes: ReadonlySet<string> = first.filter.hiddenNodes;
  let hiddenEdges: ReadonlySet<string> = first.filter.hiddenEdges;
  let strength: (attrs: EdgeAttributes) => number = first.strength;
  let hovered: string | null = null;
  let selected: string | null = null;
  let other: string | null = null;
  let community: CommunityFocus | null = null;
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

  /** Links between two communities, found once: the reducer runs on every edge at every refresh. */
  const bridges = new Set<string>();
  graph.forEachEdge((key, _, __, ___, sa, ta) => {
    if (sa.community !== ta.community) bridges.add(key);
  });

  const dimmed = (data: DrawnNode): Partial<NodeDisplayData> => ({ ...data, color: DIMMED_NODE, ringColor: DIMMED_NODE, label: '', zIndex: 0 } as Partial<NodeDisplayData>);

  const nodeReducer = (key: string, data: DrawnNode): Partial<NodeDisplayData> => {
    if (hiddenNodes.has(key)) return { ...data, hidden: true };
    if (!focus) {
      if (key === selected) return { ...data, highlighted: true, forceLabel: true, zIndex: 2 };
      if (community && !community.members.has(key)) return dimmed(data);
      return community?.labelled.has(key) ? { ...data, forceLabel: true, zIndex: 1 } : data;
    }
    if (key === focus.node || key === selected || key === other) return { ...data, highlighted: true, forceLabel: true, zIndex: 2 };
    // Neighbours get their labels too while there are few enough to read.
    if (focus.around.has(key)) return { ...data, zIndex: 1, forceLabel: focus.around.size <= MAX_FORCED_LABELS };
    return dimmed(data);
  };

  const edgeReducer = (key: string, data: EdgeAttributes): Partial<EdgeDisplayData> => {
    if (hiddenEdges.has(key)) return { hidden: true };
    const size = MIN_EDGE + (MAX_EDGE - MIN_EDGE) * strength(data);
    if (!focus) {
      if (community) {
        const [s, t] = graph.extremities(key);
        if (!(community.members.has(s) && community.members.has(t))) return { hidden: true };
      }
      return { size, color: bridges.has(key) ? BRIDGE_EDGE_COLOR : EDGE_COLOR };
    }
    const [s, t] = graph.extremities(key);
    if (selected && other && ((s === selected && t === other) || (s === other && t === selected))) return { size: Math.max(size, PAIR_EDGE_MIN), color: PAIR_EDGE_COLOR, zIndex: 2 };
    if (s === focus.node || t === focus.node) return { size, color: FOCUS_EDGE_COLOR, zIndex: 1 };
    return { hidden: true };
  };

  const labels = labelDrawer();
  // Made on an empty copy and given the graph once its listeners are on: the one frame drawn at
  // open has its labels, and tells `events.render` (sigma draws at construction, before any listener).
  const sigma = new Sigma<DrawnNode, EdgeAttributes>(graph.emptyCopy(), container, {
    nodeReducer,
    edgeReducer,
    defaultDrawNodeLabel: labels.collect,
    labelFont: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
    labelSize: 13,
    labelWeight: '500',
    // The grid offers a few candidates per cell; the label drawer keeps the biggest nodes' labels
    // that do not collide, which is what keeps labels readable.
    labelDensity: 3,
    labelGridCellSize: 80,
    labelRenderedSizeThreshold: 6,
    // Edge picking renders every edge a second time on each frame, which software WebGL (as in
    // headless Chromium) pays dearly for; edges are found geometrically on click instead.
    enableEdgeEvents: false,
    zIndex: true,
    // Redrawing tens of thousands of edges on every frame of a pan or zoom makes it stutter.
    hideEdgesOnMove: graph.size > 10_000,
    minCameraRatio: 0.02,
    maxCameraRatio: 4,
    stagePadding: 40,
    // The fill is the community's colour; the ring is the entity type's (appearance.ts).
    nodeProgramClasses: {
      ring: createNodeBorderProgram({
        borders: [
          { size: { attribute: 'ringSize', defaultValue: 0 }, color: { attribute: 'ringColor' } },
          { size: { fill: true }, color: { attribute: 'color' } },
        ],
      }),
    },
    defaultNodeType: 'ring',
  });
  // Its own task, before any listener: a click meanwhile finds nothing to act on.
  await events.pace?.('renderer');

  /** The drawn edge nearest to a viewport point, within a few pixels of its line, or null. */
  const edgeAt = (x: number, y: number): string | null => {
    let best: string | null = null;
    let bestDistance = EDGE_CLICK_TOLERANCE;
    const position = new Map<string, { x: number; y: number }>();
    const at = (node: string) => {
      let p = position.get(node);
      if (!p) position.set(node, (p = sigma.framedGraphToViewport(sigma.getNodeDisplayData(node)!)));
      return p;
    };
    graph.forEachEdge((edge, attrs, source, target) => {
      const shown = edgeReducer(edge, attrs);
      if (shown.hidden) return;
      const a = at(source);
      const b = at(target);
      const distance = segmentDistance(x, y, a.x, a.y, b.x, b.y) - (shown.size ?? 1) / 2;
      if (distance < bestDistance) {
        bestDistance = distance;
        best = edge;
      }
    });
    return best;
  };

  /**
   * The node a click at a viewport point means: of the visible nodes whose disc (and a few pixels
   * around it) holds the point, one drawn in full before a dimmed one, then the nearest centre.
   * Sigma's own pick takes whatever is drawn on top, which can be a dimmed neighbour over a hub.
   */
  const nodeAt = (x: number, y: number): { node: string; dimmed: boolean } | null => {
    let best: { node: string; dimmed: boolean; distance: number } | null = null;
    const ratio = sigma.getCamera().getState().ratio;
    graph.forEachNode((node, attrs) => {
      const shown = nodeReducer(node, attrs);
      if (shown.hidden) return;
      const p = sigma.graphToViewport(attrs);
      const radius = sigma.scaleSize(attrs.size, ratio) + NODE_CLICK_TOLERANCE;
      const distance = Math.hypot(p.x - x, p.y - y);
      if (distance > radius) return;
      const isDimmed = shown.color === DIMMED_NODE;
      if (!best || (best.dimmed && !isDimmed) || (best.dimmed === isDimmed && distance < best.distance)) best = { node, dimmed: isDimmed, distance };
    });
    return best;
  };

  /**
   * A click: a node drawn in full is chosen; anything dimmed counts as background while
   * something is in focus, so a click in a dense region still clears the selection.
   */
  const click = (x: number, y: number) => {
    clearTimeout(hoverTimer);
    const hit = nodeAt(x, y);
    if (hit && !(hit.dimmed && (selected !== null || community !== null))) {
      // The selection that follows draws the focus; a pending hover redraw would only delay it.
      hovered = hit.node;
      events.nodeClick(hit.node);
      return;
    }
    const edge = hit ? null : edgeAt(x, y);
    if (edge) events.edgeClick(...graph.extremities(edge));
    else events.stageClick();
  };

  // Sigma follows window resizes only; the details panel opening also changes the stage's width.
  const resizes = new ResizeObserver(([entry]) => {
    const { width, height } = sigma.getDimensions();
    if (entry && (Math.round(entry.contentRect.width) !== width || Math.round(entry.contentRect.height) !== height)) sigma.scheduleRefresh();
  });
  resizes.observe(container);

  const refreshStyle = () => sigma.refresh({ skipIndexation: true });

  const focusSignature = () => `${focus?.node ?? ''}\u0000${selected ?? ''}\u0000${other ?? ''}\u0000${hovered === null}\u0000${community?.id ?? ''}`;
  /** What the reducers' focus depends on, as last drawn: a change that leaves it alone skips the redraw. */
  let drawnFocus = focusSignature();
  /** Recomputes the focus and redraws if what is drawn changes. */
  const restyle = () => {
    updateFocus();
    const signature = focusSignature();
    if (signature === drawnFocus) return;
    drawnFocus = signature;
    refreshStyle();
  };

  // The hover highlight waits for the pointer to rest briefly: sweeping across a dense graph
  // does not redraw it at every node, and a quick click is not delayed by a redraw before it.
  let hoverTimer: ReturnType<typeof setTimeout> | undefined;
  sigma.on('enterNode', ({ node }) => {
    container.style.cursor = 'pointer';
    events.nodeHover(node);
    clearTimeout(hoverTimer);
    hoverTimer = setTimeout(() => {
      hovered = node;
      restyle();
    }, HOVER_DELAY_MS);
  });
  sigma.on('leaveNode', () => {
    container.style.cursor = '';
    clearTimeout(hoverTimer);
    if (hovered === null) return;
    hovered = null;
    restyle();
  });
  sigma.on('clickNode', ({ event }) => click(event.x, event.y));
  sigma.on('clickStage', ({ event }) => click(event.x, event.y));
  sigma.on('beforeRender', () => labels.reset());
  sigma.on('afterRender', () => {
    labels.flush();
    events.render();
  });
  sigma.setGraph(graph);

  return {
    sigma,
    setFilter(result) {
      if (result.hiddenNodes === hiddenNodes && result.hiddenEdges === hiddenEdges) return;
      // Only what a filter shows or hides goes through the reducers again (a full refresh runs
      // them on all 30,000 links); the focus's nodes too, whose labels depend on how many show.
      const nodes = changed(hiddenNodes, result.hiddenNodes);
      const edges = changed(hiddenEdges, result.hiddenEdges);
      const before = focus?.around;
      hiddenNodes = result.hiddenNodes;
      hiddenEdges = result.hiddenEdges;
      updateFocus();
      drawnFocus = focusSignature();
      for (const n of [...(before ?? []), ...(focus?.around ?? [])]) nodes.add(n);
      // Not skipping the indexation: hidden nodes leave the label grid, which the process
      // rebuilds. (Writing the changes straight into the drawn buffers was faster on the main
      // thread, but a click that followed then waited a second for the GPU in software WebGL.)
      sigma.refresh({ partialGraph: { nodes: [...nodes], edges: [...edges] } });
    },
    setEdgeStrength(next) {
      if (next === strength) return;
      strength = next;
      refreshStyle();
    },
    setSelection(node, pair) {
      selected = node;
      other = pair;
      // Clicking the hovered node changes nothing drawn: restyle() then skips the redraw.
      restyle();
    },
    setCommunity(next, fit) {
      const changed = (next?.id ?? null) !== (community?.id ?? null);
      community = next;
      // Only a change of community redraws here: the selection's redraw waits for its text.
      if (changed) restyle();
      if (next && fit) {
        const members = [...next.members].filter((n) => graph.hasNode(n) && !hiddenNodes.has(n));
        if (members.length > 0) void fitViewportToNodes(sigma as unknown as Sigma, members, { animate: true });
      } else if (!next && fit) {
        void sigma.getCamera().animatedReset({ duration: CAMERA_MS });
      }
    },
    redraw() {
      updateFocus();
      drawnFocus = focusSignature();
      sigma.refresh();
    },
    labelsShown: () => labels.shown(),
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
      const ratio = Math.min(FOCUS_RATIO.max, Math.max(FOCUS_RATIO.min, extent * FOCUS_RATIO.fit));
      sigma.getCamera().animate({ x: data.x, y: data.y, ratio }, { duration: CAMERA_MS });
    },
    kill() {
      clearTimeout(hoverTimer);
      resizes.disconnect();
      sigma.kill();
    },
  };
}
