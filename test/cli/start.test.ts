/**
 * `npm start` / `npm run build` (bin/start.js): the static site folder is emptied by vite, so it
 * must be one the project wrote; and the site holds no path of the machine that built it.
 * CABLEGRAPH_DIST points the site at a temporary folder, so the repository's dist/ is not touched.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, SEED_FILE } from '../helpers.ts';
// @ts-expect-error: plain JavaScript, without declarations
import { datasetStaleness } from '../../bin/dataset-staleness.js';

const temp = () => mkdtempSync(join(tmpdir(), 'cg-start-'));

function staticBuild(dist: string, args: string[]) {
  const r = spawnSync(process.execPath, [`${ROOT}bin/start.js`, '--static', ...args], {
    cwd: ROOT, encoding: 'utf8', env: { ...process.env, CABLEGRAPH_DIST: dist },
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('npm run build', () => {
  it('refuses a site folder holding files it did not write, before building anything', () => {
    const dist = temp();
    writeFileSync(join(dist, 'notes.txt'), 'mine');
    const r = staticBuild(dist, [SEED_FILE]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`start: ${dist}: not replaced: it holds files the build did not write (notes.txt)`);
    expect(r.stdout).not.toContain('building');
    expect(readdirSync(dist)).toEqual(['notes.txt']);
  });

  it('refuses a corpus inside the site folder, which emptying it would delete', () => {
    const dist = temp();
    const corpus = join(dist, 'cables');
    mkdirSync(corpus);
    copyFileSync(SEED_FILE, join(corpus, 'a.txt'));
    const r = staticBuild(dist, [corpus]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`it holds the input ${corpus}`);
    expect(readFileSync(join(corpus, 'a.txt'), 'utf8')).toBe(readFileSync(SEED_FILE, 'utf8'));
  });

  it('writes a site that names no folder of the machine, and rewrites its own site', () => {
    const place = temp();
    const corpus = join(place, 'cables');
    mkdirSync(corpus);
    copyFileSync(SEED_FILE, join(corpus, 'a.txt'));
    const dist = join(place, 'site');
    for (let run = 0; run < 2; run++) {
      const r = staticBuild(dist, [corpus]);
      expect(r.status, r.stderr).toBe(0);
      // The dataset of a user's corpus is cached under .cache/datasets/: this one is not needed again.
      const cached = /start: building (\S+) /.exec(r.stdout)?.[1];
      if (cached?.includes('/.cache/datasets/')) rmSync(cached, { recursive: true, force: true });
    }
    const files = readdirSync(dist, { recursive: true, withFileTypes: true }).filter((e) => e.isFile());
    expect(files.map((e) => e.name)).toContain('manifest.json');
    for (const entry of files) {
      const text = readFileSync(join(entry.parentPath, entry.name), 'utf8');
      for (const path of [place, ROOT.replace(/\/$/, ''), tmpdir()]) expect(text.includes(path), `${entry.name} names ${path}`).toBe(false);
    }
  });
});

describe('datasetStaleness (when npm start builds again)', () => {
  /** A corpus of one cable and a dataset built from it, a minute later. */
  function built() {
    const place = temp();
    const cable = join(place, 'a.txt');
    copyFileSync(SEED_FILE, cable);
    utimesSync(cable, 1_000, 1_000);
    const out = join(place, 'dataset');
    mkdirSync(out);
    writeFileSync(join(out, 'manifest.json'), JSON.stringify({ version: 7 }));
    utimesSync(join(out, 'manifest.json'), 1_060, 1_060);
    return { job: { inputs: [cable], out }, cable, built: statSync(join(out, 'manifest.json')).mtimeMs };
  }

  it('keeps a dataset newer than its inputs and than the build command', () => {
    const { job, built: at } = built();
    expect(datasetStaleness(job, 7, at - 1)).toBeNull();
  });

  it('builds again when the build command was recompiled since (a new version of Cablegraph)', () => {
    const { job, built: at } = built();
    expect(datasetStaleness(job, 7, at + 1)).toBe('the build command changed since');
  });

  it('builds again when an input changed, the format version differs, or there is no dataset', () => {
    const { job, cable, built: at } = built();
    expect(datasetStaleness(job, 8, 0)).toBe('it is format version 7, the explorer reads version 8');
    utimesSync(cable, 2_000, 2_000);
    expect(datasetStaleness(job, 7, 0)).toBe('its inputs changed since');
    expect(datasetStaleness({ ...job, out: join(job.out, 'none') }, 7, at)).toBe('no dataset yet');
  });
});
