import { describe, expect, it } from 'vitest';
import { runCli } from '../run-cli.ts';
import { sliceDatasetFolder } from './slice-fixture.ts';

const dir = await sliceDatasetFolder();

describe('cablegraph path', () => {
  it('prints the shortest paths with every hop\'s weight and paragraphs, in the slice asked for', () => {
    const r = runCli(['path', dir, 'Evo Morales', 'farc', '--json']);
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({
      paths: [{
        nodes: ['evo morales', 'pnp', 'farc'],
        hops: [
          { source: 'evo morales', target: 'pnp', weight: 1, paragraphs: [{ cable: '06LIMA100', paragraph: 1, date: '2006-01-15', text: '(U) PNP and VRAE and Evo Morales.' }] },
          { source: 'pnp', target: 'farc', weight: 1, paragraphs: [{ cable: '06BOGOTA500', paragraph: 1, date: '2006-02-01', text: '(U) FARC and PNP.' }] },
        ],
      }],
    });
    // In the cables tagged PTER or BL, SL and PNP share two paragraphs, PNP and MAS one.
    const sliced = runCli(['path', dir, 'SL', 'MAS', '--k', '1', '--tag', 'PTER', '--tag', 'BL', '--json']);
    expect(JSON.parse(sliced.stdout)).toEqual({
      paths: [{ nodes: ['sl', 'pnp', 'mas'], hops: [expect.objectContaining({ weight: 2 }), expect.objectContaining({ weight: 1 })] }],
    });
    const none = runCli(['path', dir, 'Evo Morales', 'FARC', '--origin', 'Embassy La Paz', '--json']);
    expect([none.status, none.stdout]).toEqual([0, '{"paths":[]}\n']);
    expect(runCli(['path', dir, 'pnp', 'mas', '--k', '0']).status).toBe(2);
  });
});

describe('cablegraph refs', () => {
  it('prints what a cable references (in the dataset or not) and what references it', () => {
    const r = runCli(['refs', dir, '07lima300', '--json']);
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({
      cable: { cable: '07LIMA300', date: '2007-03-10', origin: 'Embassy Lima', subject: 'SENDERO' },
      references: [
        { ref: '06 LIMA 100', cable: '06LIMA100', date: '2006-01-15', subject: 'COCA IN THE VRAE' },
        { ref: 'LA PAZ 200', cable: null, date: null, subject: null },
      ],
      referencedBy: [{ cable: 'LIMA 000400', date: null, origin: 'LIMA', subject: 'NO METADATA ROW', ref: 'LIMA 300' }],
    });
    const unknown = runCli(['refs', dir, 'LIMA 999']);
    expect([unknown.status, unknown.stderr]).toEqual([1, expect.stringContaining("no cable 'LIMA 999'")]);
  });
});
