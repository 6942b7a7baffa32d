import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../run-cli.ts';

/** Three small cables where `Silva` could be two people: it stays apart and is listed for review. */
const cable = (post: string, serial: string, body: string) =>
  `<code><pre>C O N F I D E N T I A L [LOC ${post}  ] ${serial} SIPDIS TAGS: PREL SUBJECT: X <a id='par1' href='#par1'>¶</a>1 . \n( C ) ${body}</pre></code>\n`;

const root = mkdtempSync(join(tmpdir(), 'cg-review-'));
const cables = join(root, 'cables');
const dir = join(root, 'ds');
beforeAll(() => {
  mkdirSync(cables);
  writeFileSync(join(cables, 'a.txt'), cable('BRASILIA', '000001', '[PER Marina Silva  ] met [PER Lula da Silva  ] .'));
  writeFileSync(join(cables, 'b.txt'), cable('BRASILIA', '000002', '[PER Silva  ] spoke in [LOC Brazil  ] .'));
  writeFileSync(join(cables, 'c.txt'), cable('PARIS', '000003', 'The [ORG GOF  ] and the [ORG MFA  ] met [PER Hugo Chavez  ] .'));
  writeFileSync(join(cables, 'd.txt'), cable('CARACAS', '000004', '[PER Chavez  ] and the [ORG MFA  ] spoke .'));
  const r = runCli(['build', cables, '--out', dir, '--quiet']);
  expect(r.status, r.stderr).toBe(0);
});

describe('cablegraph review', () => {
  it('prints the review queue, a partial name with competing full names first', () => {
    const r = runCli(['review', dir]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^1 item to review\n/);
    expect(r.stdout).toContain('partial-name');
    expect(r.stdout).toContain('Silva: Marina Silva | Lula da Silva');
  });

  it('prints it as JSON with --json', () => {
    const r = runCli(['review', dir, '--json']);
    expect(r.status, r.stderr).toBe(0);
    const queue = JSON.parse(r.stdout) as { items: { kind: string; key: string; candidates: { key: string }[] }[] };
    expect(queue.items.map((i) => [i.kind, i.key, i.candidates.map((c) => c.key)])).toEqual([['partial-name', 'silva', ['marina silva', 'lula da silva']]]);
  });

  it('says what is wrong when the folder has no build', () => {
    const r = runCli(['review', root]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('review.json');
  });
});
