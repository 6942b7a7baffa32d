import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { applyTables, expandSources, tablesOf } from '../../src/workers/expand-sources.ts';

const text = (s: string) => new TextEncoder().encode(s);
const decode = (b: Uint8Array) => new TextDecoder().decode(b);

describe('expandSources(sources)', () => {
  it('reads Blobs and bytes, unpacks zips under the archive name, leaves out __MACOSX with one note', async () => {
    const zip = zipSync({ 'cables/b.txt': strToU8('B'), 'cables/a.txt': strToU8('A'), '__MACOSX/cables/._a.txt': strToU8('fork'), 'cables/': new Uint8Array() });
    const done: number[] = [];
    const { inputs, problems } = await expandSources([
      { name: 'one.txt', data: new Blob(['one']) },
      { name: 'corpus.ZIP', data: zip.buffer as ArrayBuffer },
    ], (n) => done.push(n));
    expect(inputs.map((f) => [f.name, decode(f.bytes)])).toEqual([['one.txt', 'one'], ['corpus.ZIP/cables/b.txt', 'B'], ['corpus.ZIP/cables/a.txt', 'A']]);
    expect(problems).toEqual([{ file: 'corpus.ZIP', line: 0, severity: 'info', code: 'resource-forks', message: '1 macOS resource file (__MACOSX/) left out' }]);
    expect(done).toEqual([1, 2]);
  });

  it('lists a zip it cannot read as a problem naming it, and keeps the other files', async () => {
    const { inputs, problems } = await expandSources([{ name: 'bad.zip', data: text('not a zip').buffer as ArrayBuffer }, { name: 'c.txt', data: new Blob(['c']) }]);
    expect(inputs.map((f) => f.name)).toEqual(['c.txt']);
    expect(problems).toMatchObject([{ file: 'bad.zip', line: 0, severity: 'error', code: 'bad-zip' }]);
  });
});

describe('tablesOf(inputs) and applyTables(inputs, tables)', () => {
  const inputs = [
    { name: 'c/x.txt', bytes: text('cable') },
    { name: 'c/z-lexicon.tsv', bytes: text('second') },
    { name: 'c/lexicon.tsv', bytes: text('first') },
    { name: 'aliases.tsv', bytes: text('a\tb') },
  ];

  it('finds the lexicon and alias files core will use (the first by name)', () => {
    expect(tablesOf(inputs)).toEqual({ lexicon: { name: 'c/lexicon.tsv', text: 'first' }, aliases: { name: 'aliases.tsv', text: 'a\tb' } });
    expect(tablesOf([inputs[0]!])).toEqual({ lexicon: null, aliases: null });
  });

  it('replaces every file of an edited kind with the edited table and leaves the rest', () => {
    const out = applyTables(inputs, { lexicon: { name: 'c/lexicon.tsv', text: 'edited' } });
    expect(out.map((f) => [f.name, decode(f.bytes)])).toEqual([['c/x.txt', 'cable'], ['aliases.tsv', 'a\tb'], ['c/lexicon.tsv', 'edited']]);
  });

  it('refuses a table whose name core would not read as its kind', () => {
    expect(() => applyTables(inputs, { aliases: { name: 'names.tsv', text: '' } })).toThrow(/aliases file name 'names.tsv'/);
  });
});
