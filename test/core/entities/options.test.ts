import { describe, expect, it } from 'vitest';
import { activeRules, DEFAULT_RESOLVE_OPTIONS, RESOLVE_RULES, resolveOptions } from '../../../src/core/entities/options.ts';

describe('resolveOptions', () => {
  it('resolveOptions() gives the defaults: every rule on, redactions omitted', () => {
    expect(resolveOptions()).toEqual({ formatWords: true, jargonRoles: true, redactions: 'omit', definitions: true, lastNames: true });
    expect(resolveOptions()).toEqual(DEFAULT_RESOLVE_OPTIONS);
  });

  it('resolveOptions(partial) overrides the given options and ignores undefined ones', () => {
    expect(resolveOptions({ jargonRoles: false, redactions: 'per-cable', lastNames: undefined })).toEqual({
      ...DEFAULT_RESOLVE_OPTIONS, jargonRoles: false, redactions: 'per-cable',
    });
  });

  it('resolveOptions(partial) names a bad value and what would be right', () => {
    expect(() => resolveOptions({ redactions: 'drop' })).toThrow(/redactions must be 'omit' or 'per-cable', got "drop"/);
    expect(() => resolveOptions({ formatWords: 'yes' })).toThrow(/formatWords must be true or false, got "yes"/);
  });

  it('resolveOptions(partial) names an unknown option and lists the known ones', () => {
    expect(() => resolveOptions({ jargon: false })).toThrow(/unknown resolve option "jargon"; known options: formatWords, jargonRoles/);
  });
});

describe('activeRules', () => {
  it('activeRules(options) lists every rule by default, in order', () => {
    expect(activeRules(DEFAULT_RESOLVE_OPTIONS).map((r) => r.id)).toEqual(RESOLVE_RULES.map((r) => r.id));
  });

  it('activeRules(options) leaves out the rules switched off', () => {
    const ids = activeRules({ ...DEFAULT_RESOLVE_OPTIONS, formatWords: false, lastNames: false }).map((r) => r.id);
    expect(ids).not.toContain('format-word');
    expect(ids).not.toContain('format-prefix');
    expect(ids).not.toContain('last-names');
    expect(ids).toContain('redaction');
  });
});
