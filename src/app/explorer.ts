/**
 * The explorer: wires an opened dataset to the graph view, the controls, the legend, search, the
 * details panel and the selection (state/selection.ts), around one `ViewState` kept in the URL. Every change goes through
 * `change(update)`: the state is replaced, the URL written (a history entry for each committed
 * change, so back/forward work), and the view brought in line. `kill()` removes everything.
 */
import type Sigma from 'sigma';
import { OTHER_COLOR, PALETTE, drawnCommunities } from '../core/dataset/appearance.ts';
import { communitySubtitle } from '../core/dataset/community-names.ts';
import type { EdgeAttributes } from '../core/dataset/format.ts';
import { createControls } from './panels/controls.ts';
import type { Dataset } from './data/dataset.ts';
import { createDetailsPanel } from './panels/details-panel.ts';
import { Listeners, el, plural } from './dom.ts';
import { drawnGraph, mostParagraphs } from './view/drawn-graph.ts';
import { boundsOf } from './view/ego-network.ts';
import type { EgoContext } from './view/ego-network.ts';
import { buildFilterIndex, createFilterPipeline, type FilterResult } from './state/filters.ts';
import { createGraphView, type CommunityFocus } from './view/graph-view.ts';
import { communityName, createLegend } from './panels/legend.ts';
import { createPanelToggles } from './panels/panel-toggles.ts';
import { createRegionLabels, regionsOf } from './view/region-labels.ts';
import type { RegionLabels } from './view/region-labels.ts';
import { PAGE_SIZE } from './panels/paragraph-list.ts';
import { createSearch } from './search/search.ts';
import { createViewExport } from './view/view-export.ts';
import { createSelection } from './state/selection.ts';
import { focusCommunity, fromParams, resetFilters, selectNode, setMinMentions, setMinWeight, setSlice, setWeighting, toParams, toggleType } from './state/url-state.ts';
import { loadSlicing, type Slicing } from './state/slicing.ts';
import { createSlicePanel, type SlicePanel } from './panels/slice-panel.ts';
import { createPathPanel } from './panels/path-panel.ts';
import type { ParagraphScope } from './panels/details-panel.ts';
import { sliceParagraphs } from '../core/slices/overview-slices.ts';
import { describeSlice, sliceSlug } from '../core/slices/slice-label.ts';
import { createCablePanel } from './panels/cable-panel.ts';
import type { SubsetWeights } from '../core/slices/subset-graph.ts';
import type { ViewState } from './state/url-state.ts';
import { strengthScale, weightingById } from './state/weighting.ts';
import type { WeightingId } from './state/weighting.ts';
import { createStandoutsPanel, type SliceScope, type StandoutsPanel } from './panels/standouts-panel.ts';
import { isWholeCorpus } from '../core/slices/slice-index.ts';
import { sliceStandouts } from '../core/standouts/slice-standouts.ts';
import { createReviewPanel, reviewScope, type ReviewPanel } from './panels/review-panel.ts';
import { indexedDbDecisions } from './import/kept-work.ts';

export interface ExplorerElements {
  graph: HTMLElement;
  /** A layer over the graph for the regions' names. */
  regions: HTMLElement;
  /** The page, whose classes fold the panels, and the panels' buttons. */
  app: HTMLElement;
  sideToggle: HTMLButtonElement;
  detailsToggle: HTMLButtonElement;
  controls: HTMLElement;
  legend: HTMLElement;
  search: HTMLElement;
  details: HTMLElement;
  empty: HTMLElement;
  figures: HTMLElement;
}

/** Entities listed by the intro and a focused community; members labelled on the graph when focused. */
const INTRO_TOP = 12;
const COMMUNITY_LABELS = 15;

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
  /** The entities whose labels are on screen. */
  labelsShown(): string[];
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
    state = update(state);
    // Compared with the URL, not the previous state: a drag changes the state uncommitted at
    // each move, and its release must still write the history entry.
    const written = toParams(state).toString();
    if (commit && written !== new URLSearchParams(location.search).toString()) history.pushState(null, '', `?${written}${location.hash}`);
    apply();
  };

  const first = { filter: pipeline.run(state), strength: strengthFor(state.weighting) };
  /** Made once the view is: the view's first frame comes before them. */
  let regionLabels: RegionLabels | null = null;
  await hooks.pace?.('filters');
  const view = await createGraphView(els.graph, graph, {
    nodeClick: (key) => {
      // A click without a hover first (touch, a test's pointer) fetches now what a hover would have.
      prefetch(key);
      change(selectNode(key));
    },
    nodeHover: (key) => prefetch(key),
    edgeClick: (source, target) => change(selectNode(source, target)),
    stageClick: () => {
      if (state.node) change(selectNode(null));
    },
    render: () => {
      regionLabels?.place();
      hooks.rendered?.();
    },
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
  const viewExport = createViewExport(els.controls, view.sigma as unknown as Sigma, 'cablegraph', () => {
    // The view is the slice's only once slicing has redrawn it.
    if (!slicing || !state.slice) return null;
    return { text: describeSlice(state.slice), slug: sliceSlug(state.slice) };
  });

  const legend = createLegend(els.legend, drawn, drawnByCommunity, colors, (id) => change(focusCommunity(id)));
  regionLabels = createRegionLabels(
    els.regions, view.sigma as unknown as Sigma,
    regionsOf(graph, drawn.slice(0, PALETTE.length).map((c) => ({ id: c.id, name: communityName(c), color: colors.get(c.id) ?? OTHER_COLOR }))),
    (id) => change(focusCommunity(state.community === id ? null : id)),
  );
  regionLabels.place();
  /** Members of each drawn community, most cited first. */
  const membersOf = new Map<number, typeof nodes>();
  for (const n of [...nodes].sort((a, b) => b.paragraphs - a.paragraphs || (a.key < b.key ? -1 : 1))) {
    let list = membersOf.get(n.community);
    if (!list) membersOf.set(n.community, (list = []));
    list.push(n);
  }
  const toggles = createPanelToggles(els, () => {
    if (state.node) change(selectNode(null));
    else if (state.community !== null) change(focusCommunity(null));
  });
  let shownCommunity: number | null = null;
  let focused: CommunityFocus | null = null;
  /** Focuses the view on the state's community; the camera moves only when the focus changes. */
  function applyCommunity() {
    const id = state.community;
    const changed = id !== shownCommunity;
    shownCommunity = id;
    if (changed) {
      const members = id === null ? undefined : membersOf.get(id);
      focused = members ? { id: id!, members: new Set(members.map((n) => n.key)), labelled: new Set(members.slice(0, COMMUNITY_LABELS).map((n) => n.key)) } : null;
    }
    view.setCommunity(focused, changed);
    regionLabels?.setFocus(id);
  }
  function showIdle() {
    const id = state.community;
    const info = id === null ? undefined : communityInfo.get(id);
    if (id === null || !info) {
      details.showIntro(intro);
      return;
    }
    details.showCommunity({
      id, name: communityName(info), subtitle: communitySubtitle(info.posts, info.years), color: colors.get(id) ?? OTHER_COLOR,
      size: info.size, drawn: drawnByCommunity.get(id) ?? 0,
      top: (membersOf.get(id) ?? []).slice(0, INTRO_TOP).map((n) => ({ id: n.id, label: n.label, type: n.type, paragraphs: n.paragraphs })),
    });
  }

  const communityInfo = new Map(manifest.communities.map((c) => [c.id, c]));
  const details = createDetailsPanel(
    els.details,
    dataset,
    (id) => ({ label: communityInfo.get(id)?.label || `Community ${id}`, color: colors.get(id) ?? OTHER_COLOR }),
    {
      entity: (id) => void openEntity(id),
      pair: (key, other) => change(selectNode(key, other)),
      close: () => change(selectNode(null)),
      back: () => change(focusCommunity(null)),
      shown: () => {
        hooks.paragraphsShown?.();
        // The graph follows once the text is painted: its redraw (hundreds of milliseconds in
        // software WebGL) would otherwise hold the paragraphs off the screen.
        requestAnimationFrame(() => setTimeout(() => selection.draw()));
      },
      pathFrom: (record) => void pathPanel.startFrom(record),
    },
    () => paragraphScope(),
  );
  // What stands out, under the legend, once standouts.json is read (datasets built before it lack it).
  const standoutsRoot = el('section', { className: 'standouts', attrs: { 'data-testid': 'standouts' } });
  els.legend.after(standoutsRoot);
  let standouts: StandoutsPanel | null = null;
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
    followSlice();
  }, () => standoutsRoot.remove());
  const c = manifest.corpus;
  const figures = `${plural(c.cables, 'cable')} · ${plural(c.paragraphs, 'paragraph')} · ${plural(c.entities, 'entity', 'entities')}`;
  const intro = {
    figures,
    top: [...nodes].sort((a, b) => b.paragraphs - a.paragraphs || a.label.localeCompare(b.label)).slice(0, INTRO_TOP),
  };

  const search = createSearch(els.search, dataset, (s) => void openEntity(s.id));
  const selection = createSelection({ dataset, graph, view, details, ego: egoContext, inOverview, idle: showIdle });
  /** Paths found in the path panel, drawn alone (their entities in the overview and the links between them) until cleared. */
  let drawnPaths: { nodes: Set<string>; edges: Set<string> } | null = null;
  const pathPanel = createPathPanel(els.controls.parentElement ?? els.controls, dataset, () => state.slice ?? {}, (key) => change(selectNode(key)), (paths) => {
    const nodes = new Set(paths.flat().filter((k) => graph.hasNode(k)));
    const edges = new Set<string>();
    for (const p of paths) {
      for (let i = 0; i + 1 < p.length; i++) {
        const key = graph.hasNode(p[i]!) && graph.hasNode(p[i + 1]!) ? graph.edge(p[i]!, p[i + 1]!) : undefined;
        if (key !== undefined) edges.add(key);
      }
    }
    drawnPaths = paths.length > 0 ? { nodes, edges } : null;
    apply();
  });
  const cablePanel = createCablePanel(els.controls.parentElement ?? els.controls, dataset);
  // The review queue, once review.json is read (datasets built before it lack it).
  let review: ReviewPanel | null = null;
  let killed = false;
  const side = els.controls.parentElement ?? els.controls;
  void (dataset.review?.() ?? Promise.resolve(null)).then(async (file) => {
    if (!file || killed) return;
    const panel = await createReviewPanel(side, file, indexedDbDecisions(reviewScope(manifest)), { entity: (id) => void openEntity(id) });
    if (killed) panel.dispose();
    else review = panel;
  }).catch((e: unknown) => {
    if (!killed) side.append(el('section', { className: 'path-panel', testid: 'review-panel', text: `The review queue could not be read: ${(e as Error).message}` }));
  });

  /**
   * Fetches what opening an entity will need (its record, its first page of paragraphs and their
   * cables) while the pointer rests on it, so a click shows them at once. Reads are cached by
   * the data source; a failure here is left for the click to report.
   */
  function prefetch(key: string) {
    if (!graph.hasNode(key)) return;
    const { id, first } = graph.getNodeAttributes(key);
    // The first paragraph's shard (and its cable's, fetched alongside) at once, the rest of the
    // page once the record names them: a hub's first page is mostly in that shard.
    if (first !== undefined) dataset.paragraph(first).catch(() => undefined);
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

  /**
   * Slices (timeline and facets) load on demand — they read every cable and the overview
   * entities' paragraphs — when asked for, or at once when the URL holds a slice.
   */
  let slicing: Slicing | null = null;
  let slicePanel: SlicePanel | null = null;
  let slicingLoad: Promise<void> | null = null;
  const stage = els.graph.parentElement ?? els.graph;
  const sliceToggle = el('button', { className: 'slice-toggle', text: 'Timeline & facets', testid: 'slice-toggle', attrs: { type: 'button' } });
  stage.append(sliceToggle);
  listeners.on(sliceToggle, 'click', () => void openSlicing());
  function openSlicing(): Promise<void> {
    slicingLoad ??= (async () => {
      sliceToggle.disabled = true;
      sliceToggle.textContent = 'Loading the timeline…';
      try {
        const loaded = await loadSlicing(dataset, graph);
        slicing = loaded;
        slicePanel = createSlicePanel(stage, loaded.counts({}).months, (slice, commit) => change(setSlice(slice), commit));
        sliceToggle.remove();
        apply();
      } catch (e) {
        slicingLoad = null;
        sliceToggle.disabled = false;
        sliceToggle.textContent = `Timeline unavailable: ${(e as Error).message}`;
      }
    })();
    return slicingLoad;
  }
  let scopeFor: { key: string; scope: ParagraphScope } | null = null;
  /** The slice drawn now, whose paragraphs alone the details panel lists; null while the whole corpus is drawn. */
  function paragraphScope(): ParagraphScope | null {
    if (!slicing || !state.slice) return null;
    const key = JSON.stringify(state.slice);
    if (scopeFor?.key !== key) {
      scopeFor = { key, scope: { mask: sliceParagraphs(slicing.slices.index, state.slice), caption: describeSlice(state.slice), slug: sliceSlug(state.slice) } };
    }
    return scopeFor.scope;
  }
  let sliceStrength: { weights: SubsetWeights; strength: (attrs: EdgeAttributes) => number } | null = null;
  /** What stands out in the current slice, for the weights it was computed from (a slice's weights are cached, so is this). */
  let sliceScope: { weights: SubsetWeights; scope: SliceScope } | null = null;
  /** The standouts panel follows the slice: its lists are the slice's while one is active, else the whole corpus's. */
  function followSlice(): void {
    if (!standouts) return;
    if (!slicing || !state.slice || isWholeCorpus(state.slice)) return standouts.follow(null);
    const weights = slicing.weights(state.slice);
    if (sliceScope?.weights !== weights) {
      const { slices } = slicing;
      const paragraphs = slicing.paragraphs(state.slice);
      const lists = sliceStandouts({
        base: slices.base, weights, paragraphs,
        community: Int32Array.from(slices.nodes, (k) => communityOf.get(k)!),
        node: (i) => ({ id: nodes[i]!.id, key: nodes[i]!.key, label: nodes[i]!.label }),
      });
      sliceScope = { weights, scope: { lists, cables: slicing.counts(state.slice).cables, paragraphs, entities: weights.nodes, links: weights.edges } };
    }
    standouts.follow(sliceScope.scope);
  }
  let sizedFor: SubsetWeights | null = null;

  let pathsFor: { input: FilterResult; paths: object; output: FilterResult } | null = null;
  /** The filter result narrowed to the drawn paths' entities and links (the same object while neither changes). */
  function onlyPaths(result: FilterResult, paths: { nodes: Set<string>; edges: Set<string> }): FilterResult {
    if (pathsFor?.input === result && pathsFor.paths === paths) return pathsFor.output;
    const hiddenNodes = new Set<string>();
    const nodeMask = new Uint8Array(result.nodeMask.length);
    nodes.forEach((n, i) => {
      if (paths.nodes.has(n.key)) nodeMask[i] = 1;
      else hiddenNodes.add(n.key);
    });
    const hiddenEdges = new Set<string>();
    const edgeMask = new Uint8Array(result.edgeMask.length);
    edges.forEach((e, i) => {
      if (paths.edges.has(e.key)) edgeMask[i] = 1;
      else hiddenEdges.add(e.key);
    });
    const output = { nodeMask, edgeMask, hiddenNodes, hiddenEdges, visibleNodes: paths.nodes.size, visibleEdges: paths.edges.size };
    pathsFor = { input: result, paths, output };
    return output;
  }

  let countsFor: Uint8Array | null = null;
  let visibleByCommunity = new Map<number, number>();
  function apply() {
    let result = pipeline.run(state);
    let strength = strengthFor(state.weighting);
    if (slicing) {
      let weights: SubsetWeights | null = null;
      if (state.slice) ({ result, weights } = slicing.narrow(result, state.slice));
      if (weights !== sizedFor) {
        slicing.resize(weights);
        sizedFor = weights;
      }
      // Thickness by shared paragraphs follows the slice; other weightings are the whole corpus's.
      if (weights && state.weighting === 'weight') {
        if (sliceStrength?.weights !== weights) sliceStrength = { weights, strength: slicing.strength(weights) };
        strength = sliceStrength.strength;
      }
      slicePanel?.update(state.slice ?? {}, slicing.counts(state.slice ?? {}), { nodes: result.visibleNodes, edges: result.visibleEdges });
    } else if (state.slice) {
      void openSlicing();
    }
    if (drawnPaths) result = onlyPaths(result, drawnPaths);
    view.setFilter(result);
    view.setEdgeStrength(strength);
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
    followSlice();
    applyCommunity();
    toggles.setDetailsWanted(state.node !== null || state.community !== null);
    els.empty.hidden = result.visibleNodes > 0;
    void selection.show(state.node, state.other, String(state.community), slicing && state.slice ? JSON.stringify(state.slice) : '');
  }

  // The empty state offers the way out.
  const resetButton = el('button', { text: 'Reset filters', attrs: { type: 'button' } });
  els.empty.replaceChildren(el('p', { text: 'No entity passes these filters. Turn a type back on or lower the minimum mentions.' }), resetButton);
  listeners.on(resetButton, 'click', () => change(resetFilters()));

  els.figures.textContent = figures;

  listeners.on(window, 'popstate', () => {
    state = fromParams(new URLSearchParams(location.search));
    apply();
  });
  listeners.on(document, 'keydown', (e) => {
    if (e.key !== 'Escape' || e.target instanceof HTMLInputElement) return;
    if (state.node) change(selectNode(null));
    else if (state.community !== null) change(focusCommunity(null));
  });

  opened = true;
  apply();
  if (state.node && graph.hasNode(state.node)) view.focusNode(state.node);
  await hooks.pace?.('panels');

  return {
    sigma: view.sigma as unknown as Sigma,
    labelsShown: () => [...view.labelsShown()],
    kill() {
      selection.dispose();
      listeners.dispose();
      slicePanel?.dispose();
      pathPanel.dispose();
      cablePanel.dispose();
      killed = true;
      review?.dispose();
      sliceToggle.remove();
      search.dispose();
      details.dispose();
      legend.dispose();
      regionLabels?.dispose();
      toggles.dispose();
      standouts?.dispose();
      standoutsRoot.remove();
      viewExport.dispose();
      controls.dispose();
      view.kill();
    },
  };
}
