/**
 * The search box: as the user types, the query is normalised like entity names, the one search
 * shard for its first two characters is fetched, and the best matches are listed (labels and
 * aliases; an alias match says which form matched), the most cited first (suggestions.ts), each
 * with its type and paragraphs. Arrow keys move, Enter or a click chooses, Escape closes.
 */
import type { Dataset } from '../data/dataset.ts';
import { Listeners, count, el } from '../dom.ts';
import { searchKey } from './search-key.ts';
import { suggest } from './suggestions.ts';
import type { Suggestion } from './suggestions.ts';

export interface Search {
  dispose(): void;
}

const DEBOUNCE_MS = 80;

export function createSearch(root: HTMLElement, dataset: Dataset, choose: (s: Suggestion) => void): Search {
  const listeners = new Listeners();
  const input = el('input', {
    testid: 'search',
    attrs: { type: 'search', placeholder: 'Search people, organisations, places…', autocomplete: 'off', spellcheck: 'false', role: 'combobox', 'aria-expanded': 'false', 'aria-controls': 'search-results', 'aria-autocomplete': 'list', 'aria-label': 'Search entities' },
  });
  const list = el('ul', { className: 'suggestions', attrs: { id: 'search-results', role: 'listbox' } });
  list.hidden = true;
  root.append(input, list);

  let results: Suggestion[] = [];
  let active = -1;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let asked = 0;

  const render = () => {
    list.replaceChildren();
    results.forEach((s, i) => {
      const aliasNote = searchKey(s.label) === s.matched || searchKey(s.label).includes(s.matched) ? null : el('span', { className: 'matched', text: `“${s.matched}”` });
      const item = el('li', { className: i === active ? 'active' : '', testid: 'suggestion', attrs: { id: `search-option-${i}`, role: 'option', 'aria-selected': String(i === active), 'data-index': String(i), 'data-type': s.type, 'data-paragraphs': String(s.paragraphs) } }, [
        el('span', { className: 'label', text: s.label }),
        aliasNote,
        el('span', { className: `type-badge type-${s.type.replace(/[^\w-]/gu, '_')}`, text: s.type }),
        el('span', { className: 'n', text: `${count(s.paragraphs)} ¶` }),
      ]);
      list.append(item);
    });
    list.hidden = results.length === 0;
    input.setAttribute('aria-expanded', String(!list.hidden));
    // Screen readers follow the active option while focus stays in the box.
    if (active >= 0 && results.length) {
      input.setAttribute('aria-activedescendant', `search-option-${active}`);
      list.children[active]?.scrollIntoView({ block: 'nearest' });
    } else input.removeAttribute('aria-activedescendant');
  };

  const lookup = async () => {
    const query = searchKey(input.value);
    const ticket = ++asked;
    if (query.length < 2) {
      results = [];
      render();
      return;
    }
    try {
      const entries = await dataset.searchShard(query);
      if (ticket !== asked) return;
      results = suggest(entries, query);
      active = results.length ? 0 : -1;
    } catch {
      // A search shard that cannot be read leaves the list empty; the graph still works.
      if (ticket !== asked) return;
      results = [];
    }
    render();
  };

  const pick = (i: number) => {
    const s = results[i];
    if (!s) return;
    results = [];
    render();
    input.value = s.label;
    input.blur();
    choose(s);
  };

  listeners.on(input, 'input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      void lookup();
    }, DEBOUNCE_MS);
  });
  listeners.on(input, 'keydown', (e) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      if (!results.length) return;
      active = (active + (e.key === 'ArrowDown' ? 1 : -1) + results.length) % results.length;
      render();
    } else if (e.key === 'Enter') {
      e.preventDefault();
      // Enter before the debounce fired: look up now, then take the first match.
      if (timer !== undefined) {
        clearTimeout(timer);
        timer = undefined;
        void lookup().then(() => pick(Math.max(0, active)));
      } else pick(Math.max(0, active));
    } else if (e.key === 'Escape') {
      results = [];
      active = -1;
      render();
    }
  });
  // mousedown, not click: a click would first blur the input and close the list.
  listeners.on(list, 'mousedown', (e) => {
    const item = (e.target as HTMLElement).closest<HTMLElement>('[data-index]');
    if (!item) return;
    e.preventDefault();
    pick(Number(item.dataset.index));
  });
  listeners.on(input, 'blur', () => {
    results = [];
    render();
  });

  return {
    dispose() {
      clearTimeout(timer);
      listeners.dispose();
      root.replaceChildren();
    },
  };
}
