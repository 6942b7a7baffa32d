import { describe, expect, it } from 'vitest';
import { parseAliases } from '../../../src/core/entities/aliases.ts';

const parse = (text: string) => parseAliases(text, 'aliases.tsv');

describe('parseAliases', () => {
  it('parseAliases(text) maps alias keys to canonical keys, header and comments allowed', () => {
    const { aliases, diagnostics } = parse('# merges\nalias\tcanonical\nUpper Huallaga Valleys\tUpper Huallaga\nApurimac Valleys\tApurimac\n');
    expect(diagnostics).toEqual([]);
    expect([...aliases.keys]).toEqual([['upper huallaga valleys', 'upper huallaga'], ['apurimac valleys', 'apurimac']]);
    expect(aliases.labels.get('upper huallaga')).toBe('Upper Huallaga');
  });

  it('parseAliases(text) follows chains to the last canonical form', () => {
    const { aliases } = parse('USA\tUnited States\nUnited States\tU.S.');
    expect(aliases.keys.get('usa')).toBe('us');
    expect(aliases.keys.get('united states')).toBe('us');
    expect([...aliases.labels.keys()]).toEqual(['us']);
  });

  it('parseAliases(text) reports a line without two columns as file:line and applies the rest', () => {
    const { aliases, diagnostics } = parse('Upper Huallaga Valleys Upper Huallaga\nApurimac Valleys\tApurimac');
    expect(diagnostics).toEqual([expect.objectContaining({ file: 'aliases.tsv', line: 1, severity: 'error', code: 'alias-columns' })]);
    expect(aliases.keys.get('apurimac valleys')).toBe('apurimac');
  });

  it('parseAliases(text) reports names without a letter', () => {
    const { diagnostics } = parse('...\tLima');
    expect(diagnostics.map((d) => [d.line, d.code])).toEqual([[1, 'alias-empty']]);
  });

  it('parseAliases(text) keeps apart a name given as its own canonical form, and reports one also given as an alias', () => {
    const { aliases, diagnostics } = parse('National Police\tNational Police\nNational Police\tPNP\nGuardia\tPolicia\nGuardia\tGuardia');
    expect([...aliases.separate]).toEqual(['national police']);
    expect(aliases.keys.get('national police')).toBeUndefined();
    expect(diagnostics.map((d) => [d.line, d.code])).toEqual([[2, 'alias-conflict'], [4, 'alias-conflict']]);
  });

  it('parseAliases(text) reports an alias given two canonical forms, naming the first line', () => {
    const { aliases, diagnostics } = parse('Apurimac Valleys\tApurimac\nApurimac Valleys\tVRAE');
    expect(diagnostics.map((d) => [d.line, d.code])).toEqual([[2, 'alias-conflict']]);
    expect(diagnostics[0]!.message).toContain('line 1');
    expect(aliases.keys.get('apurimac valleys')).toBe('apurimac');
  });

  it('parseAliases(text) reports the line that would close a cycle and keeps the others', () => {
    const { aliases, diagnostics } = parse('A1\tB1\nB1\tC1\nC1\tA1');
    expect(diagnostics.map((d) => [d.line, d.code])).toEqual([[3, 'alias-cycle']]);
    expect(aliases.keys.get('a1')).toBe('c1');
  });

  it('parseAliases(text) accepts the same line twice', () => {
    expect(parse('USA\tU.S.\nUSA\tUS').diagnostics).toEqual([]);
  });
});

describe('parseAliases decision lines', () => {
  it('parseAliases(text) reads name<TAB>type:T as a type for the name, following alias chains', () => {
    const { aliases, diagnostics } = parse('CFK\ttype:PER\nKirchner\tCristina Fernandez\nKirchner\tType:per\nAlba\ttype:PERSON\n');
    expect(diagnostics.map((d) => [d.line, d.code])).toEqual([[4, 'alias-type']]);
    expect([...aliases.types]).toEqual([['cfk', 'PER'], ['cristina fernandez', 'PER']]);
    expect(aliases.keys.has('cfk')).toBe(false);
  });

  it('parseAliases(text) reads name<TAB>not:other as two different actors, both ways', () => {
    const { aliases, diagnostics } = parse('Chavez\tnot:Adan Chavez\nSilva\tnot:Marina Silva\nSilva\tnot:Lula da Silva\n');
    expect(diagnostics).toEqual([]);
    expect([...aliases.different.get('silva')!]).toEqual(['marina silva', 'lula da silva']);
    expect([...aliases.different.get('adan chavez')!]).toEqual(['chavez']);
  });

  it('parseAliases(text) reports a name different from itself, two types for one entity, and names both merged and different', () => {
    const { aliases, diagnostics } = parse('A\tnot:a\nB\ttype:ORG\nB\ttype:PER\nC\tD\nC\tnot:D\n');
    expect(diagnostics.map((d) => [d.line, d.code])).toEqual([[1, 'alias-conflict'], [3, 'alias-conflict'], [5, 'alias-conflict']]);
    expect(aliases.types.get('b')).toBe('ORG');
    expect(aliases.different.size).toBe(0);
  });
});
