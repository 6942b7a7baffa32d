import { describe, expect, it } from 'vitest';
import { inputSources, walkEntries, type EntryLike } from '../../../src/app/import/collect.ts';

/** A fake file-system entry tree: folders read back in batches of `batch`, like Chromium's 100. */
function tree(spec: Record<string, unknown>, path = '', batch = 2): EntryLike[] {
  return Object.entries(spec).map(([name, value]) => {
    const fullPath = `${path}/${name}`;
    if (typeof value === 'string') {
      return { name, fullPath, isFile: true, isDirectory: false, file: (ok: (b: Blob) => void, fail: (e: { message: string }) => void) => (value === 'DENIED' ? fail({ message: 'permission denied' }) : ok(new Blob([value]))) };
    }
    const children = tree(value as Record<string, unknown>, fullPath, batch);
    return {
      name, fullPath, isFile: false, isDirectory: true,
      createReader() {
        let at = 0;
        return { readEntries: (ok: (e: EntryLike[]) => void) => ok(children.slice(at, (at += batch))) };
      },
    };
  });
}

describe('walkEntries(entries)', () => {
  it('walks folders through every batch, naming files by their path without the leading slash', async () => {
    const { sources, problems } = await walkEntries(tree({ corpus: { 'a.txt': 'A', 'b.txt': 'B', sub: { 'c.txt': 'C' }, 'metadata.csv': 'M' }, 'x.tsv': 'X' }));
    expect(sources.map((s) => s.name)).toEqual(['corpus/a.txt', 'corpus/b.txt', 'corpus/sub/c.txt', 'corpus/metadata.csv', 'x.tsv']);
    expect(await (sources[2]!.data as Blob).text()).toBe('C');
    expect(problems).toEqual([]);
  });

  it('lists a file the browser refuses as a problem naming it, and takes the others', async () => {
    const { sources, problems } = await walkEntries(tree({ d: { 'ok.txt': 'ok', 'locked.txt': 'DENIED' } }));
    expect(sources.map((s) => s.name)).toEqual(['d/ok.txt']);
    expect(problems).toMatchObject([{ file: 'd/locked.txt', line: 0, severity: 'error', code: 'unreadable-file', message: expect.stringContaining('permission denied') }]);
  });
});

describe('inputSources(files)', () => {
  it('names picked files by their folder-relative path when the picker gives one', () => {
    const inFolder = new File(['a'], 'a.txt');
    Object.defineProperty(inFolder, 'webkitRelativePath', { value: 'corpus/a.txt' });
    const loose = new File(['b'], 'b.txt');
    expect(inputSources([inFolder, loose]).map((s) => s.name)).toEqual(['corpus/a.txt', 'b.txt']);
  });
});
