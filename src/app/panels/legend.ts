/**
 * The legend: communities named by their most characteristic entities, with where and when their
 * cables come from, each with its colour and how many of its entities are visible out of those
 * drawn. Clicking one focuses the view on it; clicking it again
 * shows all communities. Communities past the palette share one grey row.
 */
import type { Manifest } from '../../core/dataset/format.ts';
import { OTHER_COLOR, PALETTE } from '../../core/dataset/appearance.ts';
import { communitySubtitle } from '../../core/dataset/community-names.ts';
import { Listeners, count, el } from '../dom.ts';

/** A community's name as the legend, the map and the panels say it. */
export function communityName(c: Pick<Manifest['communities'][number], 'id' | 'label' | 'top'>): string {
  return c.label || c.top.slice(0, 2).join(' · ') || `Community ${c.id}`;
}

export interface Legend {
  update(focused: number | null, visibleByCommunity: ReadonlyMap<number, number>): void;
  dispose(): void;
}

/**
 * `drawn` counts each community's entities in the overview graph; `communities[].size` counts
 * the whole corpus, which the overview may cut.
 */
export function createLegend(
  root: HTMLElement,
  communities: Manifest['communities'],
  drawn: ReadonlyMap<number, number>,
  colors: ReadonlyMap<number, string>,
  focus: (id: number | null) => void,
): Legend {
  const listeners = new Listeners();
  const named = communities.slice(0, PALETTE.length);
  const rest = communities.slice(PALETTE.length);
  const rows = new Map<number, { button: HTMLButtonElement; n: HTMLElement }>();
  const list = el('ul', { className: 'legend' });
  for (const c of named) {
    const swatch = el('span', { className: 'swatch' });
    swatch.style.background = colors.get(c.id) ?? OTHER_COLOR;
    const n = el('span', { className: 'n' });
    const button = el('button', { className: 'legend-row', title: c.top.length ? `Top entities: ${c.top.join(', ')}` : '', attrs: { type: 'button', 'data-community': String(c.id) } }, [
      swatch,
      el('span', { className: 'label' }, [
        el('span', { className: 'name', text: communityName(c), attrs: { 'data-testid': 'community-name' } }),
        el('span', { className: 'subtitle', text: communitySubtitle(c.posts, c.years) }),
      ]),
      n,
    ]);
    rows.set(c.id, { button, n });
    list.append(el('li', {}, [button]));
  }
  root.append(el('h2', { text: 'Communities' }), list);
  if (rest.length) {
    const swatch = el('span', { className: 'swatch' });
    swatch.style.background = OTHER_COLOR;
    const entities = rest.reduce((sum, c) => sum + c.size, 0);
    root.append(el('p', { className: 'legend-rest' }, [swatch, document.createTextNode(`${count(rest.length)} smaller communities (${count(entities)} entities)`)]));
  }

  let focused: number | null = null;
  listeners.on(list, 'click', (e) => {
    const row = (e.target as HTMLElement).closest<HTMLElement>('[data-community]');
    if (!row) return;
    const id = Number(row.dataset.community);
    focus(focused === id ? null : id);
  });

  return {
    update(next, visible) {
      focused = next;
      for (const c of named) {
        const row = rows.get(c.id)!;
        row.button.classList.toggle('focused', next === c.id);
        row.button.classList.toggle('faded', next !== null && next !== c.id);
        row.button.setAttribute('aria-pressed', String(next === c.id));
        const shown = visible.get(c.id) ?? 0;
        const total = drawn.get(c.id) ?? 0;
        row.n.textContent = shown === total ? count(total) : `${count(shown)}/${count(total)}`;
        row.n.title = `${count(shown)} visible of ${count(total)} drawn; ${count(c.size)} in the whole corpus`;
      }
    },
    dispose() {
      listeners.dispose();
      root.replaceChildren();
    },
  };
}
