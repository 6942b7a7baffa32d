import { describe, expect, it } from 'vitest';
import { formReasons } from '../../../src/core/entities/form-reasons.ts';

describe('formReasons(record, key)', () => {
  it('names the rule that merged each form, the entity\'s own name, and forms joined in their cable', () => {
    const reasons = formReasons({
      aliases: [['Chavez', 221], ['Hugo Chavez', 157], ['CHAVEZ', 3], ['Hugo Chávez Frías', 2], ['President Chavez', 1]],
      merged: [['chavez', 'partial-name'], ['hugo chavez frias', 'name-prefix']],
    }, 'hugo chavez');
    expect(reasons.map((r) => [r.form, r.count, r.rule])).toEqual([
      ['Chavez', 221, 'partial-name'], ['Hugo Chavez', 157, null], ['CHAVEZ', 3, 'partial-name'], ['Hugo Chávez Frías', 2, null], ['President Chavez', 1, null],
    ]);
    expect(reasons[0]!.why).toBe('a partial name whose only fitting full name this is');
    expect(reasons[1]!.why).toBe('');
    expect(reasons[4]!.why).toMatch(/in its cable/);
  });

  it('says a scoped acronym got its country, and reads a record without merges', () => {
    const [mfa] = formReasons({ aliases: [['MFA', 12]] }, 'mfa (peru)');
    expect(mfa!.why).toMatch(/country \(Peru\)/);
    expect(formReasons({ aliases: [['U.S.', 4]], merged: [['us', 'country-name']] }, 'united states')[0]!.why).toBe('a name or abbreviation of the country');
  });
});
