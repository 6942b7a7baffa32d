import { describe, expect, it } from 'vitest';
import { cutRedactionRuns, isDate, isFormatWord, isJargonRole, isRedaction, isTitle, stripFormatPrefix } from '../../../src/core/entities/noise.ts';
import { entityKey } from '../../../src/core/entities/normalize.ts';

const k = entityKey;

describe('isFormatWord', () => {
  it('isFormatWord(key) catches header debris and section markers the tagger tagged', () => {
    for (const s of ['DECL:', 'Summary: Although', 'SUBJECT', 'REF', 'Refs', 'TAGS', 'SIPDIS', 'End Comment', 'Note:', 'E.O.', 'Classified Web Site']) {
      expect(isFormatWord(k(s)), s).toBe(true);
    }
  });

  it('isFormatWord(key) catches paragraph classification marks and handling marks', () => {
    for (const s of ['C', 'S', 'U', 'SBU', 'S/NF', 'C/NF', 'NOFORN']) expect(isFormatWord(k(s)), s).toBe(true);
  });

  it('isFormatWord(key) leaves calendar words to isDate, which counts them apart', () => {
    expect(isFormatWord(k('January'))).toBe(false);
    expect(isDate(k('January'))).toBe(true);
  });

  it('isFormatWord(key) keeps names that contain a format word', () => {
    for (const s of ['Secret Service', 'U.S. Secret Service', 'Summary: Hamburg State Police', 'Para', 'Although', 'Noteworthy']) {
      expect(isFormatWord(k(s)), s).toBe(false);
    }
  });
});

describe('stripFormatPrefix', () => {
  it('stripFormatPrefix(key) cuts debris glued before a name', () => {
    expect(stripFormatPrefix(k('Summary: Hamburg State Police'))).toBe('hamburg state police');
    expect(stripFormatPrefix(k("Sipdis Patrick O'Brien"))).toBe("patrick o'brien");
    expect(stripFormatPrefix(k('END SUMMARY Terrorist Financing Tracking Program'))).toBe('terrorist financing tracking program');
    expect(stripFormatPrefix(k('Summary: The Labour Party'))).toBe('labour party');
  });

  it('stripFormatPrefix(key) leaves names alone, classification words included', () => {
    for (const s of ['Secret Service', 'Comments Bureau', 'End Poverty Now', 'Lima']) {
      const key = k(s);
      expect(stripFormatPrefix(key), s).toBe(key);
    }
  });
});

describe('isJargonRole', () => {
  it('isJargonRole(key) catches embassy roles, any case, singular or plural', () => {
    for (const s of ['Poloff', 'POLOFF', 'Emboffs', 'PolCouns', 'PolOff', 'EconOff', 'DCM', 'A/DCM', 'Charge', 'Chargé', 'Conoff', 'RSO', 'DAO', 'CODEL', 'the Charge', 'Deputy Chief of Mission']) {
      expect(isJargonRole(k(s)), s).toBe(true);
    }
  });

  it('isJargonRole(key) keeps real actors and names that resemble a role', () => {
    for (const s of ['Charles', 'USG', 'GOP', 'USAID', 'DEA', 'Poloffice Ltd', 'Embassy of France', 'Charge Bureau', 'Ambassador Smith']) {
      expect(isJargonRole(k(s)), s).toBe(false);
    }
  });
});

describe('isRedaction', () => {
  it('isRedaction(key) catches runs of X, whatever their length, possessive or split', () => {
    for (const s of ['XXXXXXXXXXXX', "XXXXXXXXXXXX's", 'XXXX', 'XXX', 'xxxxxx', 'XXXXX XXXXXXX']) expect(isRedaction(k(s)), s).toBe(true);
  });

  it('isRedaction(key) keeps acronyms and names that contain an X', () => {
    for (const s of ['XM', 'XX', 'Xinhua', 'XXX Corps', 'Baker HughesXXXXXXXXXXXX', 'Max']) expect(isRedaction(k(s)), s).toBe(false);
  });
});

describe('cutRedactionRuns', () => {
  it('cutRedactionRuns(text) cuts runs of four or more X glued to a name', () => {
    expect(cutRedactionRuns('Baker HughesXXXXXXXXXXXX')).toBe('Baker Hughes ');
    expect(cutRedactionRuns('Minister XXXX said')).toBe('Minister   said');
  });

  it('cutRedactionRuns(text) returns names without such runs as they are', () => {
    expect(cutRedactionRuns('XXX Corps')).toBe('XXX Corps');
    expect(cutRedactionRuns('Xinhua')).toBe('Xinhua');
  });
});

describe('isDate', () => {
  it('isDate(key) catches months, weekdays and dates, May and August included', () => {
    for (const s of ['January', 'May', 'August', 'Tuesday', 'May 5', '5 June', 'mid-January 2009', 'the 5th of June', 'Sept. 11']) expect(isDate(k(s)), s).toBe(true);
  });

  it('isDate(key) keeps names with a calendar word in them', () => {
    for (const s of ['Theresa May', 'April 6 Movement', 'Jan Kubis', 'Jan', 'Mayor', 'Marchetti']) expect(isDate(k(s)), s).toBe(false);
  });
});

describe('isTitle', () => {
  it('isTitle(key) catches titles that stand alone', () => {
    for (const s of ['President', 'the President', 'Foreign Minister', 'Prime Minister', 'Crown Prince', 'President-elect', 'DefMin', 'Leader', 'Deputy Foreign Minister']) {
      expect(isTitle(k(s)), s).toBe(true);
    }
  });

  it('isTitle(key) keeps titles with a name or a place beside them', () => {
    for (const s of ['President Lula', 'Ayacucho Regional President', 'Supreme Leader', 'Foreign Ministry', 'Congress', 'Deputy', 'Attorney General']) {
      expect(isTitle(k(s)), s).toBe(false);
    }
  });
});
