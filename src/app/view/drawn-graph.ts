/**
 * The graph sigma draws, derived from the dataset's overview graph: the same nodes and edges,
 * with display attributes computed once (colour by community, size by paragraphs). Filters,
 * hover and selection never touch it; they act through the view's reducers.
 */
import Graph from 'graphology';
import type { EdgeAttributes, GraphFile, NodeAttributes } from '../../core/dataset/format.ts';
import { OTHER_COLOR, nodeSize, typeRing } from '../../core/dataset/appearance.ts';
import type { Pace } from '../pace.ts';

/**
 * A node as drawn. `type` names a sigma program, so the entity type moves to `entityType`.
 * Overview nodes carry the rest of their graph.json attributes too; nodes an ego network adds
 * carry only these, and say which part of it they are.
 */
export interface DrawnNode extends Pick<NodeAttributes, 'id' | 'label' | 'community' | 'paragraphs' | 'first' | 'x' | 'y' | 'size'> {
  entityType: string;
  color: string;
  /** The type's ring (core/dataset/appearance.ts): share of the radius and shade. */
  ringSize: number;
  ringColor: string;
  ego?: 'center' | 'neighbor';
  /** Drawn as highlighted (label boxed): the standouts panel marks unstable entities so. */
  highlighted?: boolean;
}

export type DrawnGraph = Graph<DrawnNode, EdgeAttributes>;

/** The largest paragraph count among the overview's nodes: the top of the size scale. */
export function mostParagraphs(file: GraphFile): number {
  let most = 0;
  for (const n of file.nodes) most = Math.max(most, n.attributes!.paragraphs);
  return most;
}

/** Edges added per step of `pace`: 10,000 take about 20 ms here, so no step holds the page for long. */
export const EDGES_PER_STEP = 10_000;

/** Builds the drawn graph; `pace` is called between steps of `EDGES_PER_STEP` edges, named 'drawn graph'. */
export async function drawnGraph(file: GraphFile, colors: ReadonlyMap<number, string>, pace: Pace = async () => {}): Promise<DrawnGraph> {
  const graph = new Graph<DrawnNode, EdgeAttributes>({ type: 'undirected', multi: false, allowSelfLoops: false });
  const maxParagraphs = mostParagraphs(file);
  for (const n of file.nodes) {
    const a = n.attributes!;
    const { type, ...rest } = a;
    const ring = typeRing(type);
    graph.addNode(n.key, {
      ...rest, entityType: type, size: nodeSize(a.paragraphs, maxParagraphs), color: colors.get(a.community) ?? OTHER_COLOR,
      ringSize: ring.size, ringColor: ring.color,
    });
  }
  for (let i = 0; i < file.edges.length; i++) {
    if (i > 0 && i % EDGES_PER_STEP === 0) await pace('drawn graph');
    const e = file.edges[i]!;
    if (e.key !== undefined) graph.addEdgeWithKey(e.key, e.source, e.target, e.attributes!);
    else graph.addEdge(e.source, e.target, e.attributes!);
  }
  return graph;
}
