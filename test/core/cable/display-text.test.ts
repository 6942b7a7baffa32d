import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { renderText, type RenderCursor } from '../../../src/core/cable/display-text.ts';

function render(text: string) {
  const cursor: RenderCursor = { file: 'r.txt', line: 1, diagnostics: [], tags: [] };
  const r = renderText(text, 0, text.length, cursor);
  return {
    text: r.text,
    mentions: r.mentions.map((m) => [m.type, m.text, m.start, m.end]),
    sentences: r.sentences,
    diagnostics: cursor.diagnostics.map((d) => [d.code, d.line]),
    lines: cursor.line,
  };
}

describe('renderText: the scan that skips plain words and its shortcuts', () => {
  it('keeps one space between words and drops it before one-character closing marks', () => {
    expect(render('a , b . c ) d ; e % f').text).toBe('a, b. c) d; e% f');
  });

  it('leaves a space before a stray ] to the separator, which reports the bracket', () => {
    expect(render('a ] b')).toMatchObject({ text: 'a] b', diagnostics: [['literal-bracket', 1]] });
  });

  it("glues n't to the word before and keeps other words starting with n", () => {
    expect(render("we ca n't go , not now ; nor the n 's").text).toBe("we can't go, not now; nor the n's");
  });

  it("glues N'T in capitals as well", () => {
    expect(render("YOU CA N'T BOIL , NOR DO N't I").text).toBe("YOU CAN'T BOIL, NOR DON't I");
  });

  it('closes mentions followed by a space, a line break, glued punctuation, or the end', () => {
    expect(render('the [PER Evo Morales  ] said [LOC Lima  ]\n[ORG PNP  ] and [MISC X  ]')).toEqual({
      text: 'the Evo Morales said Lima PNP and X',
      mentions: [['PER', 'Evo Morales', 4, 15], ['LOC', 'Lima', 21, 25], ['ORG', 'PNP', 26, 29], ['MISC', 'X', 34, 35]],
      sentences: [0, 26], diagnostics: [], lines: 2,
    });
    expect(render('[PER Evo  ], then [ORG Y  ]( z')).toMatchObject({ text: 'Evo, then Y(z', mentions: [['PER', 'Evo', 0, 3], ['ORG', 'Y', 10, 11]] });
  });

  it('gives a mention with an edit inside the text it has in the output', () => {
    expect(render('( C ) the " sacred leaf . " [ORG AT&amp;T  ] and [PER Lima .  ]')).toMatchObject({
      text: '(C) the "sacred leaf." AT&T and Lima.',
      mentions: [['ORG', 'AT&T', 23, 27], ['PER', 'Lima.', 32, 37]],
    });
  });

  it('stops inside a word for glued openings, anchors and character references', () => {
    expect(render("word[PER X  ] and<a id='parB' href='#parB'>¶</a>B . AT&amp;T")).toMatchObject({
      text: 'wordX andB. AT&T', mentions: [['PER', 'X', 4, 5]],
    });
  });

  it('stops inside the first word after an opening bracket or quote and at a sentence start too', () => {
    expect(render("( word[PER X  ] ) and\nAT&amp;T , \" Lima<a id='parB' href='#parB'>¶</a>B \"")).toMatchObject({
      text: '(wordX) and AT&T, "LimaB"', mentions: [['PER', 'X', 5, 6]], sentences: [0, 12],
    });
    expect(render("a ([PER X  ] b\n.<a id='parB' href='#parB'>¶</a>B c")).toMatchObject({
      text: 'a (X b.B c', mentions: [['PER', 'X', 3, 4]], sentences: [0, 7],
    });
  });

  it('collapses blank runs and line breaks to one space and marks sentence starts', () => {
    expect(render('a \n\n b  c')).toMatchObject({ text: 'a b c', sentences: [0, 2], lines: 3 });
  });
});

/** Pieces of annotated text without anchor markup (whose inner spaces must stay single). */
const FRAGMENTS = [
  '[PER ', '[ORG ', '[X_1 ', '  ]', ' ]', ']', '[', '[ ', ' ', ' ', ' ', ' \n', '\n', '  ', '&amp;', '&quot;', '&#x000A;',
  '&bogus;', '&', '(', ')', '"', "'s", "n't", "N'T", 'n', 'N', ',', '.', ':', ';', '$', '``', "''", '...', '’', '’s', '“', '”',
  'Evo', 'Morales', 'Lima.', 'é', '<script>', '1', 'a', 'A', '-', '--', '?', '%',
];

/**
 * Every space doubled, except the one ending a `[TYPE ` opening and one before `]` (which would
 * turn ` ]` into a closing). A doubled space is never "one space before a word", so this text
 * takes the general separator logic everywhere the original took a shortcut, and renders the same.
 */
function doubledSpaces(text: string): string {
  return text.replace(/(?<!\[[A-Z][A-Z0-9_-]*) (?!\])/g, '  ');
}

describe('renderText (properties)', () => {
  it('renders the same when every separator has to take the general path', () => {
    const text = fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 60 }).map((parts) => parts.join(''));
    fc.assert(fc.property(text, (t) => {
      expect(render(doubledSpaces(t))).toEqual(render(t));
    }), { numRuns: 3000 });
  });
});
