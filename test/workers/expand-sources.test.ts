import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { MAX_UNZIPPED_BYTES, applyTables, expandSources, formatBytes, tablesOf } from '../../src/workers/expand-sources.ts';

const text = (s: string) => new TextEncoder().encode(s);
const decode = (b: Uint8Array) => new TextDecoder().decode(b);

describe('expandSources(sources)', () => {
  it('reads Blobs and bytes, unpacks zips under the archive name, leaves out __MACOSX with one note', async () => {
    const zip = zipSync({ 'cables/b.txt': strToU8('B'), 'cables/a.txt': strToU8('A'), '__MACOSX/cables/._a.txt': strToU8('fork'), 'cables/': new Uint8Array() });
    const done: number[] = [];
    const { inputs, problems } = await expandSources([
      { name: 'one.txt', data: new Blob(['one']) },
      { name: 'corpus.ZIP', data: zip.buffer as ArrayBuffer },
    ], { onFile: (n) => done.push(n) });
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

/**
 * A zip of one deflated entry whose central directory (and local header) declare `declared`
 * as its uncompressed size, whatever the data really inflates to: a bomb that lies.
 */
function withDeclaredSize(zip: Uint8Array, declared: number): Uint8Array {
  const out = zip.slice();
  const view = new DataView(out.buffer);
  for (let i = 0; i + 4 <= out.length; i++) {
    // Local file header: uncompressed size at +22; central directory header: at +24.
    if (view.getUint32(i, true) === 0x04034b50) view.setUint32(i + 22, declared, true);
    if (view.getUint32(i, true) === 0x02014b50) view.setUint32(i + 24, declared, true);
  }
  return out;
}

const buffer = (bytes: Uint8Array) => bytes.slice().buffer as ArrayBuffer;

describe('expandSources(sources): the limit on unpacked size', () => {
  const cable = strToU8('cable text');

  it('refuses, before inflating, a zip whose central directory declares more than the limit, naming it; the other files load', async () => {
    // 4 GiB - 1 declared for a 10-byte file: what a bomb's directory says.
    const bomb = withDeclaredSize(zipSync({ 'big.txt': cable }), 0xffffffff);
    const { inputs, problems } = await expandSources([{ name: 'bomb.zip', data: buffer(bomb) }, { name: 'c.txt', data: new Blob(['c']) }]);
    expect(inputs.map((f) => f.name)).toEqual(['c.txt']);
    expect(problems).toEqual([{ file: 'bomb.zip', line: 0, severity: 'error', code: 'zip-too-large', message: 'unpacks to 4 GiB, more than the 2 GiB the page unpacks; skipped. Build a corpus this size with the command line (npx cablegraph build)' }]);
  });

  it('refuses a real, highly compressible zip over a lowered limit, and counts archives together', async () => {
    const zeros = zipSync({ 'zeros.txt': new Uint8Array(8 * 1024 * 1024) }, { level: 9 });
    expect(zeros.length).toBeLessThan(64 * 1024);
    const small = zipSync({ 'a.txt': new Uint8Array(3 * 1024 * 1024) });
    const limit = 10 * 1024 * 1024;
    const alone = await expandSources([{ name: 'zeros.zip', data: buffer(zeros) }], { maxUnzippedBytes: limit });
    expect(alone.problems).toEqual([]);
    expect(alone.inputs[0]!.bytes.length).toBe(8 * 1024 * 1024);
    const both = await expandSources([{ name: 'small.zip', data: buffer(small) }, { name: 'zeros.zip', data: buffer(zeros) }], { maxUnzippedBytes: limit });
    expect(both.inputs.map((f) => f.name)).toEqual(['small.zip/a.txt']);
    expect(both.problems).toMatchObject([{ file: 'zeros.zip', code: 'zip-too-large', message: expect.stringMatching(/^unpacks to 8 MiB \(with 3 MiB from the archives before it\), more than the 10 MiB/) }]);
  });

  it('inflates no more than the declared size when a zip declares less than its data holds', async () => {
    // 16 MiB of zeros declared as 1 KiB: passes the check, and must not inflate to 16 MiB.
    const liar = withDeclaredSize(zipSync({ 'z.txt': new Uint8Array(16 * 1024 * 1024) }, { level: 9 }), 1024);
    const { inputs } = await expandSources([{ name: 'liar.zip', data: buffer(liar) }], { maxUnzippedBytes: 4096 });
    expect(inputs.map((f) => [f.name, f.bytes.length])).toEqual([['liar.zip/z.txt', 1024]]);
  });

  it('states the default limit: 2 GiB', () => {
    expect(formatBytes(MAX_UNZIPPED_BYTES)).toBe('2 GiB');
    expect([formatBytes(0), formatBytes(1023), formatBytes(1536), formatBytes(5 * 1024 ** 2)]).toEqual(['0 bytes', '1023 bytes', '1.5 KiB', '5 MiB']);
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
