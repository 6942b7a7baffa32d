import { describe, expect, it } from 'vitest';
import { acronymDefinitions, isAcronymOf, personInitials, type KeyedMention } from '../../../src/core/entities/definitions.ts';
import { entityKey } from '../../../src/core/entities/normalize.ts';

describe('isAcronymOf', () => {
  it('isAcronymOf(short, long) accepts acronyms whose letters are initials of the long form', () => {
    expect(isAcronymOf('PNP', 'National Police')).toBe(true);
    expect(isAcronymOf('SL', 'Sendero Luminoso')).toBe(true);
    expect(isAcronymOf('FARC', 'Revolutionary Armed Forces of Colombia')).toBe(true);
    expect(isAcronymOf('KJI', 'Kim Jong-il')).toBe(true);
    expect(isAcronymOf('MbZ', 'Mohammed bin Zayed')).toBe(true);
  });

  it('isAcronymOf(short, long) rejects a letter the long form does not start a word with', () => {
    expect(isAcronymOf('AQAP', 'Arabian Peninsula')).toBe(false);
    expect(isAcronymOf('MAS', 'Evo Morales')).toBe(false);
    expect(isAcronymOf('PML-N', 'League-N')).toBe(false);
  });

  it('isAcronymOf(short, long) rejects a short form that is not acronym-shaped, or a one-word long form', () => {
    expect(isAcronymOf('Cuzco Department', 'La Convencion Province')).toBe(false);
    expect(isAcronymOf('SecDef', 'Robert Gates')).toBe(false);
    expect(isAcronymOf('Ahora', 'Alianza Hora')).toBe(false);
    expect(isAcronymOf('P', 'Peru Posible')).toBe(false);
    expect(isAcronymOf('CFE', 'Europe')).toBe(false);
  });
});

/** Mentions of a display text, found by their text in order. */
function paragraph(text: string, ...names: string[]): { text: string; mentions: KeyedMention[] } {
  let from = 0;
  const mentions = names.map((name) => {
    const start = text.indexOf(name, from);
    from = start + name.length;
    return { start, end: from, text: name, key: entityKey(name) };
  });
  return { text, mentions };
}

describe('acronymDefinitions', () => {
  it('acronymDefinitions(paragraphs) maps the long form to the acronym for Long (ACR) and ACR (Long)', () => {
    const map = acronymDefinitions([
      paragraph('The National Police (PNP) act.', 'National Police', 'PNP'),
      paragraph('Signs of SL (Sendero Luminoso) remain.', 'SL', 'Sendero Luminoso'),
    ]);
    expect([...map]).toEqual([['national police', 'pnp'], ['sendero luminoso', 'sl']]);
  });

  it('acronymDefinitions(paragraphs) needs the bracketed mention right beside the other', () => {
    const map = acronymDefinitions([
      paragraph('the Apurimac and Ene river valleys (VRAE) area', 'Apurimac', 'Ene', 'VRAE'),
      paragraph('National Police and PNP (in Lima)', 'National Police', 'PNP'),
      paragraph('National Police (the PNP)', 'National Police', 'PNP'),
    ]);
    expect(map.size).toBe(0);
  });

  it('acronymDefinitions(paragraphs) does not merge two names that only stand in brackets', () => {
    const map = acronymDefinitions([paragraph('The La Convencion Province (Cuzco Department), for example', 'La Convencion Province', 'Cuzco Department')]);
    expect(map.size).toBe(0);
  });

  it('acronymDefinitions(paragraphs) keeps the first acronym given to a long form', () => {
    const map = acronymDefinitions([
      paragraph('National Police (PNP) here', 'National Police', 'PNP'),
      paragraph('National Police (NP) there', 'National Police', 'NP'),
    ]);
    expect(map.get('national police')).toBe('pnp');
  });
});

describe('personInitials', () => {
  const typed = (p: { text: string; mentions: KeyedMention[] }, ...types: string[]) => ({ ...p, mentions: p.mentions.map((m, i) => ({ ...m, type: types[i] })) });

  it('personInitials(paragraphs) maps initials defined by a person to the person, and acronymDefinitions leaves them out', () => {
    const ps = [typed(paragraph('leader Kim Jong-il (KJI) said', 'Kim Jong-il', 'KJI'), 'PER', 'ORG'), typed(paragraph('The National Police (PNP) act.', 'National Police', 'PNP'), 'ORG', 'ORG')];
    expect([...personInitials(ps)]).toEqual([['kji', 'kim jong-il']]);
    expect([...acronymDefinitions(ps)]).toEqual([['national police', 'pnp']]);
  });
});
