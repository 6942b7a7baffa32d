import { describe, expect, it } from 'vitest';
import { buildFromFiles } from '../../../src/core/dataset/build-from-files.ts';
import { MANIFEST_PATH, REVIEW_PATH, type EntityRecord } from '../../../src/core/dataset/format.ts';
import { parseAliases } from '../../../src/core/entities/aliases.ts';
import { addDecision, aliasesFile, decisionLine, isDecision, removeDecision, decisionSubject, writtenName, type Decision } from '../../../src/core/entities/decisions.ts';

const n = (label: string, key = label.toLowerCase()) => ({ key, label });

describe('decisions', () => {
  it('writtenName(name) writes the label when it reads as the key, else the key, else nothing', () => {
    expect(writtenName(n('Hugo Chavez'))).toBe('Hugo Chavez');
    expect(writtenName({ key: 'mfa (peru)', label: 'MFA (Peru)' })).toBe('MFA (Peru)');
    // A label chosen from another form than the key's: the key is written.
    expect(writtenName({ key: 'us', label: 'United States' })).toBe('us');
    expect(writtenName({ key: 'type:per', label: 'type:PER' })).toBeNull();
  });

  it('addDecision(list, d) replaces the decision about the same subject; removeDecision takes it out', () => {
    let list: Decision[] = [];
    list = addDecision(list, { kind: 'merge', from: n('Chavez'), into: n('Hugo Chavez') });
    list = addDecision(list, { kind: 'retype', entity: n('CFK'), type: 'PER' });
    list = addDecision(list, { kind: 'split', form: n('Chavez') });
    list = addDecision(list, { kind: 'different', a: n('Silva'), b: n('Marina Silva') });
    list = addDecision(list, { kind: 'different', a: n('Marina Silva'), b: n('Silva') });
    expect(list.map((d) => d.kind)).toEqual(['retype', 'split', 'different']);
    expect(removeDecision(list, decisionSubject(list[0]!)).map((d) => d.kind)).toEqual(['split', 'different']);
  });

  it('aliasesFile(decisions) writes lines the alias reader takes as the same decisions, with no error', () => {
    const decisions: Decision[] = [
      { kind: 'merge', from: n('Chavez'), into: n('Hugo Chavez') },
      { kind: 'split', form: n('USA') },
      { kind: 'retype', entity: n('CFK'), type: 'PER' },
      { kind: 'different', a: n('Lula'), b: n('Lula da Silva') },
      { kind: 'merge', from: n('=HYPERLINK("x")', 'hyperlink("x'), into: n('X1') },
    ];
    const { text, skipped } = aliasesFile(decisions);
    expect(skipped).toEqual([]);
    expect(text.split('\n').filter((l) => l !== '' && !l.startsWith('#'))).toEqual([
      'alias\tcanonical', 'Chavez\tHugo Chavez', 'USA\tUSA', 'CFK\ttype:PER', 'Lula\tnot:Lula da Silva', '\'=HYPERLINK("x")\tX1',
    ]);
    const { aliases, diagnostics } = parseAliases(text, 'aliases.tsv');
    expect(diagnostics).toEqual([]);
    expect([...aliases.keys]).toEqual([['chavez', 'hugo chavez'], ['hyperlink("x', 'x1']]);
    expect([...aliases.separate]).toEqual(['usa']);
    expect([...aliases.types]).toEqual([['cfk', 'PER']]);
    expect([...aliases.different.get('lula')!]).toEqual(['lula da silva']);
  });

  it('decisionLine(d) refuses a merge into itself and a name the file cannot hold', () => {
    expect(decisionLine({ kind: 'merge', from: n('A1'), into: n('a1') })).toHaveProperty('why');
    expect(aliasesFile([{ kind: 'split', form: { key: 'type:x', label: 'type:x' } }]).skipped).toHaveLength(1);
  });

  it('isDecision(v) accepts decisions and refuses other shapes', () => {
    expect(isDecision({ kind: 'retype', entity: n('CFK'), type: 'PER' })).toBe(true);
    expect(isDecision({ kind: 'retype', entity: n('CFK'), type: 'GROUP' })).toBe(false);
    expect(isDecision({ kind: 'merge', from: n('A') })).toBe(false);
    expect(isDecision(null)).toBe(false);
  });
});

/** A cable from post `post` (its file name tells the country) dated by metadata, of tagged paragraphs. */
const anchor = (k: number) => `<a id='par${k}' href='#par${k}'>¶</a>${k} .`;
function cable(paragraphs: string[]): string {
  const lines = [`C O N F I D E N T I A L SECTION 01 OF 01 SIPDIS SUBJECT: FIXTURE ${anchor(1)}`, ...paragraphs.map((p, i) => (i + 1 < paragraphs.length ? `${p} ${anchor(i + 2)}` : p))];
  return `<code><pre>${lines.join(' \n')}</pre></code> \n`;
}

const CABLES: Record<string, string[]> = {
  '09CARACAS100.txt': ['[PER Hugo Chavez  ] met [PER Adan Chavez  ] in the capital .', 'Later [PER Chavez  ] spoke with [ORG CFK  ] and the [LOC USA  ] envoy .'],
  '09CARACAS101.txt': ['[PER Hugo Chavez  ] and [PER Adan Chavez  ] met the [LOC United States  ] envoy .', '[PER Chavez  ] welcomed [ORG CFK  ] .'],
  '09BRASILIA200.txt': ['[PER Lula da Silva  ] spoke in the [LOC United States  ] .', 'Then [PER Lula  ] left with [ORG CFK  ] .'],
};

async function build(aliases: string | null) {
  const encode = (s: string) => new TextEncoder().encode(s);
  const inputs = Object.entries(CABLES).map(([name, ps]) => ({ name: `c/${name}`, bytes: encode(cable(ps)) }));
  if (aliases !== null) inputs.push({ name: 'c/aliases.tsv', bytes: encode(aliases) });
  const { files, problems } = await buildFromFiles(inputs);
  const manifest = JSON.parse(files.get(MANIFEST_PATH)!) as { shards: { entityStarts: number[] } };
  const records = manifest.shards.entityStarts.flatMap((_, i) => JSON.parse(files.get(`entities/${i}.json`)!) as EntityRecord[]);
  const entityOf = (form: string) => records.find((r) => r.aliases.some(([f]) => f === form))!;
  return { entityOf, problems, review: JSON.parse(files.get(REVIEW_PATH)!) as { items: { kind: string; key: string }[] } };
}

describe('decisions through a build', () => {
  it('a build with the decisions\' alias file merges, splits, retypes and keeps different actors apart', async () => {
    const before = await build(null);
    expect(before.entityOf('Chavez').key).toBe('chavez');
    expect(before.review.items).toContainEqual(expect.objectContaining({ kind: 'partial-name', key: 'chavez' }));
    expect(before.entityOf('USA').key).toBe('united states');
    expect(before.entityOf('CFK').type).toBe('ORG');
    expect(before.entityOf('Lula').key).toBe('lula da silva');

    const { text } = aliasesFile([
      { kind: 'merge', from: n('Chavez'), into: n('Hugo Chavez') },
      { kind: 'split', form: n('USA') },
      { kind: 'retype', entity: n('CFK'), type: 'PER' },
      { kind: 'different', a: n('Lula'), b: n('Lula da Silva') },
    ]);
    const after = await build(text);
    expect(after.problems.filter((p) => p.file.endsWith('aliases.tsv'))).toEqual([]);
    expect(after.entityOf('Chavez').key).toBe('hugo chavez');
    expect(after.review.items.some((r) => r.key === 'chavez')).toBe(false);
    expect(after.entityOf('USA').key).toBe('usa');
    expect(after.entityOf('United States').key).toBe('united states');
    expect(after.entityOf('CFK').type).toBe('PER');
    expect(after.entityOf('Lula').key).toBe('lula');
    expect(after.entityOf('Lula da Silva').key).toBe('lula da silva');
  });
});
