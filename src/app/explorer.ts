/**
 * The explorer: wires an opened dataset to the graph view, the controls, the legend, search and
 * the details panel, around one `ViewState` kept in the URL. Every change goes through
 * `change(update)`: the state is replaced, the URL written (a history entry for each committed
 * change, so back/forward work), and the view brought in line. `kill()` removes everything.
 */
import type Sigma from 'sigma';
import { OTHER_COLOR, drawnCommunities } from '../core/dataset/community-colors.ts';
import type { EdgeAttributes, EntityRecord } from '../core/dataset/format.ts';
import { createControls } from './controls.ts';
import type { Dataset } from './dataset.ts';
import { createDetailsPanel } from './details-panel.ts';
import { Listeners, el, plural } from './dom.ts';
import { drawnGraph, mostParagraphs } from './drawn-graph.ts';
import { addEgoNetwork, boundsOf, egoChange, removeEgoNetwork } from './ego-network.ts';
import type { EgoContext, EgoNetwork } from './ego-network.ts';
import { buildFilterIndex, createFilterPipeline } from './filters.ts';
import { createGraphView } from './graph-view.ts';
import { createLegend } from './legend.ts';
import { PAGE_SIZE } from './paragraph-list.ts';
import { createSearch } from './search.ts';
import { createStandoutsPanel } from './standouts-panel.ts';
import { searchKey } from './search-key.ts';
import { focusCommunity, fromParams, resetFilters, sameState, selectNode, setMinMentions, setMinWeight, setWeighting, toParams, toggleType } from './url-state.ts';
import type { ViewState } from './url-state.ts';
import { strengthScale, weightingById } from './weighting.ts';
import type { WeightingId } from './weighting.ts';

export interface ExplorerElements {
  graph: HTMLElement;
  controls: HTMLElement;
  legend: HTMLElement;
  search: HTMLElement;
  details: HTMLElement;
  empty: HTMLElement;
  figures: HTMLElement;
}

export interface ExplorerHooks {
  /** Each frame drawn by sigma. */
  rendered?(): void;
  /** The details panel shows its first paragraphs. */
  paragraphsShown?(): void;
  /** Between the steps of opening, named by the step done: the page yields there (pace.ts). */
  pace?(done: string): Promise<void>;
}

export interface Explorer {
  /** The renderer, for users' own scripts (graphToViewport, camera, events). */
  readonly sigma: Sigma;
  kill(): void;
}

export async function createExplorer(els: ExplorerElements, dataset: Dataset, hooks: ExplorerHooks = {}): Promise<Explorer> {
  const { manifest } = dataset;
  // Colours and legend rows go to the communities the overview draws.
  const { communities: drawn, counts: drawnByCommunity, colors } = drawnCommunities(manifest.communities, dataset.graph);
  const graph = await drawnGraph(dataset.graph, colors, hooks.pace);
  await hooks.pace?.('drawn graph');
  const listeners = new Listeners();

  const nodes = dataset.graph.nodes.map((n) => ({ key: n.key, ...n.attributes! }));
  const edges = graph.mapEdges((key, attributes, source, target) => ({ key, source, target, attributes }));
  const pipeline = createFilterPipeline(buildFilterIndex(nodes, edges));
  const edgeValues = edges.map((e) => e.attributes);
  const communityOf = new Map(nodes.map((n) => [n.key, n.community]));
  const inOverview = (key: string) => communityOf.has(key);
  const egoContext: EgoContext = {
    corpusParagraphs: manifest.corpus.paragraphs,
    colors,
    maxParagraphs: mostParagraphs(dataset.graph),
    bounds: boundsOf(graph),
  };
  /** The entity outside the overview drawn with its connections, if one is selected. */
  let ego: EgoNetwork | null = null;

  const strengths = new Map<WeightingId, (attrs: EdgeAttributes) => number>();
  const strengthFor = (id: WeightingId) => {
    let scale = strengths.get(id);
    if (!scale) strengths.set(id, (scale = strengthScale(weightingById(id)!, edgeValues)));
    return scale;
  };

  let state: ViewState = fromParams(new URLSearchParams(location.search));

  // Opening yields between steps; until it is done (the panels made), input changes nothing.
  let opened = false;
  const change = (update: (s: ViewState) => ViewState, commit = true) => {
    if (!opened) return;
    const next = update(state);
    const same = sameState(next, state);
    state = next;
    if (commit && !same) history.pushState(null, '', `?${toParams(state).toString()}${location.hash}`);
    apply();
  };

  const first = { filter: pipeline.run(state), strength: strengthFor(state.weighting) };
  await hooks.pace?.('filters');
  const view = await createGraphView(els.graph, graph, {
    nodeClick: (key) => change(selectNode(key)),
    nodeHover: (key) => prefetch(graph.getNodeAttribute(key, 'id')),
    edgeClick: (source, target) => change(selectNode(source, target)),
    stageClick: () => {
      if (state.node) change(selectNode(null));
    },
    render: () => hooks.rendered?.(),
    pace: hooks.pace,
  }, first);
  await hooks.pace?.('first frame');

  const typeCounts = new Map<string, number>();
  for (const n of nodes) typeCounts.set(n.type, (typeCounts.get(n.type) ?? 0) + 1);
  // Types in the manifest's order (most entities first), then any only the graph has.
  const types = [...new Set([...manifest.types.map((t) => t.type), ...typeCounts.keys()])].filter((t) => typeCounts.has(t));

  const controls = createControls(
    els.controls,
    {
      types: types.map((type) => ({ type, nodes: typeCounts.get(type)! })),
      communities: drawn.map((c) => ({ id: c.id, label: c.label || c.top.slice(0, 2).join(' · '), size: drawnByCommunity.get(c.id)! })),
      edges: edgeValues,
      mentions: nodes.map((n) => n.mentions),
      totalNodes: nodes.length,
    },
    {
      toggleType: (type, visible) => change(toggleType(type, visible)),
      weighting: (id) => change(setWeighting(id)),
      minWeight: (value, commit) => change(setMinWeight(value), commit),
      minMentions: (value, commit) => change(setMinMentions(value), commit),
      community: (id) => change(focusCommunity(id)),
      reset: () => change(resetFilters()),
    },
  );

  const legend = createLegend(els.legend, drawn, drawnByCommunity, colors, (id) => change(focusCommunity(id)));

  const communityInfo = new Map(manifest.communities.map((c) => [c.id, c]));
  const details = createDetailsPanel(
    els.details,
    dataset,
    (id) => ({ label: communityInfo.get(id)?.label || `Community ${id}`, color: colors.get(id) ?? OTHER_COLOR }),
    {
      entity: (id) => void openEntity(id),
      pair: (key, other) => change(selectNode(key, other)),
      close: () => change(selectNode(null)),
      shown: () => {
        hooks.paragraphsShown?.();
        drawSelection();
      },
    },
  );
  // What stands out, under the legend, once standouts.json is read (datasets built before it lack it).
  const standoutsRoot = el('section', { className: 'standouts', attrs: { 'data-testid': 'standouts' } });
  els.legend.after(standoutsRoot);
  let standouts: { dispose(): void } | null = null;
  const buildColors = new Map(graph.mapNodes((key, a) => [key, a.color] as const));
  void (dataset.standouts?.() ?? Promise.resolve(null)).then((file) => {
    if (!file || !standoutsRoot.isConnected) return standoutsRoot.remove();
    standouts = createStandoutsPanel(standoutsRoot, els.legend, file, {
      keyOf: new Map(nodes.map((n) => [n.id, n.key])),
      communityLabel: (id) => communityInfo.get(id)?.label || `Community ${id}`,
      color: (id) => colors.get(id) ?? OTHER_COLOR,
    }, {
      entity: (id) => void openEntity(id),
      pair: (source, target) => change(selectNode(source, target)),
      recolor: (map) => {
        graph.forEachNode((key, a) => graph.setNodeAttribute(key, 'color', map?.get(key) ?? buildColors.get(key) ?? a.color));
        view.redraw();
      },
      mark: (keys) => {
        const marked = new Set(keys);
        graph.forEachNode((key) => graph.setNodeAttribute(key, 'highlighted', marked.has(key)));
        view.redraw();
      },
    });
  }, () => standoutsRoot.remove());
  const c = manifest.corpus;
  const figures = `${plural(c.cables, 'cable')} · ${plural(c.paragraphs, 'paragraph')} · ${plural(c.entities, 'entity', 'entities')}`;
  const intro = {
    figures,
    top: [...nodes].sort((a, b) => b.paragraphs - a.paragraphs || a.label.localeCompare(b.label)).slice(0, 12),
  };

  const search = createSearch(els.search, dataset, (s) => void openEntity(s.id));

  /**
   * Fetches what opening an entity will need (its record, its first page of paragraphs and their
   * cables) while the pointer rests on it, so a click shows them at once. Reads are cached by
   * the data source; a failure here is left for the click to report.
   */
  function prefetch(id: number) {
    dataset
      .entity(id)
      .then((r) => Promise.all(r.postings.slice(0, PAGE_SIZE).map((p) => dataset.paragraph(p).then((paragraph) => dataset.cable(paragraph.cable)))))
      .catch(() => undefined);
  }

  /** Opens an entity by id (search, a mention): selects it and brings the camera to it. */
  async function openEntity(id: number) {
    const record = await dataset.entity(id);
    change(selectNode(record.key));
    if (graph.hasNode(record.key)) view.focusNode(record.key);
  }

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

  /** The records of the selection shown in the panel, which the graph draws once the text is up. */
  let selected: (EntityRecord | null)[] = [];

  /**
   * The graph follows the selection once the panel shows its paragraphs: with a big graph a
   * redraw takes a while, and the text is what the user clicked for.
   */
  function drawSelection() {
    showEgo(selected);
    view.setSelection(state.node, state.other);
  }

  let shownSelection = '';
  let ticket = 0;
  async function showSelection() {
    const selection = `${state.node ?? ''}\u0000${state.other ?? ''}`;
    if (selection === shownSelection) return;
    shownSelection = selection;
    const mine = ++ticket;
    if (!state.node) {
      selected = [];
      details.showIntro(intro);
      drawSelection();
      return;
    }
    try {
      const [a, b] = await Promise.all([recordOf(state.node), state.other ? recordOf(state.other) : Promise.resolve(null)]);
      if (mine !== ticket) return;
      selected = [a, b];
      if (!a || (state.other && !b)) {
        details.showMessage('Not in this dataset', `No entity '${!a ? state.node : state.other}' here: the link may come from another build.`);
        drawSelection();
      } else if (b) {
        const edge = graph.hasEdge(a.key, b.key) ? graph.getEdgeAttributes(graph.edge(a.key, b.key)!) : null;
        details.showPair(a, b, edge);
      } else details.showEntity(a);
    } catch (e) {
      if (mine !== ticket) return;
      selected = [];
      details.showMessage('Could not load this entity', (e as Error).message);
      drawSelection();
    }
  }

  /**
   * Brings the ego network in line with the selection, whose records are given: a selected
   * entity the overview lacks is drawn with its strongest connections and the camera goes there.
   */
  function showEgo(records: (EntityRecord | null)[]) {
    const next = egoChange(state.node, state.other, inOverview, ego);
    if (next.action === 'keep' || (next.action === 'clear' && !ego)) return;
    if (ego) removeEgoNetwork(graph, ego);
    ego = null;
    const record = next.action === 'draw' ? records.find((r) => r?.key === next.key) : undefined;
    if (record) ego = addEgoNetwork(graph, record, egoContext);
    view.redraw();
    if (ego) view.focusNode(ego.center);
  }

  let countsFor: Uint8Array | null = null;
  let visibleByCommunity = new Map<number, number>();
  function apply() {
    const result = pipeline.run(state);
    view.setFilter(result);
    view.setEdgeStrength(strengthFor(state.weighting));
    controls.update(state, result.visibleNodes, result.visibleEdges);
    if (countsFor !== result.nodeMask) {
      countsFor = result.nodeMask;
      visibleByCommunity = new Map();
      result.nodeMask.forEach((on, i) => {
        if (!on) return;
        const c = communityOf.get(nodes[i]!.key)!;
        visibleByCommunity.set(c, (visibleByCommunity.get(c) ?? 0) + 1);
      });
    }
    legend.update(state.community, visibleByCommunity);
    els.empty.hidden = result.visibleNodes > 0;
    void showSelection();
  }

  // The empty state offers the way out.
  const resetButton = el('button', { text: 'Reset filters', attrs: { type: 'button' } });
  els.empty.replaceChildren(el('p', { text: 'No entity passes these filters. Turn a type back on, lower the minimum mentions, or choose another community.' }), resetButton);
  listeners.on(resetButton, 'click', () => change(resetFilters()));

  els.figures.textContent = figures;

  listeners.on(window, 'popstate', () => {
    state = fromParams(new URLSearchParams(location.search));
    apply();
  });
  listeners.on(document, 'keydown', (e) => {
    if (e.key === 'Escape' && state.node && !(e.target instanceof HTMLInputElement)) change(selectNode(null));
  });

  opened = true;
  apply();
  if (state.node && graph.hasNode(state.node)) view.focusNode(state.node);
  await hooks.pace?.('panels');

  return {
    sigma: view.sigma as unknown as Sigma,
    kill() {
      ticket++;
      listeners.dispose();
      search.dispose();
      details.dispose();
      legend.dispose();
      standouts?.dispose();
      standoutsRoot.remove();
      controls.dispose();
      view.kill();
    },
  };
}
