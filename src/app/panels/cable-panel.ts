/**
 * A cable's place among the others: type a cable id (metadata.csv's or the header's) and see
 * what its REF lines reference and which cables reference it, with dates and subjects; choose
 * any of them to read its paragraphs. Reads the cable table's index on first use, then a detail
 * shard per cable shown (a dataset built before the table: every cable record, as references are
 * found in all of them). Cable text is data: set as text only.
 */
import { cableDirectory, type CableDirectory } from '../../core/slices/cable-directory.ts';
import type { Dataset } from '../data/dataset.ts';
import { Listeners, el } from '../dom.ts';

export interface CablePanel {
  dispose(): void;
}

export function createCablePanel(container: HTMLElement, dataset: Dataset): CablePanel {
  const listeners = new Listeners();
  const input = el('input', { testid: 'cable-id', attrs: { type: 'search', placeholder: 'Cable id (07PARIS2725)…', 'aria-label': 'Cable id' } });
  const go = el('button', { text: 'Open cable', testid: 'cable-open', attrs: { type: 'submit' } });
  const form = el('form', { className: 'path-form' }, [input, go]);
  const view = el('div', { className: 'cable-view', testid: 'cable-view', attrs: { role: 'status' } });
  const element = el('section', { className: 'path-panel', attrs: { 'aria-label': 'Cable references' } }, [el('h2', { text: 'Cable references' }), form, view]);
  container.append(element);

  let loaded: Promise<CableDirectory> | null = null;
  const load = () => (loaded ??= cableDirectory({
    cableTable: () => dataset.cableTable(),
    cableTableShard: (shard) => dataset.cableTableShard(shard),
    cables: () => Promise.all(Array.from({ length: dataset.manifest.corpus.cables }, (_, i) => dataset.cable(i))),
  }));
  // A failed read is forgotten, so opening again retries.
  const forget = () => { loaded = null; };

  let ticket = 0;
  listeners.on(form, 'submit', (e) => {
    e.preventDefault();
    void show(input.value, ++ticket);
  });

  async function show(id: string, mine: number) {
    view.replaceChildren(el('p', { text: 'Reading the cables…' }));
    try {
      const cables = await load().catch((e: unknown) => { forget(); throw e; });
      const found = cables.find(id);
      if (mine !== ticket) return;
      if (found.length !== 1) {
        view.replaceChildren(el('p', { text: found.length === 0 ? `No cable '${id}' in this dataset.` : `'${id}' names ${found.length} cables: ${found.map((c) => cables.facts(c).id).join(', ')}` }));
        return;
      }
      await render(found[0]!, cables, mine);
    } catch (e) {
      if (mine === ticket) view.replaceChildren(el('p', { text: `Could not read the cables: ${(e as Error).message}` }));
    }
  }

  const line = (cables: CableDirectory, c: number, subject: string, testid: string, note = '') => {
    const facts = cables.facts(c);
    const button = el('button', { className: 'path-node', text: facts.id, testid, attrs: { type: 'button' } });
    listeners.on(button, 'click', () => {
      input.value = facts.id;
      void show(facts.id, ++ticket);
    });
    return el('li', {}, [button, document.createTextNode(` ${facts.date || 'undated'} · ${subject || '(no subject)'}${note}`)]);
  };

  async function render(c: number, cables: CableDirectory, mine: number) {
    const facts = cables.facts(c);
    const [first, count] = cables.paragraphs(c);
    const [subject, { references, referencedBy }] = await Promise.all([cables.subject(c), cables.refs(c)]);
    const subjects = async (list: readonly { cable: number | null }[]) => Promise.all(list.map((r) => (r.cable === null ? '' : cables.subject(r.cable))));
    const [referenceSubjects, citingSubjects, paragraphs] = await Promise.all([
      subjects(references), subjects(referencedBy),
      Promise.all(Array.from({ length: count }, (_, i) => dataset.paragraph(first + i))),
    ]);
    if (mine !== ticket) return;
    view.replaceChildren(
      el('h3', { text: `${facts.id} · ${facts.date || 'undated'} · ${facts.origin}` }),
      el('p', { text: subject || '(no subject)' }),
      el('h4', { text: `References (${references.length})` }),
      el('ul', { testid: 'cable-references' }, references.map((r, i) => (r.cable === null
        ? el('li', { text: `${r.ref} (not in this dataset)` })
        : line(cables, r.cable, referenceSubjects[i]!, 'cable-ref', ` (as ${r.ref})`)))),
      el('h4', { text: `Referenced by (${referencedBy.length})` }),
      el('ul', { testid: 'cable-referenced-by' }, referencedBy.map((r, i) => line(cables, r.cable, citingSubjects[i]!, 'cable-cited-by', ` (as ${r.ref})`))),
      el('h4', { text: `Paragraphs (${count})` }),
      ...paragraphs.map((p) => el('p', { className: 'path-paragraph', testid: 'cable-paragraph' }, [el('span', { className: 'path-cite', text: `¶${p.n} ` }), el('span', { text: p.text })])),
    );
  }

  return {
    dispose() {
      ticket++;
      listeners.dispose();
      element.remove();
    },
  };
}
