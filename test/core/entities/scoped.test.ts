import { describe, expect, it } from 'vitest';
import { countryByName, countryOf } from '../../../src/core/entities/countries.ts';
import { cableIdCountry, postCountry } from '../../../src/core/entities/posts.ts';
import { fits, parseScopedKey, readScoped, scopeOf, scopedKey, scopedLabel } from '../../../src/core/entities/scoped.ts';
import { entityKey } from '../../../src/core/entities/normalize.ts';
import { resolveCable, resolveOptions } from '../../../src/core/entities/resolve-cable.ts';
import { EMPTY_LEXICON } from '../../../src/core/entities/lexicon.ts';
import { EMPTY_ALIASES } from '../../../src/core/entities/aliases.ts';
import { readCable } from '../../../src/core/cable/read-cable.ts';

const c = (name: string) => countryByName(entityKey(name))!;

describe('posts', () => {
  it('postCountry(origin) reads metadata origins and header origins', () => {
    expect(postCountry('Embassy Paris')?.name).toBe('France');
    expect(postCountry('TEL AVIV')?.name).toBe('Israel');
    expect(postCountry('Consulate Sao Paulo')?.name).toBe('Brazil');
    expect(postCountry('Iran RPO Dubai')?.name).toBe('Iran');
    expect(postCountry('Mission USNATO')).toBeNull();
    expect(postCountry('Nowhere')).toBeNull();
  });

  it('cableIdCountry(file) reads the post of a Cablegate file name', () => {
    expect(cableIdCountry('cables/09TELAVIV2502.txt')?.name).toBe('Israel');
    expect(cableIdCountry('06LIMA2158.txt')?.name).toBe('Peru');
    expect(cableIdCountry('notes.txt')).toBeNull();
  });
});

describe('countries', () => {
  it('knows names, abbreviations and demonyms', () => {
    for (const n of ['U.S.', 'USA', 'United States of America', 'US']) expect(countryByName(entityKey(n))?.key, n).toBe('united states');
    expect(countryByName('dprk')?.key).toBe('north korea');
    expect(countryOf('peruvian')?.key).toBe('peru');
  });
});

describe('scoped acronyms', () => {
  it('readScoped(key) reads ministries, governments and the country written with them', () => {
    expect(readScoped('mfa')).toEqual({ acronym: 'mfa', country: null });
    expect(readScoped('foreign ministry')).toEqual({ acronym: 'mfa', country: null });
    expect(readScoped('russian mfa')?.country?.key).toBe('russia');
    expect(readScoped("peru's foreign ministry")).toEqual({ acronym: 'mfa', country: c('Peru') });
    expect(readScoped('government of iraq')).toEqual({ acronym: 'goi', country: c('Iraq') });
    expect(readScoped('goi')).toEqual({ acronym: 'goi', country: null });
    expect(readScoped('pnp')).toBeNull();
    expect(readScoped('government of the united states')).toBeNull();
  });

  it('fits(acronym, country): GO and the initial, or the initials; ministries anywhere but the United States', () => {
    expect(fits('gof', c('France'))).toBe(true);
    expect(fits('goi', c('France'))).toBe(false);
    expect(fits('gosl', c('Sri Lanka'))).toBe(true);
    expect(fits('mfa', c('Peru'))).toBe(true);
    expect(fits('mfa', c('United States'))).toBe(false);
  });

  it('scopeOf: the written country, the definition, the post, the paragraph, the cable, else unresolved', () => {
    const goi = { acronym: 'goi', country: null };
    const none = new Map();
    expect(scopeOf({ acronym: 'mfa', country: c('Russia') }, none, c('France'), [], []).rule).toBe('scoped-named');
    expect(scopeOf(goi, new Map([['goi', c('Iraq')]]), c('Israel'), [], []).country?.key).toBe('iraq');
    expect(scopeOf({ acronym: 'gof', country: null }, none, c('France'), [], [])).toEqual({ country: c('France'), rule: 'scoped-post' });
    expect(scopeOf(goi, none, c('France'), [c('Iraq'), c('France')], []).country?.key).toBe('iraq');
    expect(scopeOf(goi, none, c('France'), [], [c('Israel')]).rule).toBe('scoped-cable');
    expect(scopeOf(goi, none, c('France'), [c('Iraq'), c('Israel')], [])).toEqual({ country: null, rule: 'scoped-unresolved' });
  });

  it('scopedKey and scopedLabel name one node per country', () => {
    const key = scopedKey('mfa', c('Peru'));
    expect(key).toBe('mfa (peru)');
    expect(parseScopedKey(key)?.country.name).toBe('Peru');
    expect(parseScopedKey('redacted source (lima 002158)')).toBeNull();
    expect(scopedLabel(key, [['Foreign Ministry', 5], ['MFA', 3]], entityKey)).toBe('MFA (Peru)');
  });

  it('resolveCable gives MFA, GOF and Russian MFA in an Embassy Paris cable their countries, and GOI the one the paragraph names', () => {
    const anchor = (n: number) => `<a id='par${n}' href='#par${n}'>¶</a>${n} .`;
    const text = `<code><pre>C O N F I D E N T I A L [LOC PARIS  ] 002242 SIPDIS TAGS: PREL SUBJECT: X ${anchor(1)} \n( C ) The [ORG MFA  ] and the [ORG GOF  ] met the [ORG Russian MFA  ] . ${anchor(2)} \n( C ) In [LOC Iraq  ] , the [ORG GOI  ] agreed . ${anchor(3)} \n( C ) The [ORG GOI  ] and the [ORG GOS  ] spoke .</pre></code>`;
    const { cable, diagnostics } = readCable(text, 'p.txt');
    const r = resolveCable(cable!, diagnostics, { options: resolveOptions({}), lexicon: EMPTY_LEXICON, aliases: EMPTY_ALIASES });
    expect(r.paragraphs.map((p) => p.mentions.map((m) => m.key))).toEqual([
      ['mfa (france)', 'gof (france)', 'mfa (russia)'],
      ['iraq', 'goi (iraq)'],
      ['goi (iraq)', 'gos'],
    ]);
  });
});
