import { describe, expect, it } from 'vitest';
import { datasetName, planImport, safeName } from '../../../src/app/import/plan.ts';

const src = (...names: string[]) => names.map((name) => ({ name, data: new Blob([name]) }));

describe('planImport(given, held, heldName)', () => {
  it('reopens a lone .cablegraph.json, named after it', () => {
    const plan = planImport(src('Lima cables.cablegraph.json'), [], 'corpus');
    expect(plan).toMatchObject({ kind: 'bundle', name: 'Lima cables' });
  });

  it('builds anything else, sorted by path as the CLI reads', () => {
    const plan = planImport(src('c/b.txt', 'c/a.txt', 'c/metadata.csv'), [], 'corpus');
    expect(plan.kind === 'build' && plan.sources.map((s) => s.name)).toEqual(['c/a.txt', 'c/b.txt', 'c/metadata.csv']);
    expect(plan).toMatchObject({ name: 'c' });
  });

  it('rebuilds the open corpus when only lexicon or alias files are dropped, replacing those of their kind', () => {
    const held = src('c/a.txt', 'c/lexicon.tsv', 'c/aliases.tsv');
    const plan = planImport(src('my-lexicon.tsv'), held, 'c');
    expect(plan.kind === 'build' && plan.sources.map((s) => s.name)).toEqual(['c/a.txt', 'c/aliases.tsv', 'my-lexicon.tsv']);
    expect(plan).toMatchObject({ name: 'c' });
  });

  it('does nothing with nothing', () => {
    expect(planImport([], [], 'corpus')).toEqual({ kind: 'nothing' });
  });
});

describe('datasetName(sources) and safeName(name)', () => {
  it('takes the common top folder, else a lone archive, else "corpus"', () => {
    expect(datasetName(src('cablegate-sample/a.txt', 'cablegate-sample/b.txt'))).toBe('cablegate-sample');
    expect(datasetName(src('Lima 2006.zip', 'lexicon.tsv'))).toBe('Lima-2006');
    expect(datasetName(src('a.txt', 'b.txt'))).toBe('corpus');
  });

  it('keeps letters (accents too), digits, dot, dash and underscore', () => {
    expect(safeName('Perú: cables/2006')).toBe('Perú-cables-2006');
    expect(safeName('../..')).toBe('corpus');
  });
});
