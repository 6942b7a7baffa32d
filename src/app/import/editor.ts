/**
 * The lexicon and alias editor: add a term the tagger missed, merge one entity into another,
 * keep a name apart (split it out of the entity it was merged into), remove lines; then rebuild
 * from the files already dropped, or download the files for the command line. Edits go through
 * tables.ts (line-preserving text edits) and are checked with core's own parsers before they are
 * taken: a line core would reject is refused here with core's message.
 */
import { parseAliases } from '../../core/entities/aliases.ts';
import { parseLexicon } from '../../core/entities/lexicon.ts';
import { entityKey } from '../../core/entities/normalize.ts';
import { entityKeyOfDatasetKey } from '../../core/dataset/dataset-key.ts';
import type { Diagnostic } from '../../core/diagnostics.ts';
import type { TableFile, Tables } from '../../workers/protocol.ts';
import type { Dataset } from '../data/dataset.ts';
import { Listeners, count, el } from '../dom.ts';
import { createEntityPicker } from './entity-picker.ts';
import { NEW_ALIASES, NEW_LEXICON, addTerm, aliasLines, keepApart, lexiconLines, mergeInto, removeLine } from './tables.ts';
import { saveFile } from './save-file.ts';

export interface EditorEvents {
  /** Rebuild with these tables (only those edited since the last build). */
  rebuild(tables: Partial<Tables>): void;
  /** The tables as edited, after each edit (to keep them across a reload). */
  edited?(tables: Tables): void;
}

export interface Editor {
  /**
   * The dataset shown and the tables it was built with (null: none, or not known); `pending`:
   * edits made before a reload and not rebuilt yet, shown as edits.
   */
  load(dataset: Dataset, tables: Tables | null, canRebuild: boolean, pending?: Tables | null): void;
  showChanges(lines: string[]): void;
  setBusy(busy: boolean): void;
  toggle(): void;
  dispose(): void;
}

type Kind = 'lexicon' | 'aliases';

const baseName = (path: string) => path.slice(path.lastIndexOf('/') + 1);

export function createEditor(host: HTMLElement, events: EditorEvents): Editor {
  const listeners = new Listeners();
  let dataset: Dataset | null = null;
  let canRebuild = false;
  let busy = false;
  const tables: Record<Kind, TableFile> = { lexicon: { name: 'lexicon.tsv', text: NEW_LEXICON }, aliases: { name: 'aliases.tsv', text: NEW_ALIASES } };
  const built: Record<Kind, string> = { lexicon: NEW_LEXICON, aliases: NEW_ALIASES };

  const close = el('button', { className: 'close', text: '×', title: 'Close', attrs: { type: 'button', 'aria-label': 'Close the editor' } });
  const status = el('p', { className: 'editor-status', attrs: { role: 'status' } });
  const changes = el('ul', { className: 'editor-changes' });

  // Lexicon: add a term.
  const term = el('input', { attrs: { type: 'text', placeholder: 'term, e.g. cocaleros', 'aria-label': 'Term' } });
  const type = el('input', { attrs: { type: 'text', placeholder: 'TYPE', list: 'import-editor-types', 'aria-label': 'Type', size: '7' } });
  const types = el('datalist', { attrs: { id: 'import-editor-types' } });
  const variants = el('input', { attrs: { type: 'text', placeholder: 'other forms, separated by |', 'aria-label': 'Variants' } });
  const addButton = el('button', { text: 'Add term', attrs: { type: 'submit' } });
  const lexiconForm = el('form', { className: 'editor-form lexicon-form' }, [el('div', { className: 'row' }, [term, type]), variants, types, addButton]);
  const lexiconList = el('ul', { className: 'table-lines' });

  // Aliases: merge, and keep apart.
  const mergeFrom = createEntityPicker(() => dataset, 'merge this entity…');
  const mergeTo = createEntityPicker(() => dataset, '…into this one');
  const mergeButton = el('button', { text: 'Merge', attrs: { type: 'submit' } });
  const mergeForm = el('form', { className: 'editor-form merge-form' }, [mergeFrom.element, el('span', { className: 'arrow', text: '→' }), mergeTo.element, mergeButton]);
  const forms = el('div', { className: 'split-forms' });
  const splitPicker = createEntityPicker(() => dataset, 'entity whose forms to split, e.g. Lima', (s) => void showForms(s.id));
  const aliasList = el('ul', { className: 'table-lines' });

  const rebuildButton = el('button', { className: 'primary', text: 'Rebuild with these changes', testid: 'rebuild', attrs: { type: 'button' } });
  const downloadLexicon = el('button', { testid: 'download-lexicon', attrs: { type: 'button' } });
  const downloadAliases = el('button', { testid: 'download-aliases', attrs: { type: 'button' } });

  const root = el('aside', { className: 'import-editor', testid: 'import-editor', attrs: { 'aria-label': 'Lexicon and aliases' } }, [
    el('header', { className: 'details-head' }, [el('h2', { text: 'Lexicon & aliases' }), close]),
    el('p', { className: 'note', text: 'Teach the build what the tagger missed or split apart. Changes apply when you rebuild; download the files to use them with the command line (--lexicon, --aliases).' }),
    el('h3', { text: 'Add a term the tagger missed' }),
    lexiconForm,
    lexiconList,
    el('h3', { text: 'Merge two entities' }),
    mergeForm,
    el('h3', { text: 'Split a name out of an entity' }),
    splitPicker.element,
    forms,
    el('h3', { text: 'Alias lines' }),
    aliasList,
    el('div', { className: 'editor-actions' }, [rebuildButton, downloadLexicon, downloadAliases]),
    status,
    changes,
  ]);
  root.hidden = true;
  host.append(root);

  const say = (text: string, error = false) => {
    status.textContent = text;
    status.classList.toggle('error', error);
  };

  /** Core's complaints about `line` of an edited table, if any. */
  const complaints = (kind: Kind, text: string): Diagnostic[] =>
    kind === 'lexicon' ? parseLexicon(text, tables.lexicon.name).diagnostics : parseAliases(text, tables.aliases.name).diagnostics;

  /** Takes an edit unless core would reject the line it wrote (the file's last line). */
  const commit = (kind: Kind, text: string, done: string) => {
    const last = text.split('\n').length - 1;
    const bad = complaints(kind, text).find((d) => d.line === last);
    if (bad) return say(bad.message, true);
    tables[kind] = { ...tables[kind], text };
    say(done);
    render();
    events.edited?.({ ...tables });
  };

  const lineItem = (kind: Kind, line: number, parts: (Node | null)[]) => {
    const remove = el('button', { className: 'remove', text: '×', title: `Remove line ${line}`, attrs: { type: 'button', 'aria-label': `Remove line ${line}` } });
    remove.addEventListener('click', () => commitRemoval(kind, line));
    return el('li', {}, [...parts, remove]);
  };

  const commitRemoval = (kind: Kind, line: number) => {
    tables[kind] = { ...tables[kind], text: removeLine(tables[kind].text, line) };
    say(`Line ${line} removed from ${baseName(tables[kind].name)}.`);
    render();
    events.edited?.({ ...tables });
  };

  function render() {
    const badLines = (kind: Kind) => new Set(complaints(kind, tables[kind].text).map((d) => d.line));
    const badLexicon = badLines('lexicon');
    lexiconList.replaceChildren(...lexiconLines(tables.lexicon.text).map((l) => lineItem('lexicon', l.line, [
      el('span', { className: `term${badLexicon.has(l.line) ? ' bad' : ''}`, text: l.term, title: badLexicon.has(l.line) ? 'The build rejects this line: see Import problems' : '' }),
      el('span', { className: 'type-badge', text: l.type }),
      l.variants.length ? el('span', { className: 'variants', text: l.variants.join(' | ') }) : null,
    ])));
    const badAliases = badLines('aliases');
    aliasList.replaceChildren(...aliasLines(tables.aliases.text).map((l) => lineItem('aliases', l.line, [
      el('span', { className: `term${badAliases.has(l.line) ? ' bad' : ''}`, text: l.alias }),
      entityKey(l.alias) === entityKey(l.canonical)
        ? el('span', { className: 'kept', text: 'kept apart' })
        : el('span', { className: 'variants', text: `→ ${l.canonical}` }),
    ])));
    if (lexiconList.childElementCount === 0) lexiconList.append(el('li', { className: 'empty', text: 'No terms yet.' }));
    if (aliasList.childElementCount === 0) aliasList.append(el('li', { className: 'empty', text: 'No alias lines yet.' }));
    downloadLexicon.textContent = `Download ${baseName(tables.lexicon.name)}`;
    downloadAliases.textContent = `Download ${baseName(tables.aliases.name)}`;
    const dirty = tables.lexicon.text !== built.lexicon || tables.aliases.text !== built.aliases;
    rebuildButton.disabled = busy || !canRebuild || !dirty;
    rebuildButton.title = canRebuild ? (dirty ? '' : 'Nothing to rebuild: no change since the last build') : 'This dataset was not built in this page: drop its cables to rebuild it';
  }

  async function showForms(id: number) {
    const source = dataset;
    if (!source) return;
    const record = await source.entity(id);
    const splittable = record.aliases.filter(([form]) => entityKey(form) !== entityKeyOfDatasetKey(record.key));
    forms.replaceChildren(
      el('p', { className: 'note', text: splittable.length ? `${record.label} is also written as these names. Keep one apart to make it its own entity:` : `Every form of ${record.label} is the same name: nothing to split.` }),
      el('ul', { className: 'aliases' }, splittable.map(([form, n]) => {
        const button = el('button', { className: 'split', text: `${form} ×${count(n)}`, title: `Keep ${form} apart from ${record.label}`, attrs: { type: 'button' } });
        button.addEventListener('click', () => commit('aliases', keepApart(tables.aliases.text, form), `${form} will be kept apart from ${record.label}.`));
        return el('li', {}, [button]);
      })),
    );
  }

  listeners.on(lexiconForm, 'submit', (e) => {
    e.preventDefault();
    if (!term.value.trim() || !type.value.trim()) return say('A term needs a name and a type (PER, ORG, LOC, MISC, or one of your own such as GROUP).', true);
    commit('lexicon', addTerm(tables.lexicon.text, term.value, type.value, variants.value.split('|')), `${term.value.trim()} added to ${baseName(tables.lexicon.name)}.`);
    if (!status.classList.contains('error')) for (const input of [term, type, variants]) input.value = '';
  });
  listeners.on(mergeForm, 'submit', (e) => {
    e.preventDefault();
    const from = mergeFrom.value;
    const to = mergeTo.value;
    if (!from || !to) return say('Name both entities: the one to merge, and the one it becomes.', true);
    if (entityKey(from) === entityKey(to)) return say(`${from} and ${to} are already one name.`, true);
    commit('aliases', mergeInto(tables.aliases.text, from, to), `${from} will be merged into ${to}.`);
    if (!status.classList.contains('error')) {
      mergeFrom.clear();
      mergeTo.clear();
    }
  });
  listeners.on(rebuildButton, 'click', () => {
    const edited: Partial<Tables> = {};
    for (const kind of ['lexicon', 'aliases'] as const) if (tables[kind].text !== built[kind]) edited[kind] = tables[kind];
    events.rebuild(edited);
  });
  listeners.on(downloadLexicon, 'click', () => saveFile(baseName(tables.lexicon.name), tables.lexicon.text, 'text/tab-separated-values;charset=utf-8'));
  listeners.on(downloadAliases, 'click', () => saveFile(baseName(tables.aliases.name), tables.aliases.text, 'text/tab-separated-values;charset=utf-8'));
  listeners.on(close, 'click', () => (root.hidden = true));

  return {
    load(next, used, rebuildable, pending = null) {
      dataset = next;
      canRebuild = rebuildable;
      for (const kind of ['lexicon', 'aliases'] as const) {
        const table = used?.[kind] ?? { name: `${kind}.tsv`, text: kind === 'lexicon' ? NEW_LEXICON : NEW_ALIASES };
        tables[kind] = pending?.[kind] ?? table;
        built[kind] = table.text;
      }
      types.replaceChildren(...[...new Set([...next.manifest.types.map((t) => t.type), 'GROUP'])].map((t) => el('option', { attrs: { value: t } })));
      forms.replaceChildren();
      render();
    },
    showChanges(lines) {
      changes.replaceChildren(...lines.map((line) => el('li', { text: line })));
    },
    setBusy(value) {
      busy = value;
      render();
    },
    toggle() {
      root.hidden = !root.hidden;
    },
    dispose() {
      mergeFrom.dispose();
      mergeTo.dispose();
      splitPicker.dispose();
      listeners.dispose();
      root.remove();
    },
  };
}
