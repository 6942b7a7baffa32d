/**
 * What is selected, brought onto the page: the records of the selected entity (or pair) are
 * fetched, the details panel shows them, and once their paragraphs are up the graph follows —
 * the selection highlighted and, for an entity the overview does not draw, its ego network
 * drawn with the camera on it. Selections that arrive while another is loading win: an older
 * answer is dropped when it comes back.
 */
import type { EntityRecord } from '../../core/dataset/format.ts';
import type { Dataset } from '../data/dataset.ts';
import type { DetailsPanel } from '../panels/details-panel.ts';
import { searchKey } from '../search/search-key.ts';
import type { DrawnGraph } from '../view/drawn-graph.ts';
import { addEgoNetwork, egoChange, removeEgoNetwork } from '../view/ego-network.ts';
import type { EgoContext, EgoNetwork } from '../view/ego-network.ts';
import type { GraphView } from '../view/graph-view.ts';

export interface SelectionContext {
  dataset: Dataset;
  graph: DrawnGraph;
  view: GraphView;
  details: DetailsPanel;
  ego: EgoContext;
  /** Whether the overview draws an entity (an ego network's nodes do not count). */
  inOverview(key: string): boolean;
  /** Shows what the panel says when nothing is selected (the intro, or a focused community). */
  idle(): void;
}

export interface Selection {
  /**
   * Shows `node` (and the pair with `other`) unless that is already what is shown; with no node,
   * what `idle` shows, which `idleKey` names (a change of it shows it again). `scopeKey` names the
   * slice whose paragraphs the panel lists: a change of it shows the selection again.
   */
  show(node: string | null, other: string | null, idleKey?: string, scopeKey?: string): Promise<void>;
  /** Brings the graph in line with the selection shown (called once the panel's text is up). */
  draw(): void;
  /** Drops answers still on their way, and draws nothing more. */
  dispose(): void;
}

export function createSelection(context: SelectionContext): Selection {
  const { dataset, graph, view, details } = context;
  let ego: EgoNetwork | null = null;
  let node: string | null = null;
  let other: string | null = null;
  /** The records shown in the panel, which the graph draws once the text is up. */
  let records: (EntityRecord | null)[] = [];
  let shown = '';
  let ticket = 0;
  let disposed = false;

  /** The record of an entity key: through the graph when drawn, else through the search index. */
  async function recordOf(key: string): Promise<EntityRecord | null> {
    if (graph.hasNode(key)) return dataset.entity(graph.getNodeAttribute(key, 'id'));
    const entries = await dataset.searchShard(key);
    for (const [text, id] of entries) {
      if (text !== searchKey(key)) continue;
      const record = await dataset.entity(id);
      if (record.key === key) return record;
    }
    return null;
  }

  /**
   * Brings the ego network in line with the selection: a selected entity the overview lacks is
   * drawn with its strongest connections and the camera goes there.
   */
  function showEgo() {
    const next = egoChange(node, other, context.inOverview, ego);
    if (next.action === 'keep' || (next.action === 'clear' && !ego)) return;
    if (ego) removeEgoNetwork(graph, ego);
    ego = null;
    const record = next.action === 'draw' ? records.find((r) => r?.key === next.key) : undefined;
    if (record) ego = addEgoNetwork(graph, record, context.ego);
    view.redraw();
    if (ego) view.focusNode(ego.center);
  }

  function draw() {
    // Called a frame after the text is up, by when the view may be gone.
    if (disposed) return;
    showEgo();
    view.setSelection(node, other);
  }

  async function show(nextNode: string | null, nextOther: string | null, idleKey = '', scopeKey = '') {
    const selection = nextNode ? `${nextNode}\u0000${nextOther ?? ''}\u0000${scopeKey}` : `\u0001${idleKey}`;
    if (selection === shown) return;
    shown = selection;
    node = nextNode;
    other = nextOther;
    const mine = ++ticket;
    if (!node) {
      records = [];
      context.idle();
      draw();
      return;
    }
    try {
      const [a, b] = await Promise.all([recordOf(node), other ? recordOf(other) : Promise.resolve(null)]);
      if (mine !== ticket) return;
      records = [a, b];
      if (!a || (other && !b)) {
        details.showMessage('Not in this dataset', `No entity '${!a ? node : other}' here: the link may come from another build.`);
        draw();
      } else if (b) {
        const edge = graph.hasEdge(a.key, b.key) ? graph.getEdgeAttributes(graph.edge(a.key, b.key)!) : null;
        details.showPair(a, b, edge);
      } else details.showEntity(a);
    } catch (e) {
      if (mine !== ticket) return;
      records = [];
      details.showMessage('Could not load this entity', (e as Error).message);
      draw();
    }
  }

  return {
    show,
    draw,
    dispose() {
      ticket++;
      disposed = true;
    },
  };
}
