import { describe, expect, it } from 'vitest';
import { lastNameMap, personName } from '../../../src/core/entities/last-names.ts';

const per = (...keys: string[]) => keys.map((key) => ({ type: 'PER', key }));

describe('personName', () => {
  it('personName(key) cuts sentence words and titles the tagger took in', () => {
    expect(personName('in morales')).toBe('morales');
    expect(personName('pm putin')).toBe('putin');
    expect(personName('affairs phil gordon')).toBe('phil gordon');
  });

  it('personName(key) keeps names, particles and titles that stand alone', () => {
    expect(personName('jorge del castillo')).toBe('jorge del castillo');
    expect(personName('first lady')).toBe('first lady');
    expect(personName('president')).toBe('president');
  });
});

describe('lastNameMap', () => {
  it('lastNameMap(mentions) maps a one-word person to the one full name ending with it', () => {
    expect([...lastNameMap(per('omar quesada', 'quesada', 'quesada'))]).toEqual([['quesada', 'omar quesada']]);
  });

  it('lastNameMap(mentions) leaves a one-word person alone when two full names end with it', () => {
    expect(lastNameMap(per('evo morales', 'juan morales', 'morales')).has('morales')).toBe(false);
  });

  it('lastNameMap(mentions) looks at persons only', () => {
    expect(lastNameMap([{ type: 'LOC', key: 'santa rosa' }, { type: 'PER', key: 'rosa' }]).size).toBe(0);
    expect(lastNameMap([{ type: 'PER', key: 'omar quesada' }, { type: 'LOC', key: 'quesada' }]).size).toBe(0);
  });

  it('lastNameMap(mentions) matches a full name only on its last word', () => {
    expect(lastNameMap(per('omar quesada', 'omar')).size).toBe(0);
  });

  it('lastNameMap(mentions) cuts leading debris from names, then maps the one-word name', () => {
    const map = lastNameMap(per('vladimir putin', 'pm putin', 'make putin', 'affairs phil gordon'));
    expect(Object.fromEntries(map)).toEqual({ 'pm putin': 'vladimir putin', 'make putin': 'vladimir putin', 'affairs phil gordon': 'phil gordon' });
  });
});

describe('personName (titles and verb forms)', () => {
  it('personName(key) cuts titles and verb forms that lead a name', () => {
    expect(personName('president-elect lula')).toBe('lula');
    expect(personName('defmin barak')).toBe('barak');
    expect(personName('local chavez')).toBe('chavez');
    expect(personName('describing chavez')).toBe('chavez');
    expect(personName('former president cardoso')).toBe('cardoso');
    expect(personName('hugo chavez')).toBe('hugo chavez');
    expect(personName('sterling hayden')).toBe('sterling hayden');
  });
});
