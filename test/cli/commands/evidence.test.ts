import { describe, expect, it } from 'vitest';
import { runCli } from '../run-cli.ts';
import { sliceDatasetFolder } from './slice-fixture.ts';

const dir = await sliceDatasetFolder();
const ambiguous = await sliceDatasetFolder([
  { origin: 'LIMA', serial: 1, paragraphs: ['[PER Omar Quesada  ] met [ORG PNP  ]', '[PER Quesada  ] left'] },
  { origin: 'LIMA', serial: 2, paragraphs: ['[PER Carlos Quesada  ] met [ORG MAS  ]', '[PER Quesada  ] stayed'] },
]);

const json = (args: string[]) => {
  const r = runCli(['evidence', dir, ...args, '--json']);
  expect(r.status, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as { entities: { id: string; label: string; type: string }[]; paragraphs: { cable: string; date: string | null; origin: string; classification: string; tags: string[]; paragraph: number; text: string }[] };
};

describe('cablegraph evidence', () => {
  it('prints the paragraphs two entities share, with the cable facts of metadata.csv or of the header', () => {
    const out = json(['pnp', 'mas']);
    expect(out.entities).toEqual([{ id: 'pnp', label: 'PNP', type: 'ORG' }, { id: 'mas', label: 'MAS', type: 'ORG' }]);
    expect(out.paragraphs).toEqual([
      { cable: '06LIMA100', date: '2006-01-15', origin: 'Embassy Lima', classification: 'CONFIDENTIAL', tags: ['SNAR', 'PE'], paragraph: 2, text: '(U) PNP with MAS. SIGNED' },
      { cable: '06LAPAZ200', date: '2006-02-01', origin: 'Embassy La Paz', classification: 'SECRET', tags: ['PGOV', 'BL'], paragraph: 2, text: '(U) MAS and PNP. SIGNED' },
    ]);
    const single = json(['SL']);
    expect(single.paragraphs.map((p) => [p.cable, p.date, p.origin, p.tags])).toEqual([
      ['07LIMA300', '2007-03-10', 'Embassy Lima', ['SNAR', 'PTER']],
      ['LIMA 000400', null, 'LIMA', ['PTER', 'PE']],
      ['06BOGOTA500', '2006-02-01', 'Embassy Bogota', ['PGOV']],
    ]);
  });

  it('keeps the cables matching every filter: days inclusive, one kind repeated = any', () => {
    const cables = (args: string[]) => json(['pnp', ...args]).paragraphs.map((p) => `${p.cable}¶${p.paragraph}`);
    expect(cables(['--from', '2006-02-01', '--to', '2006-02-01'])).toEqual(['06LAPAZ200¶2', '06BOGOTA500¶1']);
    expect(cables(['--tag', 'pe', '--tag', 'BL'])).toEqual(['06LIMA100¶1', '06LIMA100¶2', '06LAPAZ200¶2', 'LIMA 000400¶1']);
    expect(cables(['--tag', 'SNAR', '--origin', 'Embassy Lima', '--classification', 'UNCLASSIFIED'])).toEqual(['07LIMA300¶1']);
  });

  it('names an entity by key, id, label or alias; an unknown or ambiguous name exits 1 with the candidates', () => {
    const id = json(['Evo Morales']).paragraphs.length;
    expect(id).toBe(2);
    const unknown = runCli(['evidence', dir, 'Evo Moral']);
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toMatch(/no entity is named 'Evo Moral'.*Evo Morales \(PER, id \d+, key 'evo morales', 2 paragraphs\)/);
    const both = runCli(['evidence', ambiguous, 'quesada']);
    expect(both.status).toBe(1);
    expect(both.stderr).toMatch(/'quesada' names 2 entities; name one by its id or key: .*Quesada.*; .*Quesada/);
  });

  it('prints paragraphs for people without --json, and treats a bad day or a missing entity as usage', () => {
    const r = runCli(['evidence', dir, 'FARC', 'SL']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toBe('1 paragraph with FARC (ORG, farc) and SL (ORG, sl)\n\n06BOGOTA500 ¶2 · 2006-02-01 · Embassy Bogota · SECRET · PGOV\n  (U) FARC near SL. SIGNED\n');
    expect(runCli(['evidence', dir, 'pnp', '--from', '2006-13-01']).status).toBe(2);
    const missing = runCli(['evidence', `${dir}-nowhere`, 'pnp']);
    expect([missing.status, missing.stderr]).toEqual([1, expect.stringContaining('no such file or directory')]);
  });
});
