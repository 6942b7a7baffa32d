import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { NEW_ALIASES, NEW_LEXICON, addTerm, aliasLines, keepApart, lexiconLines, mergeInto, removeLine } from '../../../src/app/import/tables.ts';
import { buildFromFiles } from '../../../src/core/dataset/build-from-files.ts';
import { GRAPH_PATH, type GraphFile } from '../../../src/core/dataset/format.ts';
import { parseAliases } from '../../../src/core/entities/aliases.ts';
import { parseLexicon } from '../../../src/core/entities/lexicon.ts';
import { ROOT, SEED_FILE } from '../../helpers.ts';

const ALIASES = readFileSync(`${ROOT}data/aliases.tsv`, 'utf8');
const LEXICON = readFileSync(`${ROOT}data/lexicon.tsv`, 'utf8');

describe('addTerm(text, term, type, variants)', () => {
  it('writes a line parseLexicon reads back, cleaning tabs, line breaks and bars out of fields', () => {
    let text = addTerm(NEW_LEXICON, 'cocaleros', 'group', ['cocalero', ' coca growers ', '']);
    text = addTerm(text, 'narco\ttraffickers', 'GROUP', ['narco|trafficker\n']);
    const { lexicon, diagnostics } = parseLexicon(text, 'lexicon.tsv');
    expect(diagnostics).toEqual([]);
    expect(lexicon.entries.map((e) => [e.term, e.type, e.variants])).toEqual([
      ['cocaleros', 'GROUP', ['cocaleros', 'cocalero', 'coca growers']],
      ['narco traffickers', 'GROUP', ['narco traffickers', 'narco trafficker']],
    ]);
  });

  it('replaces the line of the same term and keeps every comment and other line of the file', () => {
    const text = addTerm(LEXICON, 'Cocaleros', 'GROUP', ['coca grower']);
    expect(text.split('\n').filter((l) => l.startsWith('#'))).toEqual(LEXICON.split('\n').filter((l) => l.startsWith('#')));
    expect(lexiconLines(text).map((l) => [l.term, l.variants])).toEqual([['narcotraffickers', ['narcotrafficker', 'narco-trafficker', 'narco-traffickers']], ['Cocaleros', ['coca grower']]]);
    expect(parseLexicon(text, 'lexicon.tsv').diagnostics).toEqual([]);
  });
});

describe('cells safe to open in a spreadsheet', () => {
  const TRIGGER = /^[=+\-@\t\r]/;
  const cells = (text: string) => text.split('\n').filter((l) => l !== '' && !l.startsWith('#')).flatMap((l) => l.split('\t'));

  it('a name from the corpus that is a formula is written after a quote, and reads back as it was', () => {
    let aliases = mergeInto(NEW_ALIASES, '=HYPERLINK("http://evil","x")', '-Minus');
    aliases = keepApart(aliases, '@SUM(A1)');
    expect(aliases.split('\n').slice(-3, -1)).toEqual([`'=HYPERLINK("http://evil","x")\t'-Minus`, `'@SUM(A1)\t'@SUM(A1)`]);
    for (const cell of cells(aliases)) expect(cell).not.toMatch(TRIGGER);
    expect(aliasLines(aliases).map((l) => [l.alias, l.canonical])).toEqual([['=HYPERLINK("http://evil","x")', '-Minus'], ['@SUM(A1)', '@SUM(A1)']]);
    const parsed = parseAliases(aliases, 'aliases.tsv');
    expect(parsed.diagnostics).toEqual([]);
    expect(parsed.aliases.labels.get('minus')).toBe('-Minus');

    const lexicon = addTerm(NEW_LEXICON, '+cmd', 'GROUP', ['-cmd', 'cmd line']);
    expect(lexicon.split('\n').at(-2)).toBe(`'+cmd\tGROUP\t'-cmd|cmd line`);
    for (const cell of cells(lexicon)) expect(cell).not.toMatch(TRIGGER);
    expect(parseLexicon(lexicon, 'lexicon.tsv').lexicon.entries.map((e) => [e.term, e.variants])).toEqual([['+cmd', ['+cmd', '-cmd', 'cmd line']]]);
  });
});

describe('mergeInto, keepApart and removeLine on an alias file', () => {
  it('leave an unedited file as it was', () => {
    expect(removeLine(ALIASES, 10_000)).toBe(ALIASES);
  });

  it('merge: one line per alias, replacing what it said before; parseAliases follows it', () => {
    let text = mergeInto(ALIASES, 'USA', 'United States');
    text = mergeInto(text, 'PNP', 'National Police');
    const { aliases, diagnostics } = parseAliases(text, 'aliases.tsv');
    expect(diagnostics).toEqual([]);
    // USA → United States → U.S.: the chain ends where the file sends United States.
    expect(aliases.keys.get('usa')).toBe(aliases.keys.get('united states'));
    expect(aliases.keys.get('usa')).toBe('us');
    expect(aliases.keys.get('pnp')).toBe('national police');
    expect(aliasLines(text).filter((l) => l.alias === 'USA')).toHaveLength(1);
  });

  it('keep apart: replaces the alias line with name<TAB>name, which parseAliases keeps separate', () => {
    const text = keepApart(ALIASES, 'Upper Huallaga Valleys');
    const { aliases, diagnostics } = parseAliases(text, 'aliases.tsv');
    expect(diagnostics).toEqual([]);
    expect(aliases.separate.has('upper huallaga valleys')).toBe(true);
    expect(aliases.keys.has('upper huallaga valleys')).toBe(false);
    expect(text.split('\n').at(-2)).toBe('Upper Huallaga Valleys\tUpper Huallaga Valleys');
  });

  it('removeLine drops exactly that line', () => {
    const line = aliasLines(ALIASES).find((l) => l.alias === 'USA')!.line;
    const text = removeLine(ALIASES, line);
    expect(parseAliases(text, 'aliases.tsv').aliases.keys.has('usa')).toBe(false);
    expect(text.split('\n')).toHaveLength(ALIASES.split('\n').length - 1);
  });
});

describe('edited tables in a build of the seed', () => {
  const seed = { name: 'seed.txt', bytes: new Uint8Array(readFileSync(SEED_FILE)) };
  const keys = async (aliases: string) => {
    const { files } = await buildFromFiles([seed, { name: 'aliases.tsv', bytes: new TextEncoder().encode(aliases) }]);
    return new Set((JSON.parse(files.get(GRAPH_PATH)!) as GraphFile).nodes.map((n) => n.key));
  };

  it('a merge makes two entities one, and keeping the name apart splits it out again', async () => {
    const before = await keys(NEW_ALIASES);
    expect(before.has('upper huallaga valleys') && before.has('upper huallaga')).toBe(true);
    const merged = mergeInto(NEW_ALIASES, 'Upper Huallaga Valleys', 'Upper Huallaga');
    expect((await keys(merged)).has('upper huallaga valleys')).toBe(false);
    expect((await keys(keepApart(merged, 'Upper Huallaga Valleys'))).has('upper huallaga valleys')).toBe(true);
  });
});
