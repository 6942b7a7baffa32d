import { mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
// @ts-expect-error: plain JavaScript, without declarations
import { compile, ensureCompiled, outDir, staleness } from '../../bin/compile.js';
import { runCli } from './run-cli.ts';

const projects: string[] = [];
afterEach(() => { for (const p of projects.splice(0)) rmSync(p, { recursive: true, force: true }); });

/** A project folder with a two-file CLI in TypeScript. */
function project(): string {
  const root = mkdtempSync(join(tmpdir(), 'cg-compile-'));
  projects.push(root);
  mkdirSync(join(root, 'src', 'cli'), { recursive: true });
  mkdirSync(join(root, 'src', 'core'), { recursive: true });
  writeFileSync(join(root, 'src', 'core', 'answer.ts'), 'export const answer: number = 42;\n');
  writeFileSync(join(root, 'src', 'cli', 'main.ts'),
    "import type { Writable } from 'node:stream';\nimport { answer } from '../core/answer.ts';\nexport const main = (): number => answer;\n");
  return root;
}

describe('compiling the command line to build/node', () => {
  it('writes JavaScript with .js imports and type-only imports erased, which Node runs', async () => {
    const root = project();
    expect(staleness(root)).toBe('not compiled yet');
    compile(root);
    const main = readFileSync(join(outDir(root), 'cli', 'main.js'), 'utf8');
    expect(main).toMatch(/from ["']\.\.\/core\/answer\.js["']/);
    expect(main).not.toContain('node:stream');
    const { main: run } = await import(join(outDir(root), 'cli', 'main.js'));
    expect(run()).toBe(42);
    expect(staleness(root)).toBeNull();
  });

  it('is stale when a source is newer than the compilation, or one is added or removed', () => {
    const root = project();
    compile(root);
    // As if answer.ts had been saved after the compilation.
    const past = new Date(Date.now() - 20_000);
    utimesSync(join(root, 'src', 'cli', 'main.ts'), past, past);
    utimesSync(join(outDir(root), 'stamp.json'), new Date(Date.now() - 10_000), new Date(Date.now() - 10_000));
    expect(staleness(root)).toBe('src/core/answer.ts changed');
    ensureCompiled(root);
    expect(staleness(root)).toBeNull();
    writeFileSync(join(root, 'src', 'core', 'more.ts'), 'export const more = 1;\n');
    utimesSync(join(root, 'src', 'core', 'more.ts'), new Date(0), new Date(0));
    expect(staleness(root)).toBe('source files were added or removed');
    ensureCompiled(root);
    rmSync(join(root, 'src', 'core', 'more.ts'));
    expect(staleness(root)).toBe('source files were added or removed');
  });

  it('leaves the project compiled and current after the real CLI ran', () => {
    expect(runCli(['--help']).status).toBe(0);
    expect(staleness()).toBeNull();
  });
});
