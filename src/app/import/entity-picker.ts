/**
 * A name field that suggests entities of the open dataset as one types (from its search index,
 * like the search box), so a merge or a split names entities as the build knows them. What is
 * typed counts too: a name need not be in the graph to be written to the alias file.
 */
import type { Dataset } from '../data/dataset.ts';
import { Listeners, count, el } from '../dom.ts';
import { searchKey } from '../search/search-key.ts';
import { suggest, type Suggestion } from '../search/suggestions.ts';

export interface EntityPicker {
  readonly element: HTMLElement;
  readonly value: string;
  /** The suggestion chosen for the current text, if one was. */
  readonly chosen: Suggestion | null;
  clear(): void;
  dispose(): void;
}

const DEBOUNCE_MS = 80;
const SHOWN = 8;

export function createEntityPicker(dataset: () => Dataset | null, placeholder: string, onChoose: (s: Suggestion) => void = () => {}): EntityPicker {
  const listeners = new Listeners();
  const input = el('input', { attrs: { type: 'text', placeholder, autocomplete: 'off', spellcheck: 'false', 'aria-label': placeholder } });
  const list = el('ul', { className: 'suggestions picker-suggestions', attrs: { role: 'listbox' } });
  list.hidden = true;
  const element = el('div', { className: 'entity-picker' }, [input, list]);
  let chosen: Suggestion | null = null;
  let results: Suggestion[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;
  let asked = 0;

  const choose = (s: Suggestion) => {
    chosen = s;
    input.value = s.label;
    list.hidden = true;
    onChoose(s);
  };

  const lookup = async () => {
    const query = searchKey(input.value);
    const ticket = ++asked;
    const source = dataset();
    results = query.length >= 2 && source ? suggest(await source.searchShard(query), query, SHOWN) : [];
    if (ticket !== asked) return;
    list.replaceChildren(...results.map((s, i) => el('li', { attrs: { role: 'option', 'data-index': String(i) } }, [
      el('span', { className: 'label', text: s.label }),
      el('span', { className: `type-badge type-${s.type.replace(/[^\w-]/gu, '_')}`, text: s.type }),
      el('span', { className: 'n', text: `${count(s.paragraphs)} ¶` }),
    ])));
    list.hidden = results.length === 0;
  };

  listeners.on(input, 'input', () => {
    chosen = null;
    clearTimeout(timer);
    timer = setTimeout(() => void lookup().catch(() => (list.hidden = true)), DEBOUNCE_MS);
  });
  listeners.on(input, 'keydown', (e) => {
    if (e.key === 'Enter' && results[0] && !list.hidden) {
      e.preventDefault();
      choose(results[0]);
    } else if (e.key === 'Escape') list.hidden = true;
  });
  listeners.on(input, 'blur', () => {
    // Late enough for a click on a suggestion to land first.
    setTimeout(() => (list.hidden = true), 150);
  });
  listeners.on(list, 'mousedown', (e) => {
    const item = (e.target as HTMLElement).closest<HTMLElement>('li');
    const s = item ? results[Number(item.dataset.index)] : undefined;
    if (s) {
      e.preventDefault();
      choose(s);
    }
  });

  return {
    element,
    get value() {
      return input.value.trim();
    },
    get chosen() {
      return chosen;
    },
    clear() {
      input.value = '';
      chosen = null;
      list.hidden = true;
    },
    dispose() {
      clearTimeout(timer);
      listeners.dispose();
    },
  };
}
