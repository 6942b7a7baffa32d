import Graph from 'graphology';
import { describe, expect, it } from 'vitest';
import { createSelection } from '../../../src/app/state/selection.ts';
import type { Dataset } from '../../../src/app/data/dataset.ts';
import type { DetailsPanel } from '../../../src/app/panels/details-panel.ts';
import type { DrawnGraph, DrawnNode } from '../../../src/app/view/drawn-graph.ts';
import type { GraphView } from '../../../src/app/view/graph-view.ts';
import type { EdgeAttributes, EntityRecord } from '../../../src/core/dataset/format.ts';

function record(id: number, key: string): EntityRecord {
  return {
    id, key, label: key, type: 'ORG', types: { ORG: 1 }, aliases: [[key, 1]], origins: { tagger: 1 },
    mentions: 1, paragraphs: 1, cables: 1, community: 0, degree: 0, strength: 0, inOverview: true, neighbors: [], postings: [0],
  };
}

/** A drawn graph of `keys`, a dataset whose entity reads resolve when the test says so, and recording fakes. */
function setUp(keys: string[]) {
  const graph: DrawnGraph = new Graph<DrawnNode, EdgeAttributes>({ type: 'undirected' });
  keys.forEach((key, id) => graph.addNode(key, { id, label: key, entityType: 'ORG', community: 0, paragraphs: 1, x: id, y: 0, size: 3, color: '#000' } as DrawnNode));
  const pending = new Map<number, () => void>();
  const dataset = {
    entity: (id: number) => new Promise<EntityRecord>((resolve) => pending.set(id, () => resolve(record(id, keys[id]!)))),
    searchShard: async () => [],
  } as unknown as Dataset;
  const shown: string[] = [];
  const details = {
    showEntity: (r: EntityRecord) => shown.push(`entity ${r.key}`),
    showPair: (a: EntityRecord, b: EntityRecord) => shown.push(`pair ${a.key} ${b.key}`),
    showMessage: (title: string) => shown.push(`message ${title}`),
    showIntro: () => shown.push('intro'),
    dispose: () => {},
  } as unknown as DetailsPanel;
  const drawn: string[] = [];
  const view = { setSelection: (n: string | null, o: string | null) => drawn.push(`${n}|${o}`), redraw: () => {}, focusNode: () => {} } as unknown as GraphView;
  const selection = createSelection({
    dataset, graph, view, details, inOverview: (key) => graph.hasNode(key),
    ego: { corpusParagraphs: 1, colors: new Map(), maxParagraphs: 1, bounds: { minX: 0, minY: 0, maxX: 1, maxY: 1 } },
    idle: () => shown.push('intro'),
  });
  const settle = () => new Promise((r) => setTimeout(r, 0));
  return { selection, pending, shown, drawn, settle };
}

describe('createSelection(context)', () => {
  it('shows the last selection when an earlier one answers after it', async () => {
    const { selection, pending, shown, settle } = setUp(['pnp', 'vrae']);
    const first = selection.show('pnp', null);
    const second = selection.show('vrae', null);
    pending.get(1)!();
    await second;
    pending.get(0)!();
    await first;
    await settle();
    expect(shown).toEqual(['entity vrae']);
  });

  it('shows a pair, and the intro once nothing is selected, drawing the selection then', async () => {
    const { selection, pending, shown, drawn } = setUp(['pnp', 'vrae']);
    const pair = selection.show('pnp', 'vrae');
    pending.get(0)!();
    pending.get(1)!();
    await pair;
    await selection.show(null, null);
    expect(shown).toEqual(['pair pnp vrae', 'intro']);
    expect(drawn).toEqual(['null|null']);
  });

  it('does nothing when asked again for what it shows', async () => {
    const { selection, pending, shown } = setUp(['pnp']);
    const once = selection.show('pnp', null);
    pending.get(0)!();
    await once;
    await selection.show('pnp', null);
    expect(shown).toEqual(['entity pnp']);
  });

  it('says so when an entity is not in the dataset', async () => {
    const { selection, shown } = setUp(['pnp']);
    await selection.show('nowhere', null);
    expect(shown).toEqual(['message Not in this dataset']);
  });
});
