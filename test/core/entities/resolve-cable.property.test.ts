import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Cable } from '../../../src/core/cable/model.ts';
import { readCable } from '../../../src/core/cable/read-cable.ts';
import { parseAliases } from '../../../src/core/entities/aliases.ts';
import { parseLexicon } from '../../../src/core/entities/lexicon.ts';
import type { ResolvedCable } from '../../../src/core/entities/model.ts';
import { REDACTION_MODES, type ResolveOptions } from '../../../src/core/entities/options.ts';
import { resolveCable, type ResolveContext } from '../../../src/core/entities/resolve-cable.ts';
import { seedText } from '../../helpers.ts';
import { repairFragments } from '../../../src/core/entities/fragments.ts';

/** Pieces of annotated text, noise and names alike. */
const WORDS = [
  '[PER ', '[ORG ', '[LOC ', '[MISC ', '[GROUP ', '  ]', ' ', ' ', ' \n', '(', ')', '( ', ' )', "'s", '’s', ',', '.', ':', '"',
  'Lima', 'Lima.', 'LIMA', 'National', 'Police', 'PNP', 'SL', 'Sendero', 'Luminoso', 'Omar', 'Quesada', 'XXXXXXXXXXXX',
  'XXXX', 'Poloff', 'Emboffs', 'DECL:', 'Summary:', 'Although', 'C', 'U.S.', 'cocaleros', 'coca', 'growers', 'é', '1992',
  "<a id='par1' href='#par1'>¶</a>1 .", "<a id='par2' href='#par2'>¶</a>2 .", '\u0301', 'İ', 'ß', '$', '|', '\\',
];
const annotatedText = fc.array(fc.constantFrom(...WORDS), { maxLength: 120 }).map((parts) => parts.join(''));

const mutatedSeed = fc
  .array(fc.tuple(fc.nat(), fc.nat({ max: 80 }), fc.boolean(), fc.constantFrom(...WORDS)), { minLength: 1, maxLength: 8 })
  .map((edits) => {
    let text = seedText();
    for (const [at, len, cut, word] of edits) {
      const i = at % (text.length + 1);
      text = cut ? text.slice(0, i) + text.slice(i + len) : text.slice(0, i) + word + text.slice(i);
    }
    return text;
  });

const options: fc.Arbitrary<ResolveOptions> = fc.record({
  formatWords: fc.boolean(),
  jargonRoles: fc.boolean(),
  redactions: fc.constantFrom(...REDACTION_MODES),
  definitions: fc.boolean(),
  lastNames: fc.boolean(),
});

/** Lexicon and alias files made of the same pieces, bad lines included: they must parse to something usable. */
const tsv = fc.array(fc.array(fc.constantFrom(...WORDS, '\t', 'GROUP', 'ORG', 'cocalero|coca growers'), { maxLength: 6 }).map((p) => p.join('')), { maxLength: 5 })
  .map((lines) => lines.join('\n'));

const contextArb: fc.Arbitrary<ResolveContext> = fc.tuple(options, tsv, tsv).map(([o, lex, ali]) => ({
  options: o,
  lexicon: parseLexicon(`cocaleros\tGROUP\tcocalero|coca growers\n${lex}`, 'l.tsv').lexicon,
  aliases: parseAliases(`Lima\tPeru\n${ali}`, 'a.tsv').aliases,
}));

function checkInvariants(cable: Cable, r: ResolvedCable, options: ResolveOptions): void {
  expect(r.paragraphs.map((p) => [p.n, p.text])).toEqual(cable.paragraphs.map((p) => [p.n, p.text]));
  cable.paragraphs.forEach((p, i) => {
    const out = r.paragraphs[i]!.mentions;
    const tagger = out.filter((m) => m.origin === 'tagger');
    // Every input mention is in the output exactly once, in order; with the format rules on, a
    // qualifier and the name it was cut from count as the one mention fragment repair joins
    // (`Upper [PER Huallaga  ]` is Upper Huallaga).
    const input = options.formatWords ? repairFragments(p.text, p.mentions) : p.mentions;
    expect(tagger.map((m) => [m.start, m.end, m.type])).toEqual(input.map((m) => [m.start, m.end, m.type]));
    for (let k = 1; k < out.length; k++) expect(out[k]!.start >= out[k - 1]!.start).toBe(true);
    for (const m of out) {
      expect(m.key === null).toBe(m.dropped !== null);
      if (m.key !== null) expect(m.key).not.toBe('');
      if (m.origin === 'lexicon') {
        expect(p.text.slice(m.start, m.end)).toBe(m.surface);
        expect(p.mentions.some((t) => t.start < m.end && m.start < t.end)).toBe(false);
      }
    }
  });
}

describe('resolveCable (properties)', () => {
  it('never throws and keeps every input mention exactly once, on random cables and options', () => {
    fc.assert(fc.property(annotatedText, contextArb, (text, ctx) => {
      const { cable, diagnostics } = readCable(text, 'p.txt');
      if (cable !== null) checkInvariants(cable, resolveCable(cable, diagnostics, ctx), ctx.options);
    }), { numRuns: 1500 });
  });

  it('keeps a tagger mention joined to the qualifier before it as the one mention fragment repair makes', () => {
    // A mutation the property below once found: a tag cut into a name, after a qualifier.
    const text = seedText().replace('[ORG Upper Huallaga  ] and in the immediate', '[ORG Upper[PER  Huallaga  ] and in the immediate');
    expect(text).not.toBe(seedText());
    const { cable, diagnostics } = readCable(text, 'm.txt');
    const options = { formatWords: true, jargonRoles: false, redactions: 'omit', definitions: false, lastNames: false } as const;
    const context = { options, lexicon: parseLexicon('', 'l.tsv').lexicon, aliases: parseAliases('', 'a.tsv').aliases };
    const resolved = resolveCable(cable!, diagnostics, context);
    expect(resolved.paragraphs.flatMap((p) => p.mentions).some((m) => m.surface === 'Upper Huallaga' && m.type === 'PER')).toBe(true);
    checkInvariants(cable!, resolved, options);
  });

  it('holds on mutated copies of the seed cable', () => {
    fc.assert(fc.property(mutatedSeed, contextArb, (text, ctx) => {
      const { cable, diagnostics } = readCable(text, 'm.txt');
      if (cable !== null) checkInvariants(cable, resolveCable(cable, diagnostics, ctx), ctx.options);
    }), { numRuns: 300 });
  });

  it('resolves the same cable to the same result, whatever was resolved before', () => {
    fc.assert(fc.property(annotatedText, contextArb, (text, ctx) => {
      const { cable } = readCable(text, 'd.txt');
      if (cable !== null) expect(resolveCable(cable, [], ctx)).toEqual(resolveCable(cable, [], ctx));
    }), { numRuns: 300 });
  });
});
