import { describe, expect, it } from 'vitest';
import { readCable } from '../../../src/core/cable/read-cable.ts';
import type { ResolvedMention } from '../../../src/core/entities/model.ts';
import { resolveCable } from '../../../src/core/entities/resolve-cable.ts';
import { SEED_FILE, seedText } from '../../helpers.ts';
import { shippedContext } from './fixtures.ts';

describe('resolveCable(seed) with the shipped lexicon and aliases', () => {
  const { cable, diagnostics } = readCable(seedText(), SEED_FILE);
  const r = resolveCable(cable!, diagnostics, shippedContext());
  const all = r.paragraphs.flatMap((p) => p.mentions);
  const kept = all.filter((m) => m.key !== null);
  const surfacesOf = (key: string) => [...new Set(kept.filter((m) => m.key === key).map((m) => m.surface))].sort();
  const keysIn = (p: { mentions: ResolvedMention[] }) => new Set(p.mentions.map((m) => m.key));
  const paragraphsWith = (...keys: string[]) => r.paragraphs.filter((p) => keys.every((k) => keysIn(p).has(k))).map((p) => p.n);

  it('keeps every paragraph mention and adds the lexicon ones', () => {
    expect(all.filter((m) => m.origin === 'tagger')).toHaveLength(96);
    expect(all.filter((m) => m.origin === 'lexicon').length).toBeGreaterThan(40);
    expect(r.headerMentions).toBe(8);
  });

  it('files National Police under PNP', () => {
    expect(surfacesOf('pnp')).toEqual(['National Police', 'PNP']);
    expect(surfacesOf('national police')).toEqual([]);
  });

  it('files Quesada under Omar Quesada', () => {
    expect(surfacesOf('omar quesada')).toEqual(['Omar Quesada', 'Quesada']);
    expect(surfacesOf('quesada')).toEqual([]);
  });

  it('files Sendero Luminoso under SL', () => {
    expect(surfacesOf('sl')).toEqual(['SL', 'Sendero Luminoso']);
  });

  it('has one Lima, from Lima and Lima. in the paragraphs (LIMA in the header is metadata)', () => {
    expect(surfacesOf('lima')).toEqual(['Lima', 'Lima.']);
    expect(kept.filter((m) => /lima/i.test(m.surface)).every((m) => m.key === 'lima')).toBe(true);
  });

  it('keeps no mention of a redaction, DECL:, Summary: Although, Poloff or Emboffs', () => {
    const noise = ['XXXXXXXXXXXX', 'DECL:', 'Summary: Although', 'Poloff', 'Emboffs'];
    expect(kept.filter((m) => noise.includes(m.surface))).toEqual([]);
    expect(all.filter((m) => m.surface === 'XXXXXXXXXXXX').map((m) => m.dropped)).toEqual(Array(16).fill('redaction'));
    expect(all.find((m) => m.surface === 'Summary: Although')!.dropped).toBe('format-word');
    expect(all.filter((m) => m.surface === 'Poloff' || m.surface === 'Emboffs').map((m) => m.dropped)).toEqual(['jargon-role', 'jargon-role']);
  });

  it('merges the Upper Huallaga and Apurimac variants by the shipped aliases', () => {
    expect(surfacesOf('upper huallaga')).toEqual(['Upper Huallaga', 'Upper Huallaga River', 'Upper Huallaga Valleys']);
    expect(surfacesOf('apurimac')).toEqual(['Apurimac', 'Apurimac Valleys']);
  });

  it('has VRAE and PNP together in paragraphs 1 and 13 only (an edge of weight 2)', () => {
    expect(paragraphsWith('vrae', 'pnp')).toEqual([1, 13]);
  });

  it('has the path VRAE – PNP – cocaleros – MAS', () => {
    expect(surfacesOf('cocaleros')).toEqual(expect.arrayContaining(['cocaleros', 'cocalero', 'Cocaleros', 'coca growers']));
    expect(paragraphsWith('pnp', 'cocaleros').length).toBeGreaterThan(0);
    expect(paragraphsWith('cocaleros', 'mas').length).toBeGreaterThan(0);
    expect(paragraphsWith('narcotraffickers', 'pnp').length).toBeGreaterThan(0);
  });

  it("with redactions 'per-cable', files the 16 redactions under one source for the cable", () => {
    const perCable = resolveCable(cable!, diagnostics, shippedContext({ redactions: 'per-cable' }));
    const redacted = perCable.paragraphs.flatMap((p) => p.mentions).filter((m) => m.surface.startsWith('Redacted source'));
    expect(redacted).toHaveLength(16);
    expect(new Set(redacted.map((m) => `${m.key}|${m.surface}`))).toEqual(new Set(['redacted source (lima 002158)|Redacted source (LIMA 002158)']));
  });

  it('gives lexicon mentions the lexicon type', () => {
    expect(new Set(all.filter((m) => m.origin === 'lexicon').map((m) => m.type))).toEqual(new Set(['GROUP']));
  });
});
