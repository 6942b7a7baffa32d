import { describe, expect, it } from 'vitest';
import { parseAliases } from '../../../src/core/entities/aliases.ts';
import { EMPTY_LEXICON, parseLexicon } from '../../../src/core/entities/lexicon.ts';
import { MentionReadings, resolveCable } from '../../../src/core/entities/resolve-cable.ts';
import { context, fixtureCable, outline, resolveFixture } from './fixtures.ts';

const COCA = parseLexicon('cocaleros\tGROUP\tcocalero|coca growers', 'lexicon.tsv').lexicon;
const aliasesOf = (text: string) => parseAliases(text, 'aliases.tsv').aliases;

describe('resolveCable: keys', () => {
  it('resolveCable(cable) gives Lima and Lima. one key', () => {
    expect(outline(resolveFixture(['( C ) In [LOC Lima  ] they met .', 'They drove to [LOC Lima.  ]']))).toEqual([['Lima→lima'], ['Lima.→lima']]);
  });

  it('resolveCable(cable) leaves header mentions out and counts them as metadata', () => {
    const r = resolveFixture(['( C ) [LOC Lima  ] .']);
    expect(r.headerMentions).toBe(2);
    expect(r.header).toMatchObject({ origin: 'LIMA', serial: '000123', subject: 'FIXTURE' });
    expect(r.header).not.toHaveProperty('text');
    expect(r.header).not.toHaveProperty('mentions');
    expect(r.paragraphs.flatMap((p) => p.mentions).map((m) => m.surface)).toEqual(['Lima']);
  });

  it('resolveCable(cable, diagnostics) passes the reader diagnostics on', () => {
    const d = { file: 'f', line: 1, severity: 'warning' as const, code: 'x', message: 'm' };
    expect(resolveCable(fixtureCable('( C ) a .'), [d], context()).diagnostics).toEqual([d]);
  });
});

describe('resolveCable: noise rules', () => {
  it('resolveCable(cable) drops format words and header debris as format-word', () => {
    expect(outline(resolveFixture(['( C ) [MISC Summary: Although  ] the [LOC DECL:  ] and [ORG C  ] , [ORG APRA  ] .']))).toEqual([
      ['Summary: Although×format-word', 'DECL:×format-word', 'C×format-word', 'APRA→apra'],
    ]);
  });

  it('resolveCable(cable) cuts format debris glued before a name and counts it', () => {
    const r = resolveFixture(['( C ) [LOC Summary: Hamburg State Police  ] acted .']);
    expect(outline(r)).toEqual([['Summary: Hamburg State Police→hamburg state police']]);
    expect(r.ruleCounts['format-prefix']).toBe(1);
  });

  it('resolveCable(cable) drops cable jargon roles as jargon-role', () => {
    expect(outline(resolveFixture(['( C ) [PER Poloff  ] told [MISC Emboffs  ] and the [ORG DCM  ] about [PER Charles  ] .']))).toEqual([
      ['Poloff×jargon-role', 'Emboffs×jargon-role', 'DCM×jargon-role', 'Charles→charles'],
    ]);
  });

  it('resolveCable(cable) leaves redactions out by default, possessives included', () => {
    expect(outline(resolveFixture(["( C ) [ORG XXXXXXXXXXXX  ] met [ORG XXXXXXXXXXXX's  ] friend and [ORG XM  ] ."]))).toEqual([
      ['XXXXXXXXXXXX×redaction', "XXXXXXXXXXXX's×redaction", 'XM→xm'],
    ]);
  });

  it("resolveCable(cable) with redactions 'per-cable' gives the cable's redactions one source of their own", () => {
    const r = resolveFixture(['( C ) [ORG XXXXXXXXXXXX  ] said .', '[PER XXXXXX  ] agreed .'], context({ redactions: 'per-cable' }));
    const ms = r.paragraphs.flatMap((p) => p.mentions);
    expect(ms.map((m) => [m.key, m.surface, m.dropped])).toEqual([
      ['redacted source (lima 000123)', 'Redacted source (LIMA 000123)', null],
      ['redacted source (lima 000123)', 'Redacted source (LIMA 000123)', null],
    ]);
  });

  it('resolveCable(cable) keys a name with a redaction glued to it by the name', () => {
    expect(outline(resolveFixture(['( C ) [ORG Baker HughesXXXXXXXXXXXX  ] .']))).toEqual([['Baker HughesXXXXXXXXXXXX→baker hughes']]);
  });

  it('resolveCable(cable) drops mentions with nothing nameable as no-name', () => {
    expect(outline(resolveFixture(['( C ) [MISC 1992  ] and [ORG --  ] .']))).toEqual([['1992×no-name', '--×no-name']]);
  });

  it('resolveCable(cable, options) keeps what a switched-off rule would drop', () => {
    const r = resolveFixture(['( C ) [PER Poloff  ] and [MISC Summary: Although  ] .'], context({ jargonRoles: false, formatWords: false }));
    expect(outline(r)).toEqual([['Poloff→poloff', 'Summary: Although→summary: although']]);
  });
});

describe('resolveCable: definitions and last names', () => {
  const cable = [
    '( C ) The [ORG National Police  ] ( [ORG PNP  ] ) and [PER Omar Quesada  ] .',
    '[ORG National Police  ] chief met [PER Quesada  ] near [ORG Sendero Luminoso  ] ( [ORG SL  ] ) areas .',
  ];

  it('resolveCable(cable) keys every long form of a defined acronym by the acronym, within the cable', () => {
    expect(outline(resolveFixture(cable))).toEqual([
      ['National Police→pnp', 'PNP→pnp', 'Omar Quesada→omar quesada'],
      ['National Police→pnp', 'Quesada→omar quesada', 'Sendero Luminoso→sl', 'SL→sl'],
    ]);
  });

  it('resolveCable(cable) does not carry a definition to another cable', () => {
    expect(outline(resolveFixture(['( C ) The [ORG National Police  ] acted .']))).toEqual([['National Police→national police']]);
  });

  it('resolveCable(cable, options) keeps long forms and last names apart when those rules are off', () => {
    const r = resolveFixture(cable, context({ definitions: false, lastNames: false }));
    expect(outline(r)[1]).toEqual(['National Police→national police', 'Quesada→quesada', 'Sendero Luminoso→sendero luminoso', 'SL→sl']);
  });

  it('resolveCable(cable) does not merge two names that only stand in brackets', () => {
    expect(outline(resolveFixture(['( C ) The [ORG La Convencion Province  ] ( [ORG Cuzco Department  ] ) .']))).toEqual([
      ['La Convencion Province→la convencion province', 'Cuzco Department→cuzco department'],
    ]);
  });

  it('resolveCable(cable) counts what each rule did', () => {
    expect(resolveFixture(cable).ruleCounts).toEqual({ definitions: 3, 'last-names': 1 });
  });
});

describe('resolveCable: lexicon and aliases', () => {
  it('resolveCable(cable) adds lexicon mentions with origin lexicon and the lexicon type, sorted among the others', () => {
    const r = resolveFixture(['( C ) Cocaleros met the [ORG PNP  ] and coca growers .'], context({}, COCA));
    expect(r.paragraphs[0]!.mentions.map((m) => [m.surface, m.key, m.type, m.origin])).toEqual([
      ['Cocaleros', 'cocaleros', 'GROUP', 'lexicon'],
      ['PNP', 'pnp', 'ORG', 'tagger'],
      ['coca growers', 'cocaleros', 'GROUP', 'lexicon'],
    ]);
    expect(r.ruleCounts.lexicon).toBe(2);
  });

  it('resolveCable(cable) lets the tagger win over the lexicon, and files a tagged variant under its term', () => {
    const r = resolveFixture(['( C ) The [ORG Cocalero Congress  ] and [MISC cocalero  ] .'], context({}, COCA));
    expect(r.paragraphs[0]!.mentions.map((m) => [m.surface, m.key, m.origin])).toEqual([
      ['Cocalero Congress', 'cocalero congress', 'tagger'],
      ['cocalero', 'cocaleros', 'tagger'],
    ]);
  });

  it('resolveCable(cable) matches the lexicon in paragraphs only, not in the header', () => {
    const r = resolveFixture(['( C ) nothing here .'], context({}, parseLexicon('fixture\tMISC', 'l.tsv').lexicon));
    expect(r.paragraphs[0]!.mentions).toEqual([]);
  });

  it('resolveCable(cable) applies the alias file last, by key, after definitions', () => {
    const aliases = aliasesOf('Upper Huallaga Valleys\tUpper Huallaga\nPNP\tPeruvian National Police');
    const r = resolveFixture(['( C ) [ORG Upper Huallaga Valleys  ] and [ORG National Police  ] ( [ORG PNP  ] ) .'], context({}, EMPTY_LEXICON, aliases));
    expect(outline(r)).toEqual([['Upper Huallaga Valleys→upper huallaga', 'National Police→peruvian national police', 'PNP→peruvian national police']]);
    expect(r.ruleCounts.aliases).toBe(3);
  });

  it('resolveCable(cable) keeps a name the alias file keeps apart out of definitions, last names and aliases', () => {
    const aliases = aliasesOf('National Police\tNational Police\nQuesada\tQuesada');
    const r = resolveFixture(['( C ) [ORG National Police  ] ( [ORG PNP  ] ) and [PER Omar Quesada  ] ; [PER Quesada  ] .'], context({}, EMPTY_LEXICON, aliases));
    expect(outline(r)).toEqual([['National Police→national police', 'PNP→pnp', 'Omar Quesada→omar quesada', 'Quesada→quesada']]);
  });
});

describe('MentionReadings', () => {
  it('gives what reading each mention afresh gives, kept across cables within its bound', () => {
    const paragraphs = ['( C ) [ORG National Police  ] ( [ORG PNP  ] ) met [PER XXXXXXXXXXXX  ] in [LOC Lima  ] .', '[ORG PNP  ] and [MISC DECL:  ] [LOC Lima  ] .'];
    const fresh = resolveFixture(paragraphs);
    for (const limit of [1, 2, 50_000]) {
      const readings = new MentionReadings(limit);
      const kept = { ...context(), readings };
      expect(resolveFixture(paragraphs, kept)).toEqual(fresh);
      expect(resolveFixture(paragraphs, kept)).toEqual(fresh);
    }
  });
});
