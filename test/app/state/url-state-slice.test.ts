import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_STATE, fromParams, resetFilters, setSlice, toParams } from '../../../src/app/state/url-state.ts';

describe('the slice in the URL', () => {
  it('writes days and repeated values, and reads them back', () => {
    const state = setSlice({ from: '2006-02-01', to: '2006-02-28', origins: ['Embassy Lima', 'Embassy La Paz'], tags: ['PTER'], classifications: ['SECRET'] })(DEFAULT_STATE);
    const params = toParams(state);
    expect(params.toString()).toBe('from=2006-02-01&to=2006-02-28&origin=Embassy+La+Paz&origin=Embassy+Lima&class=SECRET&tag=PTER');
    expect(fromParams(params).slice).toEqual({ from: '2006-02-01', to: '2006-02-28', origins: ['Embassy La Paz', 'Embassy Lima'], tags: ['PTER'], classifications: ['SECRET'] });
  });

  it('an empty slice, a malformed day or a reset leaves no slice', () => {
    expect(setSlice({ origins: [] })(DEFAULT_STATE)).toEqual(DEFAULT_STATE);
    expect(fromParams(new URLSearchParams('from=2006-02-30&to=yesterday'))).toEqual(DEFAULT_STATE);
    expect(resetFilters()(setSlice({ tags: ['PTER'] })(DEFAULT_STATE))).toEqual(DEFAULT_STATE);
  });

  it('fromParams(toParams(s)) keeps any slice of any values (property)', () => {
    const day = fc.date({ min: new Date('1966-01-01'), max: new Date('2010-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
    const values = fc.option(fc.uniqueArray(fc.string({ minLength: 1, maxLength: 12 }), { minLength: 1, maxLength: 4 }).map((v) => [...v].sort()), { nil: undefined });
    fc.assert(fc.property(fc.record({ from: fc.option(day, { nil: undefined }), to: fc.option(day, { nil: undefined }), origins: values, tags: values, classifications: values }), (raw) => {
      const slice = Object.fromEntries(Object.entries(raw).filter(([, v]) => v !== undefined));
      const state = setSlice(slice)(DEFAULT_STATE);
      expect(fromParams(toParams(state))).toEqual(state);
    }));
  });
});
