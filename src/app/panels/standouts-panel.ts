/**
 * "What stands out" (standouts.json): brokers between communities, unusual pairings and the
 * least stable assignments, each a button that opens its evidence in the details panel (an
 * entity's paragraphs, or the paragraphs a pair shares); a choice of partition (the build's, one
 * of the other Louvain seeds, or their consensus) that recolours the drawn graph; unstable
 * entities marked on request; each community's stability beside it in the legend. Text is set
 * with textContent only. The lists are the whole corpus's (standouts.json, computed at build
 * time on every pair) until a slice (time range, facets) is active: then brokers and pairings are
 * the slice's (core/standouts/slice-standouts.ts, on the drawn overview recounted for the slice),
 * and the panel says so; stability stays the whole corpus's, and says that too.
 */
import type { StandoutsFile } from '../../core/dataset/format.ts';
import { Listeners, el } from '../dom.ts';

/** Rows per list. */
const SHOWN = 8;
/** Entities in their community's core in at most this share of seeds are "unstable". */
export const UNSTABLE = 0.5;

export interface StandoutsActions {
  entity(id: number): void;
  pair(source: string, target: string): void;
  /** Colour of each drawn node key, or null for the build's own colours. */
  recolor(colors: ReadonlyMap<string, string> | null): void;
  /** Node keys to mark (empty: none). */
  mark(keys: readonly string[]): void;
}

export interface StandoutsContext {
  /** The node key of each entity id the overview draws. */
  keyOf: ReadonlyMap<number, string>;
  communityLabel(id: number): string;
  color(id: number): string;
}

/**
 * Node colours for partition `choice` ('build', a seed index, or 'consensus'): each clustered
 * drawn node takes the colour of the build community its cluster was matched to (grey for none).
 */
export function partitionColors(file: StandoutsFile, choice: 'build' | 'consensus' | number, ctx: StandoutsContext): Map<string, string> | null {
  if (choice === 'build') return null;
  const { overview } = file.stability;
  const labels = choice === 'consensus' ? overview.consensus : overview.partitions[choice];
  if (!labels) return null;
  const colors = new Map<string, string>();
  overview.nodes.forEach((e, i) => {
    const key = ctx.keyOf.get(e);
    if (key !== undefined) colors.set(key, ctx.color(labels[i]!));
  });
  return colors;
}

/** What the lists are computed on, when a slice is active. */
export interface SliceScope {
  lists: Pick<StandoutsFile, 'brokers' | 'pairs'>;
  /** Cables and paragraphs in the slice; entities and links of the overview with paragraphs in it. */
  cables: number;
  paragraphs: number;
  entities: number;
  links: number;
}

export function createStandoutsPanel(root: HTMLElement, legend: HTMLElement, file: StandoutsFile, ctx: StandoutsContext, actions: StandoutsActions) {
  // Broker and pairing rows are rebuilt when the slice changes: their listeners go with them.
  let listeners = new Listeners();
  const panelListeners = new Listeners();
  const { stability } = file;
  const list = (rows: HTMLElement[]) => el('ol', { className: 'standouts-list' }, rows.map((r) => el('li', {}, [r])));
  const section = (title: string, note: string, rows: HTMLElement[]) =>
    el('section', {}, [el('h3', { text: title, title: note }), list(rows)]);
  const button = (testid: string, main: string, detail: string, title: string, onClick: () => void, on = listeners) => {
    const b = el('button', { className: 'standout', title, attrs: { type: 'button', 'data-testid': testid } }, [
      el('span', { className: 'label', text: main }), el('span', { className: 'n', text: detail }),
    ]);
    on.on(b, 'click', onClick);
    return b;
  };

  const brokerRows = (brokers: StandoutsFile['brokers']) => brokers.slice(0, SHOWN).map((b) => button('standout-broker', b.label,
    `${b.bridges.length} communities`,
    `Participation ${b.score.toFixed(2)}: ${b.strength} shared paragraphs over ${b.bridges.map((x) => `${ctx.communityLabel(x.community)} (${x.weight}: ${x.neighbors.map((n) => n.label).join(', ')})`).join('; ')}`,
    () => actions.entity(b.id)));
  const pairRows = (pairs: StandoutsFile['pairs']) => pairs.slice(0, SHOWN).map((p) => button('standout-pair', `${p.sourceLabel} — ${p.targetLabel}`,
    `${p.weight} ¶`,
    `NPMI ${p.npmi.toFixed(2)}; ${p.weight} shared paragraphs; communities ${ctx.communityLabel(p.communities[0])} / ${ctx.communityLabel(p.communities[1])}`,
    () => actions.pair(p.sourceKey, p.targetKey)));
  // Drawn entities first: they can be seen moving when the partition changes.
  const unstable = [...stability.entities].sort((x, y) => Number(ctx.keyOf.has(y.id)) - Number(ctx.keyOf.has(x.id)))
    .slice(0, SHOWN).map((u) => button('standout-unstable', u.label, `${Math.round(u.score * 100)}%`,
      `With ${ctx.communityLabel(u.community)}'s core in ${Math.round(u.score * stability.seeds.length)} of ${stability.seeds.length} Louvain seeds`,
      () => actions.entity(u.id), panelListeners));

  const select = el('select', { attrs: { 'data-testid': 'standout-partition', 'aria-label': 'Communities from' } });
  select.append(el('option', { text: 'This build', attrs: { value: 'build' } }));
  stability.seeds.forEach((seed, i) => select.append(el('option', { text: `Louvain seed ${seed}`, attrs: { value: String(i) } })));
  select.append(el('option', { text: `Consensus of ${stability.seeds.length} seeds`, attrs: { value: 'consensus' } }));
  panelListeners.on(select, 'change', () => {
    const v = select.value;
    actions.recolor(partitionColors(file, v === 'build' || v === 'consensus' ? v : Number(v), ctx));
  });
  const markBox = el('input', { attrs: { type: 'checkbox', 'data-testid': 'standout-mark-unstable' } });
  const unstableKeys = stability.overview.nodes.flatMap((e, i) => (stability.overview.scores[i]! <= UNSTABLE && ctx.keyOf.has(e) ? [ctx.keyOf.get(e)!] : []));
  panelListeners.on(markBox, 'change', () => actions.mark(markBox.checked ? unstableKeys : []));

  const scope = el('p', { className: 'standouts-scope', attrs: { 'data-testid': 'standouts-scope' } });
  const brokerSection = section('Brokers between communities', 'Highest participation coefficient over communities (weighted by shared paragraphs)', []);
  const pairSection = section('Unusual pairings', 'Seen together far more than their frequencies predict (NPMI, at least 2 shared paragraphs), across communities first', []);
  const unstableSection = section('Least stable assignments', `Share of ${stability.seeds.length} other Louvain seeds in which the entity stays with its community's core`, unstable);
  root.replaceChildren(
    el('h2', { text: 'What stands out' }),
    scope,
    brokerSection,
    pairSection,
    unstableSection,
    el('p', { className: 'standouts-controls' }, [el('label', {}, [document.createTextNode('Colour by '), select])]),
    el('p', { className: 'standouts-controls' }, [el('label', {}, [markBox, document.createTextNode(` Mark ${unstableKeys.length} unstable entities`)])]),
  );
  const n = (x: number) => x.toLocaleString('en');
  let shownFor: SliceScope | null | undefined;
  /** Shows the whole corpus's lists (null) or a slice's. */
  function follow(slice: SliceScope | null): void {
    if (slice === shownFor) return;
    shownFor = slice;
    listeners.dispose();
    listeners = new Listeners();
    const lists = slice?.lists ?? file;
    const empty = (what: string) => [el('span', { className: 'standouts-none', text: `No ${what} in this slice` })];
    brokerSection.lastElementChild!.replaceWith(list(lists.brokers.length > 0 || !slice ? brokerRows(lists.brokers) : empty('broker')));
    pairSection.lastElementChild!.replaceWith(list(lists.pairs.length > 0 || !slice ? pairRows(lists.pairs) : empty('pairing')));
    scope.textContent = slice
      ? `In this slice: ${n(slice.cables)} cables, ${n(slice.paragraphs)} paragraphs. Brokers and pairings from the drawn overview's ` +
        `${n(slice.entities)} entities and ${n(slice.links)} links, counting only the slice's paragraphs.`
      : 'In the whole corpus: every entity and every linked pair.';
    unstableSection.firstElementChild!.textContent = slice ? 'Least stable assignments (whole corpus)' : 'Least stable assignments';
  }
  follow(null);

  // Stability beside each community in the legend.
  const scores = new Map(stability.communities.map((c) => [c.id, c.score]));
  for (const row of legend.querySelectorAll<HTMLElement>('[data-community]')) {
    const score = scores.get(Number(row.dataset.community));
    if (score === undefined) continue;
    row.append(el('span', {
      className: 'stability', text: `${Math.round(score * 100)}%`,
      title: `Stability: its members' best match over ${stability.seeds.length} Louvain seeds (mean Jaccard ${score.toFixed(2)})`,
      attrs: { 'data-testid': 'legend-stability' },
    }));
  }

  return {
    follow,
    dispose() {
      listeners.dispose();
      panelListeners.dispose();
      root.remove();
    },
  };
}

export type StandoutsPanel = ReturnType<typeof createStandoutsPanel>;
