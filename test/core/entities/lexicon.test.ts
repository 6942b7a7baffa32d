import { describe, expect, it } from 'vitest';
import { matchLexicon, parseLexicon } from '../../../src/core/entities/lexicon.ts';

const lex = (text: string) => parseLexicon(text, 'lexicon.tsv');
const COCA = 'cocaleros\tGROUP\tcocalero|coca grower|coca growers\nnarcotraffickers\tGROUP\tnarcotrafficker';

function found(text: string, lexiconText = COCA, taken: { start: number; end: number }[] = []) {
  return matchLexicon(text, lex(lexiconText).lexicon, taken).map((m) => `${m.text}@${m.start}:${m.entry.key}`);
}

describe('parseLexicon', () => {
  it('parseLexicon(text) reads term, type and |-separated variants, the term a variant too', () => {
    const { lexicon, diagnostics } = lex('term\ttype\tvariants\n' + COCA);
    expect(diagnostics).toEqual([]);
    expect(lexicon.entries.map((e) => [e.term, e.type, e.variants, e.line])).toEqual([
      ['cocaleros', 'GROUP', ['cocaleros', 'cocalero', 'coca grower', 'coca growers'], 2],
      ['narcotraffickers', 'GROUP', ['narcotraffickers', 'narcotrafficker'], 3],
    ]);
    expect(lexicon.keys.get('coca grower')).toBe('cocaleros');
  });

  it('parseLexicon(text) accepts a line without variants', () => {
    expect(lex('Shining Path\tORG').lexicon.entries[0]!.variants).toEqual(['Shining Path']);
  });

  it('parseLexicon(text) reports a line with the wrong number of columns as file:line, and keeps the others', () => {
    const { lexicon, diagnostics } = lex('cocaleros GROUP\n' + COCA);
    expect(diagnostics).toEqual([expect.objectContaining({ file: 'lexicon.tsv', line: 1, severity: 'error', code: 'lexicon-columns' })]);
    expect(diagnostics[0]!.message).toContain('tab');
    expect(lexicon.entries).toHaveLength(2);
  });

  it('parseLexicon(text) reports a bad type name, saying what a type looks like', () => {
    const { diagnostics } = lex('x\tGroup of people\ty');
    expect(diagnostics.map((d) => [d.line, d.code])).toEqual([[1, 'lexicon-type']]);
    expect(diagnostics[0]!.message).toContain('"Group of people"');
  });

  it('parseLexicon(text) reports empty terms and empty variants', () => {
    const { lexicon, diagnostics } = lex('...\tGROUP\n\nok\tGROUP\ta||b');
    expect(diagnostics.map((d) => [d.line, d.code])).toEqual([[1, 'lexicon-empty'], [3, 'lexicon-empty']]);
    expect(lexicon.entries).toEqual([]);
  });

  it('parseLexicon(text) reports a form given twice, naming the line that has it', () => {
    const { lexicon, diagnostics } = lex(COCA + '\ngrowers\tGROUP\tCoca Growers');
    expect(diagnostics.map((d) => [d.line, d.code])).toEqual([[3, 'lexicon-duplicate']]);
    expect(diagnostics[0]!.message).toContain('line 1');
    expect(lexicon.entries).toHaveLength(2);
  });
});

describe('matchLexicon', () => {
  it('matchLexicon(text) finds every variant, case-insensitive, under its term', () => {
    expect(found('Cocaleros and coca growers met narcotraffickers; a cocalero left.')).toEqual([
      'Cocaleros@0:cocaleros', 'coca growers@14:cocaleros', 'narcotraffickers@31:narcotraffickers', 'cocalero@51:cocaleros',
    ]);
  });

  it('matchLexicon(text) matches whole words only', () => {
    expect(found('the cocaleross and precocalero and cocalero-led groups')).toEqual(['cocalero@35:cocaleros']);
  });

  it('matchLexicon(text) prefers the longest variant and lets spaces match any whitespace', () => {
    expect(found('coca  growers')).toEqual(['coca  growers@0:cocaleros']);
  });

  it('matchLexicon(text, lexicon, taken) never overlaps a tagger mention: the tagger wins', () => {
    const text = 'the Cocaleros Union and cocaleros';
    expect(found(text, COCA, [{ start: 4, end: 19 }])).toEqual(['cocaleros@24:cocaleros']);
  });

  it('matchLexicon(text) treats regex characters in variants literally', () => {
    expect(found('the U.S. and USxS', 'U.S.\tLOC')).toEqual(['U.S.@4:us']);
  });

  it('matchLexicon(text) finds nothing with an empty lexicon', () => {
    expect(found('cocaleros', '')).toEqual([]);
  });
});
