/**
 * A cable's place among the others: type a cable id (metadata.csv's or the header's) and see
 * what its REF lines reference and which cables reference it, with dates and subjects; choose
 * any of them to read its paragraphs. Reads every cable record on first use (references are
 * found in all of them). Cable text is data: set as text only.
 */
import type { CableRecord } from '../../core/dataset/format.ts';
import { cableRefGraph, findCables, type CableRefGraph } from '../../core/slices/cable-refs.ts';
import { cableFacts } from '../../core/slices/slice-index.ts';
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

  let loaded: Promise<{ cables: CableRecord[]; graph: CableRefGraph }> | null = null;
  const load = () => (loaded ??= (async () => {
    const cables = await Promise.all(Array.from({ length: dataset.manifest.corpus.cables }, (_, i) => dataset.cable(i)));
    return { cables, graph: cableRefGraph(cables) };
  })());

  let ticket = 0;
  listeners.on(form, 'submit', (e) => {
    e.preventDefault();
    void show(input.value, ++ticket);
  });

  async function show(id: string, mine: number) {
    view.replaceChildren(el('p', { text: 'Reading the cables…' }));
    try {
      const { cables, graph } = await load();
      const found = findCables(cables, id);
      if (mine !== ticket) return;
      if (found.length !== 1) {
        view.replaceChildren(el('p', { text: found.length === 0 ? `No cable '${id}' in this dataset.` : `'${id}' names ${found.length} cables: ${found.map((c) => cableFacts(cables[c]!).id).join(', ')}` }));
        return;
      }
      await render(found[0]!, cables, graph, mine);
    } catch (e) {
      if (mine === ticket) view.replaceChildren(el('p', { text: `Could not read the cables: ${(e as Error).message}` }));
    }
  }

  const line = (cables: CableRecord[], c: number, testid: string, note = '') => {
    const facts = cableFacts(cables[c]!);
    const button = el('button', { className: 'path-node', text: facts.id, testid, attrs: { type: 'button' } });
    listeners.on(button, 'click', () => {
      input.value = facts.id;
      void show(facts.id, ++ticket);
    });
    return el('li', {}, [button, document.createTextNode(` ${facts.date || 'undated'} · ${cables[c]!.subject || '(no subject)'}${note}`)]);
  };

  async function render(c: number, cables: CableRecord[], graph: CableRefGraph, mine: number) {
    const cable = cables[c]!;
    const facts = cableFacts(cable);
    const [first, count] = cable.paragraphs;
    const paragraphs = await Promise.all(Array.from({ length: count }, (_, i) => dataset.paragraph(first + i)));
    if (mine !== ticket) return;
    const references = graph.references[c]!;
    view.replaceChildren(
      el('h3', { text: `${facts.id} · ${facts.date || 'undated'} · ${facts.origin}` }),
      el('p', { text: cable.subject || '(no subject)' }),
      el('h4', { text: `References (${references.length})` }),
      el('ul', { testid: 'cable-references' }, references.map((r) => (r.cable === null
        ? el('li', { text: `${r.ref} (not in this dataset)` })
        : line(cables, r.cable, 'cable-ref', ` (as ${r.ref})`)))),
      el('h4', { text: `Referenced by (${graph.referencedBy[c]!.length})` }),
      el('ul', { testid: 'cable-referenced-by' }, graph.referencedBy[c]!.map((r) => line(cables, r.cable, 'cable-cited-by', ` (as ${r.ref})`))),
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
