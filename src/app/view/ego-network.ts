/**
 * An entity the overview does not draw, brought into the view with its strongest connections.
 * Its entity record lists them with everything an edge needs (weight, the neighbour's paragraphs,
 * the disparity alpha), so nothing else is fetched. Neighbours already drawn keep their place;
 * the entity sits among them (weighted by shared paragraphs), the others on a ring around it,
 * strongest first. One ego network at a time: it goes when the selection leaves it.
 */
import type { EntityRecord } from '../../core/dataset/format.ts';
import { edgeAttributes } from '../../core/dataset/edge-attributes.ts';
import { OTHER_COLOR, nodeSize, typeRing } from '../../core/dataset/appearance.ts';
import type { DrawnGraph } from './drawn-graph.ts';

export interface EgoNetwork {
  center: string;
  /** Every node it shows (the centre, drawn neighbours and added ones). */
  members: ReadonlySet<string>;
  /** What it added to the graph, to take away again. */
  addedNodes: string[];
  addedEdges: string[];
}

export interface Bounds {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
}

export interface EgoContext {
  /** Paragraphs in the corpus (for NPMI and association). */
  corpusParagraphs: number;
  colors: ReadonlyMap<number, string>;
  /** Largest paragraph count drawn: sizes stay on the overview's scale. */
  maxParagraphs: number;
  /** The overview's extent: the ego network is placed inside it so the camera's frame holds. */
  bounds: Bounds;
}

/** Ring radius, as a share of the overview's larger side. */
const RING = 0.06;

export function boundsOf(graph: DrawnGraph): Bounds {
  const b = { minX: Infinity, minY: Infinity, maxX: -Infinity, maxY: -Infinity };
  graph.forEachNode((_, a) => {
    b.minX = Math.min(b.minX, a.x);
    b.minY = Math.min(b.minY, a.y);
    b.maxX = Math.max(b.maxX, a.x);
    b.maxY = Math.max(b.maxY, a.y);
  });
  return Number.isFinite(b.minX) ? b : { minX: -1, minY: -1, maxX: 1, maxY: 1 };
}

/** `count` points evenly on a circle, the first straight above the centre. */
export function ring(x: number, y: number, radius: number, count: number): { x: number; y: number }[] {
  return Array.from({ length: count }, (_, i) => {
    const angle = -Math.PI / 2 + (2 * Math.PI * i) / count;
    return { x: x + radius * Math.cos(angle), y: y + radius * Math.sin(angle) };
  });
}

/**
 * Where the centre goes: among its drawn neighbours (weighted mean), else among the drawn nodes
 * of its community, else in the middle; pulled inside the bounds by the ring's radius.
 */
export function egoCenter(
  drawnNeighbors: readonly { x: number; y: number; weight: number }[],
  community: readonly { x: number; y: number }[],
  bounds: Bounds,
  radius: number,
): { x: number; y: number } {
  const mean = (points: readonly { x: number; y: number; weight?: number }[]) => {
    let x = 0;
    let y = 0;
    let total = 0;
    for (const p of points) {
      const w = p.weight ?? 1;
      x += w * p.x;
      y += w * p.y;
      total += w;
    }
    return { x: x / total, y: y / total };
  };
  const at = drawnNeighbors.length ? mean(drawnNeighbors) : community.length ? mean(community) : { x: (bounds.minX + bounds.maxX) / 2, y: (bounds.minY + bounds.maxY) / 2 };
  const clamp = (v: number, lo: number, hi: number) => (lo > hi ? (lo + hi) / 2 : Math.min(hi, Math.max(lo, v)));
  return { x: clamp(at.x, bounds.minX + radius, bounds.maxX - radius), y: clamp(at.y, bounds.minY + radius, bounds.maxY - radius) };
}

/** Adds `record` (not drawn yet) and its listed neighbours to the graph. */
export function addEgoNetwork(graph: DrawnGraph, record: EntityRecord, context: EgoContext): EgoNetwork {
  const { bounds, colors, maxParagraphs, corpusParagraphs } = context;
  const radius = RING * Math.max(bounds.maxX - bounds.minX, bounds.maxY - bounds.minY, 1e-9);
  const drawn = record.neighbors.filter(([, , key]) => graph.hasNode(key));
  const missing = record.neighbors.filter(([, , key]) => !graph.hasNode(key));
  // The community's nodes are the fallback place: looked for only when no neighbour is drawn.
  const community: { x: number; y: number }[] = [];
  if (drawn.length === 0) {
    graph.forEachNode((_, a) => {
      if (a.community === record.community) community.push(a);
    });
  }
  const center = egoCenter(drawn.map(([, weight, key]) => ({ ...positionOf(graph, key), weight })), community, bounds, radius);

  const node = (id: number, label: string, type: string, communityId: number, paragraphs: number, at: { x: number; y: number }, ego: 'center' | 'neighbor') => ({
    id, label, entityType: type, community: communityId, paragraphs, x: at.x, y: at.y, ego,
    size: nodeSize(paragraphs, Math.max(maxParagraphs, paragraphs)),
    color: colors.get(communityId) ?? OTHER_COLOR,
    ringSize: typeRing(type).size,
    ringColor: typeRing(type).color,
  });
  graph.addNode(record.key, node(record.id, record.label, record.type, record.community, record.paragraphs, center, 'center'));
  const addedNodes = [record.key];
  const places = ring(center.x, center.y, radius, missing.length);
  missing.forEach(([id, , key, label, type, c, paragraphs], i) => {
    graph.addNode(key, node(id, label, type, c, paragraphs, places[i]!, 'neighbor'));
    addedNodes.push(key);
  });
  const addedEdges = record.neighbors.map(([, weight, key, , , , paragraphs, alpha]) =>
    graph.addEdge(record.key, key, edgeAttributes(weight, record.paragraphs, paragraphs, corpusParagraphs, alpha)));
  return { center: record.key, members: new Set([record.key, ...record.neighbors.map(([, , key]) => key)]), addedNodes, addedEdges };
}

export function removeEgoNetwork(graph: DrawnGraph, ego: EgoNetwork): void {
  for (const edge of ego.addedEdges) if (graph.hasEdge(edge)) graph.dropEdge(edge);
  for (const node of ego.addedNodes) if (graph.hasNode(node)) graph.dropNode(node);
}

export type EgoChange = { action: 'keep' } | { action: 'clear' } | { action: 'draw'; key: string };

/**
 * What the selection (a node, or a pair) asks of the ego network: keep it while the selection
 * stays within it; draw the one of a selected entity the overview lacks; else clear it.
 */
export function egoChange(node: string | null, other: string | null, inOverview: (key: string) => boolean, current: EgoNetwork | null): EgoChange {
  if (!node) return { action: 'clear' };
  if (current && current.members.has(node) && (other === null ? node === current.center : current.members.has(other))) return { action: 'keep' };
  if (!inOverview(node)) return { action: 'draw', key: node };
  if (other && !inOverview(other)) return { action: 'draw', key: other };
  return { action: 'clear' };
}

function positionOf(graph: DrawnGraph, key: string): { x: number; y: number } {
  const a = graph.getNodeAttributes(key);
  return { x: a.x, y: a.y };
}
