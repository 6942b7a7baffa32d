import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { emptyBuild } from '../../../src/core/dataset/emptiness.ts';
import type { CorpusFigures } from '../../../src/core/dataset/format.ts';

const figures = (over: Partial<CorpusFigures> & { kept?: number; dropped?: Record<string, number> }): CorpusFigures => ({
  files: 3, cables: 3, duplicates: 0, paragraphs: 10, entities: 0, pairs: 0, rejectedFiles: 0, rules: {}, diagnostics: {},
  mentions: { kept: over.kept ?? 0, dropped: over.dropped ?? {}, header: 0, lexicon: 0 },
  ...over,
});

describe('emptyBuild(figures)', () => {
  it('keeps any build with an entity', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 1e6 }), fc.nat(), (entities, cables) => {
      expect(emptyBuild(figures({ entities, cables, kept: entities }))).toBeNull();
    }));
  });

  it('says no file could be read as a cable when every one was rejected', () => {
    expect(emptyBuild(figures({ files: 4, cables: 0, rejectedFiles: 4 }))).toMatchObject({
      reason: 'no-cables', message: 'none of the 4 files could be read as a cable',
    });
    expect(emptyBuild(figures({ files: 1, cables: 0, rejectedFiles: 1 }))?.message).toBe('the file could not be read as a cable');
  });

  it('says no annotated mentions were found, and where the format is, when cables hold none', () => {
    const empty = emptyBuild(figures({ cables: 2 }));
    expect(empty).toMatchObject({ reason: 'no-mentions', message: 'no annotated mentions found in 2 cables' });
    expect(empty?.hint).toContain('README.md');
  });

  it('counts the drops by reason when every mention was dropped', () => {
    expect(emptyBuild(figures({ cables: 1, dropped: { redaction: 16, 'format-word': 2 } }))).toMatchObject({
      reason: 'all-dropped', message: 'every one of the 18 mentions in 1 cable was dropped (redaction 16, format-word 2): no entity is left to link',
    });
  });
});
