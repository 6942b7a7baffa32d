/**
 * The details panel: for an entity, its label, type, figures, the forms it is written in with
 * counts and why each was merged into it (core/entities/form-reasons.ts), strongest
 * neighbours (each opens the pair) and its source paragraphs; for a pair, the paragraphs where
 * both appear. It shows records it is given; what is selected is the caller's business.
 */
import type { EdgeAttributes, EntityRecord } from '../../core/dataset/format.ts';
import type { Dataset } from '../data/dataset.ts';
import { Listeners, count, el, plural } from '../dom.ts';
import { intersectSorted } from '../data/evidence.ts';
import { createParagraphList } from './paragraph-list.ts';
import type { ParagraphList } from './paragraph-list.ts';
import { formatThreshold } from '../state/weighting.ts';
import { formReasons } from '../../core/entities/form-reasons.ts';
import { entityKeyOfDatasetKey } from '../../core/dataset/dataset-key.ts';

export interface DetailsEvents {
  entity(id: number): void;
  pair(key: string, other: string): void;
  close(): void;
  /** Leave the focused community for the whole map. */
  back(): void;
  /** The first paragraphs are on screen. */
  shown(): void;
  /** "Path from here": the entity shown becomes the path's source. */
  pathFrom?(entity: EntityRecord): void;
}

export interface Community {
  label: string;
  color: string;
}

export interface Intro {
  figures: string;
  top: { id: number; label: string; type: string; paragraphs: number }[];
}

/** A focused community as the panel lists it. */
export interface CommunityView {
  id: number;
  name: string;
  subtitle: string;
  color: string;
  /** Entities in the whole corpus, and drawn in the overview. */
  size: number;
  drawn: number;
  top: Intro['top'];
}

export interface DetailsPanel {
  /** A focused community: its name, where and when, and its most cited members; Back leaves it. */
  showCommunity(view: CommunityView): void;
  showEntity(record: EntityRecord): void;
  showPair(a: EntityRecord, b: EntityRecord, edge: EdgeAttributes | null): void;
  showMessage(title: string, text: string): void;
  /** What the panel shows when nothing is selected: how to start, and the most cited entities. */
  showIntro(intro: Intro): void;
  dispose(): void;
}

/** The paragraphs the panel lists when a slice is drawn: those of its cables only. */
export interface ParagraphScope {
  /** 1 for each paragraph id in the slice. */
  mask: Uint8Array;
  /** The slice in words and as a file-name part (for the exported evidence). */
  caption: string;
  slug: string;
}

const ALIASES_SHOWN = 8;
const NEIGHBOURS_SHOWN = 12;

/** `scope` gives the slice drawn now, whose paragraphs alone the panel lists (null: the whole corpus). */
export function createDetailsPanel(root: HTMLElement, dataset: Dataset, community: (id: number) => Community, events: DetailsEvents, scope: () => ParagraphScope | null = () => null): DetailsPanel {
  const listeners = new Listeners();
  let list: ParagraphList | null = null;
  root.dataset.testid = 'details';

  /** The entity shown, for "Path from here". */
  let shownEntity: EntityRecord | null = null;
  const reset = () => {
    shownEntity = null;
    list?.dispose();
    list = null;
    root.replaceChildren();
  };

  const add = (...nodes: (Node | null)[]) => root.append(...nodes.filter((n): n is Node => n !== null));

  const closeButton = () => el('button', { className: 'close', text: '×', title: 'Close (Esc)', attrs: { type: 'button', 'aria-label': 'Close details', 'data-action': 'close' } });

  const typeBadge = (type: string) => el('span', { className: `type-badge type-${type.replace(/[^\w-]/gu, '_')}`, text: type });

  const communityChip = (id: number) => {
    const c = community(id);
    const swatch = el('span', { className: 'swatch' });
    swatch.style.background = c.color;
    return el('span', { className: 'community-chip', title: 'Community' }, [swatch, document.createTextNode(c.label)]);
  };

  const paragraphs = (ids: readonly number[], focus: number[], title: string, sliced: ParagraphScope | null) => {
    list = createParagraphList({ dataset, ids, focus: new Set(focus), title: sliced ? `${title} ${sliced.slug}` : title, onEntity: events.entity, onShown: events.shown });
    return list.element;
  };

  /** The ids in the slice, and the heading that says how many of how many. */
  const inScope = (ids: readonly number[], heading: string, sliced: ParagraphScope | null) => {
    if (!sliced) return { ids, heading: el('h3', { text: `${heading} (${count(ids.length)})` }) };
    const kept = ids.filter((p) => sliced.mask[p] === 1);
    return {
      ids: kept,
      heading: el('h3', { text: `${heading} in the slice (${count(kept.length)} of ${count(ids.length)})`, title: sliced.caption, attrs: { 'data-testid': 'paragraphs-in-slice' } }),
    };
  };

  const entityList = (top: Intro['top']) => {
    const list = el('ol', { className: 'neighbours intro-top' });
    for (const t of top) {
      list.append(el('li', {}, [el('button', { className: 'neighbour', title: `Open ${t.label}`, attrs: { type: 'button', 'data-action': 'entity', 'data-entity': String(t.id) } }, [
        el('span', { className: 'label', text: t.label }),
        typeBadge(t.type),
        el('span', { className: 'n', text: `${count(t.paragraphs)} ¶` }),
      ])]));
    }
    return list;
  };

  listeners.on(root, 'click', (e) => {
    const target = (e.target as HTMLElement).closest<HTMLElement>('[data-action]');
    if (!target) return;
    const { action, key, other, entity } = target.dataset;
    if (action === 'close') events.close();
    else if (action === 'back') events.back();
    else if (action === 'pair' && key && other) events.pair(key, other);
    else if (action === 'entity' && entity) events.entity(Number(entity));
    else if (action === 'more-aliases') target.parentElement?.classList.add('expanded');
    else if (action === 'path-from' && shownEntity) events.pathFrom?.(shownEntity);
  });

  return {
    showEntity(r) {
      reset();
      const sliced = scope();
      const listed = inScope(r.postings, 'Source paragraphs', sliced);
      const figures = el('p', { className: 'figures', text: `${plural(r.mentions, 'mention')} · ${plural(r.paragraphs, 'paragraph')} · ${plural(r.cables, 'cable')} · ${plural(r.degree, 'connection')}` });
      const otherTypes = Object.entries(r.types).filter(([t]) => t !== r.type);
      const typeNote = otherTypes.length
        ? el('p', { className: 'note', text: `Also tagged ${otherTypes.map(([t, n]) => `${t} ×${count(n)}`).join(', ')}.` })
        : null;
      const outside = r.inOverview ? null : el('p', { className: 'note', text: 'Not in the overview graph, which keeps the most mentioned entities: drawn here with its strongest connections.' });

      // Each form with its count and why it is in this entity (the rule that merged it).
      const aliases = el('ul', { className: 'forms', testid: 'forms' });
      formReasons(r, entityKeyOfDatasetKey(r.key)).forEach(({ form, count: n, rule, why }, i) => {
        aliases.append(el('li', { className: i >= ALIASES_SHOWN ? 'extra' : '', testid: 'form', attrs: rule === null ? {} : { 'data-rule': rule } }, [
          el('span', { className: 'form', text: form }),
          el('span', { className: 'n', text: count(n) }),
          why === '' ? null : el('span', { className: 'why', text: why }),
        ]));
      });
      if (r.aliases.length > ALIASES_SHOWN) {
        aliases.append(el('li', { className: 'more-toggle' }, [el('button', { text: `+${r.aliases.length - ALIASES_SHOWN} more`, attrs: { type: 'button', 'data-action': 'more-aliases' } })]));
      }

      const neighbours = el('ol', { className: 'neighbours' });
      for (const [, weight, key, label, type] of r.neighbors.slice(0, NEIGHBOURS_SHOWN)) {
        const button = el('button', { className: 'neighbour', title: `Paragraphs where ${r.label} and ${label} both appear`, attrs: { type: 'button', 'data-action': 'pair', 'data-key': r.key, 'data-other': key } }, [
          el('span', { className: 'label', text: label }),
          typeBadge(type),
          el('span', { className: 'n', text: count(weight) }),
        ]);
        neighbours.append(el('li', {}, [button]));
      }

      shownEntity = r;
      const pathFrom = events.pathFrom
        ? el('button', { className: 'path-from-here', text: 'Path from here', title: `Find how ${r.label} is connected to another entity`, attrs: { type: 'button', 'data-action': 'path-from', 'data-testid': 'path-from-here' } })
        : null;
      add(
        el('header', { className: 'details-head' }, [el('h2', { text: r.label }), closeButton()]),
        el('div', { className: 'badges' }, [typeBadge(r.type), communityChip(r.community), ...(pathFrom ? [pathFrom] : [])]),
        figures,
        typeNote,
        outside,
        el('h3', { text: 'Written as', title: 'Each form with its mentions, and why it was merged into this entity' }),
        aliases,
        r.neighbors.length ? el('h3', { text: 'Strongest connections', title: 'Shared paragraphs' }) : null,
        r.neighbors.length ? neighbours : null,
        listed.heading,
        paragraphs(listed.ids, [r.id], r.label, sliced),
      );
      root.scrollTop = 0;
    },

    showPair(a, b, edge) {
      reset();
      const sliced = scope();
      const listed = inScope(intersectSorted(a.postings, b.postings), 'Paragraphs where both appear', sliced);
      const shared = listed.ids;
      const entityLink = (r: EntityRecord) =>
        el('button', { className: 'entity-link', text: r.label, title: `Open ${r.label}`, attrs: { type: 'button', 'data-action': 'entity', 'data-entity': String(r.id) } });
      const measures = edge
        ? el('p', { className: 'note', text: `Jaccard ${formatThreshold(edge.jaccard)} · NPMI ${formatThreshold(edge.npmi)} · association ${formatThreshold(edge.association)} · α ${formatThreshold(edge.alpha)}` })
        : null;
      add(
        el('header', { className: 'details-head' }, [el('h2', {}, [entityLink(a), el('span', { className: 'dash', text: ' — ' }), entityLink(b)]), closeButton()]),
        el('div', { className: 'badges' }, [typeBadge(a.type), typeBadge(b.type)]),
        el('p', { className: 'figures', text: `${plural(shared.length, 'shared paragraph')}` }),
        measures,
        listed.heading,
        paragraphs(shared, [a.id, b.id], `${a.label} and ${b.label}`, sliced),
      );
      root.scrollTop = 0;
    },

    showMessage(title, text) {
      reset();
      root.append(el('header', { className: 'details-head' }, [el('h2', { text: title }), closeButton()]), el('p', { className: 'note', text }));
    },

    showCommunity(c) {
      reset();
      const swatch = el('span', { className: 'swatch' });
      swatch.style.background = c.color;
      add(
        el('header', { className: 'details-head' }, [
          el('h2', {}, [swatch, document.createTextNode(c.name)]),
          el('button', { className: 'back', text: '← Whole map', title: 'Back to every community (Esc)', attrs: { type: 'button', 'data-action': 'back', 'data-testid': 'community-back' } }),
        ]),
        c.subtitle ? el('p', { className: 'figures', text: c.subtitle }) : null,
        el('p', { className: 'figures', text: `${plural(c.size, 'entity', 'entities')} in the corpus · ${count(c.drawn)} drawn` }),
        el('h3', { text: 'Most mentioned in this community' }),
        entityList(c.top),
      );
      root.scrollTop = 0;
    },

    showIntro(intro) {
      reset();
      const list = entityList(intro.top);
      add(
        el('header', { className: 'details-head' }, [el('h2', { text: 'Who appears with whom' })]),
        el('p', { className: 'figures', text: intro.figures }),
        el('p', { className: 'intro', text: 'Each dot is an entity named in the cables, sized by the paragraphs that mention it and coloured by community; a line joins two entities mentioned in the same paragraph. Click a dot or a line, or search above, to read the paragraphs behind it.' }),
        el('h3', { text: 'Most mentioned' }),
        list,
      );
    },

    dispose() {
      list?.dispose();
      listeners.dispose();
      root.replaceChildren();
    },
  };
}
