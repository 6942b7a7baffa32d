import { describe, expect, it } from 'vitest';
import { describeChanges } from '../../../src/app/import/changes.ts';
import { progressFigures, progressFraction, progressStep } from '../../../src/app/import/progress.ts';
import { groupProblems } from '../../../src/app/import/problem-groups.ts';
import { summaryText } from '../../../src/app/import/problems-list.ts';
import type { Diagnostic } from '../../../src/core/diagnostics.ts';
import type { GraphFile, Manifest } from '../../../src/core/dataset/format.ts';
import type { BuildProgress } from '../../../src/workers/protocol.ts';

const at = (p: Partial<BuildProgress>): BuildProgress => ({ stage: 'files', files: 0, totalFiles: 10, cables: 0, totalCables: 8, paragraphs: 0, entities: 0, ...p });

describe('progressFraction(p), progressStep(p), progressFigures(p)', () => {
  it('only grows through the stages and ends at 1', () => {
    const steps = [
      at({}), at({ files: 5 }), at({ files: 10 }), at({ stage: 'reading', cables: 4 }), at({ stage: 'reading', cables: 8 }),
      at({ stage: 'pairs' }), at({ stage: 'communities' }), at({ stage: 'layout' }), at({ stage: 'entities' }), at({ stage: 'search' }), at({ stage: 'graph' }),
    ].map(progressFraction);
    for (let i = 1; i < steps.length; i++) expect(steps[i]).toBeGreaterThanOrEqual(steps[i - 1]!);
    expect(steps[0]).toBe(0);
    expect(steps.at(-1)).toBeLessThanOrEqual(1);
  });

  it('says what is happening with counts', () => {
    expect(progressStep(at({ stage: 'reading', cables: 1234, totalCables: 2000 }))).toBe('Parsing cables… 1,234 of 2,000');
    expect(progressStep(at({ stage: 'layout' }))).toBe('Laying out the graph…');
    expect(progressFigures(at({ cables: 1, paragraphs: 12, entities: 1 }))).toBe('1 cable · 12 paragraphs · 1 entity');
  });
});

describe('groupProblems(problems) and summaryText', () => {
  const d = (file: string, line: number, severity: Diagnostic['severity'], code: string): Diagnostic => ({ file, line, severity, code, message: code });

  it('puts files not loaded first, then files with errors, then warnings, each in line order', () => {
    const summary = groupProblems([
      d('b.txt', 9, 'warning', 'signature-mention'), d('b.txt', 2, 'warning', 'literal-bracket'),
      d('lexicon.tsv', 3, 'error', 'lexicon-columns'),
      d('photo.png', 0, 'warning', 'not-an-input'),
      d('a.txt', 0, 'error', 'binary-file'),
    ]);
    expect(summary.groups.map((g) => [g.file, g.skipped, g.severity, g.items.map((i) => i.line)])).toEqual([
      ['a.txt', true, 'error', [0]], ['photo.png', true, 'warning', [0]], ['lexicon.tsv', false, 'error', [3]], ['b.txt', false, 'warning', [2, 9]],
    ]);
    expect(summaryText(summary)).toBe('2 files not loaded · 1 error and 2 warnings in 2 other files');
    expect(summaryText(groupProblems([d('x.txt', 1, 'warning', 'w')]))).toBe('1 warning in 1 file');
  });

  it('counts an archive refused for its size as a file not loaded', () => {
    const summary = groupProblems([d('bomb.zip', 0, 'error', 'zip-too-large'), d('b.txt', 2, 'warning', 'w')]);
    expect(summary.groups.map((g) => [g.file, g.skipped])).toEqual([['bomb.zip', true], ['b.txt', false]]);
    expect(summaryText(summary)).toBe('1 file not loaded · 1 warning in 1 other file');
  });
});

describe('describeChanges(before, after)', () => {
  const dataset = (entities: number, lexicon: number, nodes: [string, string][]) => ({
    manifest: { corpus: { entities, pairs: 10, mentions: { lexicon } }, clustering: { communities: 3 } } as unknown as Manifest,
    graph: { nodes: nodes.map(([key, label]) => ({ key, attributes: { label } })), edges: [] } as unknown as GraphFile,
  });

  it('lists the figures that moved and the entities that came and went', () => {
    const before = dataset(100, 0, [['pnp', 'PNP'], ['national police', 'National Police']]);
    const after = dataset(100, 12, [['national police', 'National Police'], ['cocaleros', 'cocaleros']]);
    expect(describeChanges(before, after)).toEqual(['Mentions from the lexicon: 0 → 12 (+12)', 'New in the graph: cocaleros', 'No longer in the graph: PNP']);
    expect(describeChanges(before, before)).toEqual(['No change in entities, links or communities.']);
  });
});
