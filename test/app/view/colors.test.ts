import { describe, expect, it } from 'vitest';
import { typeHue } from '../../../src/app/view/colors.ts';

describe('typeHue', () => {
  it('typeHue(type) is fixed for the CoNLL types', () => {
    expect(typeHue('PER')).toBe(210);
  });

  it('typeHue(type) gives a custom type a hue from its name, within the circle', () => {
    // 31-hash of the code points, modulo 360: the same in every session, whatever was asked before.
    let h = 0;
    for (const ch of 'WEAPON') h = (h * 31 + ch.codePointAt(0)!) % 360;
    expect(typeHue('WEAPON')).toBe(h);
    expect(typeHue('GROUP')).not.toBe(typeHue('WEAPON'));
  });

  it('typeHue(type) gives a number for a type named like an Object property', () => {
    for (const type of ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf', 'prototype']) {
      const hue = typeHue(type);
      expect(typeof hue).toBe('number');
      expect(hue >= 0 && hue < 360).toBe(true);
    }
  });
});
