import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildFromFiles } from '../../../src/core/dataset/build-from-files.ts';
import { DEFAULT_DATASET_OPTIONS, memorySink } from '../../../src/core/dataset/build-dataset.ts';
import { CorpusBuild, inputKind, planCorpus, resolveCableFile } from '../../../src/core/dataset/pipeline.ts';
import { ROOT, SEED_FILE } from '../../helpers.ts';

const read = (path: string) => readFileSync(path, 'utf8');

describe('inputKind(name)', () => {
  it('tells cables, metadata, lexicon and alias tables apart by name, whatever the case', () => {
    expect(['a/06LIMA2158.txt', 'a/METADATA.csv', 'a/my-Lexicon.tsv', 'aliases.tsv', 'notes.tsv', 'x.md'].map(inputKind))
      .toEqual(['cable', 'metadata', 'lexicon', 'aliases', 'other', 'other']);
  });
});

describe('planCorpus(names, chosen)', () => {
  it('uses the lexicon and alias tables next to the cables, in code-unit order, and says what it leaves out', () => {
    const plan = planCorpus(['c/b.txt', 'c/lexicon.tsv', 'c/a.txt', 'c/z-lexicon.tsv', 'c/aliases.tsv', 'c/metadata.csv', 'c/readme.md']);
    expect(plan).toMatchObject({ cables: ['c/a.txt', 'c/b.txt'], metadata: ['c/metadata.csv'], lexicon: 'c/lexicon.tsv', aliases: 'c/aliases.tsv' });
    expect(plan.problems.map((d) => [d.file, d.code])).toEqual([['c/readme.md', 'not-an-input'], ['c/z-lexicon.tsv', 'extra-input']]);
  });

  it('lets a file the user names win over the one found', () => {
    const plan = planCorpus(['c/a.txt', 'c/lexicon.tsv'], { lexicon: 'mine.tsv' });
    expect(plan.lexicon).toBe('mine.tsv');
    expect(plan.problems.map((d) => [d.file, d.code])).toEqual([['c/lexicon.tsv', 'extra-input']]);
  });
});

describe('CorpusBuild', () => {
  const texts = {
    lexicon: { name: 'data/lexicon.tsv', text: read(`${ROOT}data/lexicon.tsv`) },
    aliases: { name: 'data/aliases.tsv', text: read(`${ROOT}data/aliases.tsv`) },
  };

  it('gives the same dataset as the page import for the same files', async () => {
    const names = ['data/000.txt', 'data/lexicon.tsv', 'data/aliases.tsv'];
    const plan = planCorpus(names);
    const files = new Map<string, string>();
    const build = new CorpusBuild(memorySink(files), { plan, metadata: [], ...texts, resolve: {} }, DEFAULT_DATASET_OPTIONS);
    await build.add(resolveCableFile('data/000.txt', readFileSync(SEED_FILE), build.context));
    const result = await build.finish();
    expect(result.empty).toBeNull();
    expect(result.summary.manifest.corpus.mentions.lexicon).toBeGreaterThan(0);

    const page = await buildFromFiles([
      { name: 'data/000.txt', bytes: readFileSync(SEED_FILE) },
      { name: 'data/lexicon.tsv', bytes: readFileSync(`${ROOT}data/lexicon.tsv`) },
      { name: 'data/aliases.tsv', bytes: readFileSync(`${ROOT}data/aliases.tsv`) },
    ]);
    expect(page.files).toEqual(files);
  });

  it('reports a bad lexicon line as an error naming file:line before any cable', () => {
    const plan = planCorpus(['c/a.txt']);
    const build = new CorpusBuild({ write: () => {} }, { plan, metadata: [], lexicon: { name: 'c/lexicon.tsv', text: 'term\ttype\tvariants\nonly-a-term\n' }, aliases: null, resolve: {} }, DEFAULT_DATASET_OPTIONS);
    expect(build.inputErrors().map((d) => `${d.file}:${d.line}`)).toEqual(['c/lexicon.tsv:2']);
  });

  it('says why a corpus without one annotated mention builds nothing', async () => {
    const plan = planCorpus(['c/a.txt']);
    const build = new CorpusBuild({ write: () => {} }, { plan, metadata: [], lexicon: null, aliases: null, resolve: {} }, DEFAULT_DATASET_OPTIONS);
    await build.add(resolveCableFile('c/a.txt', new TextEncoder().encode('<code><pre>Just text.\n\n¶1. Nothing tagged here.\n</pre></code>'), build.context));
    const result = await build.finish();
    expect(result.empty?.reason).toBe('no-mentions');
  });
});
