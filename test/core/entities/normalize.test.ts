import { describe, expect, it } from 'vitest';
import { chooseLabel, cleanLabel, entityKey, majorityType } from '../../../src/core/entities/normalize.ts';

describe('entityKey', () => {
  it('entityKey(surface) folds case and collapses whitespace', () => {
    expect(entityKey('LIMA')).toBe('lima');
    expect(entityKey('  Upper   Huallaga\tValleys ')).toBe('upper huallaga valleys');
  });

  it('entityKey(surface) strips edge punctuation: Lima. and "Lima" are lima', () => {
    expect(entityKey('Lima.')).toBe('lima');
    expect(entityKey('"Lima",')).toBe('lima');
    expect(entityKey('(Lima)')).toBe('lima');
  });

  it('entityKey(surface) drops possessives written with a straight or a curly apostrophe', () => {
    expect(entityKey("APRA's")).toBe('apra');
    expect(entityKey('APRA’s')).toBe('apra');
    expect(entityKey("XXXXXXXXXXXX's")).toBe('xxxxxxxxxxxx');
    expect(entityKey("Palestinians'")).toBe('palestinians');
  });

  it('entityKey(surface) keeps an inner apostrophe, typographic or not, as one form', () => {
    expect(entityKey("O'Brien")).toBe("o'brien");
    expect(entityKey('O’Brien')).toBe("o'brien");
  });

  it('entityKey(surface) merges U.S., U.S and US, and U.S.\'s, by dropping the dots of initials', () => {
    expect(entityKey('U.S.')).toBe('us');
    expect(entityKey('U.S')).toBe('us');
    expect(entityKey('US')).toBe('us');
    expect(entityKey("U.S.'s")).toBe('us');
    expect(entityKey('U.K.')).toBe(entityKey('UK'));
    expect(entityKey('John F. Kennedy')).toBe(entityKey('John F Kennedy'));
  });

  it('entityKey(surface) keeps the dot of an abbreviation that is not an initial', () => {
    expect(entityKey('St. Louis')).toBe('st. louis');
  });

  it('entityKey(surface) never strips accents and folds non-ASCII case fully', () => {
    expect(entityKey('Apurímac')).toBe('apurímac');
    expect(entityKey('APURÍMAC')).toBe('apurímac');
    expect(entityKey('Straße')).toBe(entityKey('STRASSE'));
  });

  it('entityKey(surface) gives one key for NFC and NFD forms', () => {
    expect(entityKey('Apuri\u0301mac')).toBe(entityKey('Apur\u00edmac'));
  });

  it('entityKey(surface) keeps a bracket closing one inside the name', () => {
    expect(entityKey('Redacted source (LIMA 002158)')).toBe('redacted source (lima 002158)');
  });

  it('entityKey(surface) is empty when nothing nameable is left', () => {
    for (const s of ['', '.', "'s", ' , ', '1992', '11/11/2014', '--']) expect(entityKey(s), s).toBe('');
  });

  it('entityKey(key) is a fixed point, so queries can be normalised the same way', () => {
    for (const s of ['Lima.', 'U.S.', "APRA's", 'Apurímac', 'San Martin/Ucayali/Huanuco Departments']) {
      expect(entityKey(entityKey(s))).toBe(entityKey(s));
    }
  });
});

describe('cleanLabel', () => {
  it('cleanLabel(form) drops trailing punctuation but keeps the dot of initials', () => {
    expect(cleanLabel('Lima.')).toBe('Lima');
    expect(cleanLabel('U.S.')).toBe('U.S.');
    expect(cleanLabel(' "Sendero  Luminoso," ')).toBe('Sendero Luminoso');
  });
});

describe('chooseLabel', () => {
  it('chooseLabel(aliases) prefers mixed case over ALL CAPS, even when less frequent', () => {
    expect(chooseLabel([['LIMA', 5], ['Lima', 1]])).toBe('Lima');
  });

  it('chooseLabel(aliases) lets a form in capitals win when it is far more frequent (acronyms)', () => {
    expect(chooseLabel([['PA', 63], ['Pa', 1]])).toBe('PA');
  });

  it('chooseLabel(aliases) pools forms equal without trailing punctuation and shows none', () => {
    expect(chooseLabel([['Lima.', 2], ['Lima', 1], ['Lime', 2]])).toBe('Lima');
  });

  it('chooseLabel(aliases) prefers a form without a possessive', () => {
    expect(chooseLabel([["Iran's", 5], ['Iran', 2]])).toBe('Iran');
    expect(chooseLabel([["McDonald's", 2]])).toBe("McDonald's");
  });

  it('chooseLabel(aliases, key) prefers forms that file under the entity key', () => {
    expect(chooseLabel([['PNP', 6], ['National Police', 2]], 'pnp')).toBe('PNP');
    expect(chooseLabel([['Quesada', 2], ['Omar Quesada', 1]], 'omar quesada')).toBe('Omar Quesada');
  });

  it('chooseLabel(aliases) breaks ties in code-unit order, whatever the input order', () => {
    expect(chooseLabel([['Peru', 2], ['Perú', 2]])).toBe('Peru');
    expect(chooseLabel([['Perú', 2], ['Peru', 2]])).toBe('Peru');
  });

  it('chooseLabel(aliases) is empty when no alias has a letter', () => {
    expect(chooseLabel([])).toBe('');
    expect(chooseLabel([['...', 3]])).toBe('');
  });
});

describe('majorityType', () => {
  it('majorityType(counts) takes the most frequent type', () => {
    expect(majorityType({ ORG: 2, LOC: 5, PER: 1 })).toBe('LOC');
  });

  it('majorityType(counts) gives ties to a type other than MISC, then to code-unit order', () => {
    expect(majorityType({ MISC: 3, PER: 3 })).toBe('PER');
    expect(majorityType({ PER: 3, MISC: 3 })).toBe('PER');
    expect(majorityType({ PER: 2, ORG: 2, LOC: 2 })).toBe('LOC');
    expect(majorityType({ ORG: 2, GROUP: 2 })).toBe('GROUP');
  });

  it('majorityType(counts) is empty for no counts', () => {
    expect(majorityType({})).toBe('');
  });
});
