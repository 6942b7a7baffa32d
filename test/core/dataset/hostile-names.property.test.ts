import fc from 'fast-check';
import Graph from 'graphology';
import { describe, expect, it } from 'vitest';
import { buildFromFiles } from '../../../src/core/dataset/build-from-files.ts';
import { datasetKey, entityKeyOfDatasetKey } from '../../../src/core/dataset/dataset-key.ts';
import { DEFAULT_DATASET_OPTIONS } from '../../../src/core/dataset/build-dataset.ts';
import { GRAPH_PATH, type EntityRecord, type GraphFile } from '../../../src/core/dataset/format.ts';
import { readCable } from '../../../src/core/cable/read-cable.ts';
import { resolveCable, resolveOptions } from '../../../src/core/entities/resolve-cable.ts';
import { EMPTY_LEXICON } from '../../../src/core/entities/lexicon.ts';
import { EMPTY_ALIASES } from '../../../src/core/entities/aliases.ts';
import { memoryDataSource } from '../../../src/app/data/data-source.ts';
import { openDataset } from '../../../src/app/data/dataset.ts';
import { drawnGraph } from '../../../src/app/view/drawn-graph.ts';
import { addEgoNetwork, boundsOf, removeEgoNetwork } from '../../../src/app/view/ego-network.ts';
import { searchKey } from '../../../src/app/search/search-key.ts';
import { suggest } from '../../../src/app/search/suggestions.ts';
import { DEFAULT_STATE, fromParams, selectNode, toParams } from '../../../src/app/state/url-state.ts';

/** Every name a plain object answers to, and near misses of them. */
const HOSTILE = [
  'constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf', 'prototype', 'isPrototypeOf',
  'propertyIsEnumerable', 'toLocaleString', '__defineGetter__', '__lookupSetter__', 'Constructor', 'CONSTRUCTOR',
  "constructor 's", 'proto', '~constructor', '~~x', '~', 'length', 'then', 'Bolivian', 'Evo Morales',
];

const anchor = (n: number) => `<a id='par${n}' href='#par${n}'>¶</a>${n} .`;

/** A name as the tagger writes it: tokens separated by single spaces, no bracket. */
const name = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...HOSTILE) },
  { weight: 1, arbitrary: fc.string({ unit: fc.constantFrom(...'abXY_~é0-.\''.split('')), minLength: 1, maxLength: 8 }) },
).map((s) => s.trim().split(/\s+/).filter(Boolean).join(' ')).filter((s) => s !== '');
const mention = fc.record({ type: fc.constantFrom('PER', 'ORG', 'LOC', 'GROUP'), name });
const paragraph = fc.array(mention, { minLength: 1, maxLength: 5 });
const cable = fc.array(paragraph, { minLength: 1, maxLength: 3 });

function cableText(paragraphs: { type: string; name: string }[][]): string {
  const body = paragraphs.map((ms, i) => `( C ) ${ms.map((m) => `the [${m.type} ${m.name}  ] said`).join(' and ')} . ${i + 1 < paragraphs.length ? anchor(i + 2) : ''}`);
  return `<code><pre>UNCLASSIFIED SUBJECT: NAMES ${anchor(1)}\n${body.join('\n')}\n</pre></code>\n`;
}

describe('datasetKey(entityKey)', () => {
  it('escapes the names plain objects inherit, one-to-one, and leaves other keys alone', () => {
    expect(datasetKey('constructor')).toBe('~constructor');
    expect(datasetKey('~constructor')).toBe('~~constructor');
    expect(datasetKey('pnp')).toBe('pnp');
    fc.assert(fc.property(fc.string(), (k) => {
      expect(entityKeyOfDatasetKey(datasetKey(k))).toBe(k);
      expect(Object.prototype.hasOwnProperty.call(Object.prototype, datasetKey(k))).toBe(false);
    }));
  });
});

describe('a corpus naming constructor, __proto__, toString and the like', () => {
  it('builds, and every entity is found by id, by search, through the URL, in the drawn graph and its ego network', async () => {
    await fc.assert(fc.asyncProperty(fc.array(cable, { minLength: 1, maxLength: 3 }), async (cables) => {
      const inputs = cables.map((c, i) => ({ name: `c/${i}.txt`, bytes: new TextEncoder().encode(cableText(c)) }));
      // The entities the build must hold: the keys resolution gives each mention.
      const expected = new Set<string>();
      const context = { options: resolveOptions({}), lexicon: EMPTY_LEXICON, aliases: EMPTY_ALIASES };
      for (const f of inputs) {
        const { cable: read, diagnostics } = readCable(f.bytes, f.name);
        for (const p of resolveCable(read!, diagnostics, context).paragraphs) for (const m of p.mentions) if (m.key !== null) expected.add(m.key);
      }
      const { files, summary } = await buildFromFiles(inputs, { dataset: { ...DEFAULT_DATASET_OPTIONS, overview: { maxNodes: 3, maxEdges: 10 } } });
      expect(summary.manifest.corpus.entities).toBe(expected.size);
      Graph.from(JSON.parse(files.get(GRAPH_PATH)!) as GraphFile);

      const dataset = await openDataset(memoryDataSource(files));
      const drawn = await drawnGraph(dataset.graph, new Map());
      const found = new Set<string>();
      for (let id = 0; id < expected.size; id++) {
        const record: EntityRecord = await dataset.entity(id);
        expect(record.id).toBe(id);
        found.add(entityKeyOfDatasetKey(record.key));
        // The URL holds the key and gives it back.
        const state = fromParams(new URLSearchParams(toParams(selectNode(record.key)(DEFAULT_STATE)).toString()));
        expect(state.node).toBe(record.key);
        // Search by the label finds it.
        const query = searchKey(record.label);
        expect(suggest(await dataset.searchShard(record.label), query, 1000).map((s) => s.id)).toContain(id);
        // Drawn in the overview, or drawn with its neighbours on demand.
        if (record.inOverview) {
          expect(drawn.getNodeAttribute(record.key, 'id')).toBe(id);
        } else {
          expect(drawn.hasNode(record.key)).toBe(false);
          const ego = addEgoNetwork(drawn, record, { corpusParagraphs: summary.manifest.corpus.paragraphs, colors: new Map(), maxParagraphs: 1, bounds: boundsOf(drawn) });
          expect(drawn.getNodeAttribute(record.key, 'id')).toBe(id);
          expect(drawn.degree(record.key)).toBe(record.neighbors.length);
          removeEgoNetwork(drawn, ego);
        }
      }
      expect([...found].sort()).toEqual([...expected].sort());
    }), { numRuns: 60 });
  });
});
