/**
 * "How is A connected to B?": two names (id, key, label or alias, as on the command line), and
 * up to three shortest paths between them in the whole graph of the current slice — also for
 * entities the overview does not draw — each hop listed with the paragraphs behind it.
 * Paragraph texts are cable data: set as text only.
 */
import type { Dataset } from '../data/dataset.ts';
import { findEntity, type DatasetReader } from '../../core/dataset/read-dataset.ts';
import { SliceEvidence } from '../../core/slices/evidence.ts';
import { shortestPaths } from '../../core/slices/paths.ts';
import type { SliceFilter } from '../../core/slices/slice-index.ts';
import { Listeners, el } from '../dom.ts';

/** Paragraphs listed per hop (the hop says how many there are). */
const HOP_PARAGRAPHS = 5;

/** The page's dataset as the core's reader, for the core's evidence and path search. */
export function readerOf(dataset: Dataset): DatasetReader {
  const reader: DatasetReader = {
    manifest: dataset.manifest,
    entityCount: dataset.manifest.corpus.entities,
    graph: async () => dataset.graph,
    entity: (id) => dataset.entity(id),
    paragraph: (id) => dataset.paragraph(id),
    cable: (i) => dataset.cable(i),
    cables: () => Promise.all(Array.from({ length: dataset.manifest.corpus.cables }, (_, i) => dataset.cable(i))),
    searchShard: (q) => dataset.searchShard(q),
    findEntity: (name) => findEntity(reader, name),
    paragraphKeys: (shard) => dataset.paragraphKeys(shard),
    paragraphEntities: (shard) => dataset.paragraphEntities(shard),
    cableTable: () => dataset.cableTable(),
    cableTableShard: (shard) => dataset.cableTableShard(shard),
  };
  return reader;
}

export interface PathPanel {
  /**
   * "Path from here": the entity becomes the source (named by its label when that names it
   * alone, else by its key, which always does) and the target box takes the focus.
   */
  startFrom(entity: { id: number; key: string; label: string }): Promise<void>;
  dispose(): void;
}

/**
 * `open` opens an entity; `draw` is given the paths found (entity keys, first to last) for the
 * graph to show, and an empty list when they are cleared.
 */
export function createPathPanel(container: HTMLElement, dataset: Dataset, slice: () => SliceFilter, open: (key: string) => void, draw: (paths: string[][]) => void = () => {}): PathPanel {
  const listeners = new Listeners();
  const reader = readerOf(dataset);
  const from = el('input', { testid: 'path-from', attrs: { type: 'search', placeholder: 'From…', 'aria-label': 'Path from' } });
  const to = el('input', { testid: 'path-to', attrs: { type: 'search', placeholder: 'To…', 'aria-label': 'Path to' } });
  const find = el('button', { text: 'Find paths', testid: 'path-find', attrs: { type: 'submit' } });
  const results = el('div', { className: 'path-results', testid: 'path-results', attrs: { role: 'status' } });
  const clear = el('button', { text: 'Clear', testid: 'path-clear', attrs: { type: 'button' } });
  clear.hidden = true;
  const form = el('form', { className: 'path-form' }, [from, to, find, clear]);
  listeners.on(clear, 'click', () => {
    ticket++;
    results.replaceChildren();
    clear.hidden = true;
    draw([]);
  });
  const element = el('section', { className: 'path-panel', attrs: { 'aria-label': 'Path between two entities' } }, [el('h2', { text: 'Path' }), form, results]);
  container.append(element);

  let ticket = 0;
  listeners.on(form, 'submit', (e) => {
    e.preventDefault();
    void run(++ticket);
  });

  async function run(mine: number) {
    results.replaceChildren(el('p', { text: 'Searching…' }));
    try {
      const ends = [];
      for (const name of [from.value, to.value]) {
        const found = await reader.findEntity(name);
        if (!found.ok) {
          const list = found.candidates.map((c) => `${c.label} (${c.type})`).join(', ');
          results.replaceChildren(el('p', { text: found.problem === 'ambiguous' ? `'${name}' names several entities: ${list}` : `No entity named '${name}'${list ? `; did you mean ${list}?` : ''}` }));
          return;
        }
        ends.push(found.entity);
      }
      const evidence = new SliceEvidence(reader, slice());
      const paths = await shortestPaths(ends[0]!.id, ends[1]!.id, evidence, { k: 3 });
      if (mine !== ticket) return;
      if (paths.length === 0) {
        results.replaceChildren(el('p', { text: `No path from ${ends[0]!.label} to ${ends[1]!.label} within 6 hops in this slice.` }));
        return;
      }
      const labels = new Map<number, { key: string; label: string }>();
      for (const id of new Set(paths.flatMap((p) => p.nodes))) {
        const r = await reader.entity(id);
        labels.set(id, { key: r.key, label: r.label });
      }
      const blocks = [];
      for (const p of paths) {
        const chain = el('p', { className: 'path-chain' });
        p.nodes.forEach((id, i) => {
          if (i > 0) chain.append(` —${p.weights[i - 1]}— `);
          const button = el('button', { className: 'path-node', text: labels.get(id)!.label, attrs: { type: 'button' } });
          listeners.on(button, 'click', () => open(labels.get(id)!.key));
          chain.append(button);
        });
        const hops = [];
        for (let h = 0; h + 1 < p.nodes.length; h++) {
          const ids = await evidence.shared([p.nodes[h]!, p.nodes[h + 1]!]);
          const paragraphs = await evidence.paragraphs(ids.slice(0, HOP_PARAGRAPHS));
          hops.push(el('div', { className: 'path-hop', testid: 'path-hop' }, [
            el('h4', { text: `${labels.get(p.nodes[h]!)!.label} – ${labels.get(p.nodes[h + 1]!)!.label}: ${ids.length} paragraph${ids.length === 1 ? '' : 's'}` }),
            ...paragraphs.map((x) => el('p', { className: 'path-paragraph', testid: 'path-paragraph' }, [
              el('span', { className: 'path-cite', text: `${x.cable.id} ¶${x.record.n}${x.cable.date ? ` · ${x.cable.date}` : ''} ` }),
              el('span', { text: x.record.text }),
            ])),
          ]));
        }
        blocks.push(el('div', { className: 'path', testid: 'path' }, [chain, ...hops]));
      }
      if (mine !== ticket) return;
      results.replaceChildren(...blocks);
      clear.hidden = false;
      draw(paths.map((p) => p.nodes.map((id) => labels.get(id)!.key)));
    } catch (e) {
      if (mine === ticket) results.replaceChildren(el('p', { text: `Could not search: ${(e as Error).message}` }));
    }
  }

  return {
    async startFrom(entity) {
      const byLabel = await reader.findEntity(entity.label).catch(() => null);
      from.value = byLabel?.ok && byLabel.entity.id === entity.id ? entity.label : entity.key;
      element.scrollIntoView({ block: 'nearest' });
      to.focus();
    },
    dispose() {
      ticket++;
      listeners.dispose();
      element.remove();
    },
  };
}
