import { describe, expect, it } from 'vitest';
import { DataError } from '../../../src/app/data/data-source.ts';
import { describeProblem } from '../../../src/app/panels/problems.ts';

describe('describeProblem', () => {
  it('a missing manifest says there is no build yet and how to make one', () => {
    const p = describeProblem(new DataError('missing', 'manifest.json', 'not found'), '/dataset/');
    expect(p.title).toBe('No dataset yet');
    expect(p.steps.join(' ')).toMatch(/npm start/);
  });

  it('a corrupt graph.json names the file and says how to rebuild', () => {
    const p = describeProblem(new DataError('corrupt', 'graph.json', 'not valid JSON (Unexpected end)'), '/dataset/');
    expect(p.title).toBe('The dataset is damaged');
    expect(p.detail).toMatch(/^graph\.json: not valid JSON/);
    expect(p.steps[0]).toMatch(/Rebuild/);
  });

  it('anything else keeps its message', () => {
    expect(describeProblem(new Error('boom'), '').detail).toBe('boom');
  });
});
