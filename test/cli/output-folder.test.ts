import fc from 'fast-check';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DATASET_ENTRIES, isDatasetManifest, outputRefusal } from '../../src/cli/output-folder.ts';

const MANIFEST = JSON.stringify({ version: 2, corpus: { cables: 1 }, shards: { paragraphs: 1 }, communities: [] });
const temp = () => mkdtempSync(join(tmpdir(), 'cg-out-'));

describe('outputRefusal(out, inputs)', () => {
  it('lets a build replace a new path, an empty folder, and a dataset folder', async () => {
    const dataset = temp();
    writeFileSync(join(dataset, 'manifest.json'), MANIFEST);
    mkdirSync(join(dataset, 'entities'));
    expect(await outputRefusal(join(temp(), 'new', 'ds'), [])).toBeNull();
    expect(await outputRefusal(temp(), [])).toBeNull();
    expect(await outputRefusal(dataset, [])).toBeNull();
  });

  it('refuses any folder holding one name a build does not write, whatever else it holds', async () => {
    const names = fc.stringMatching(/^[A-Za-z0-9._-]{1,12}$/).filter((n) => n !== '.' && n !== '..');
    await fc.assert(fc.asyncProperty(fc.uniqueArray(names, { minLength: 1, maxLength: 6 }), async (entries) => {
      const dir = temp();
      writeFileSync(join(dir, 'manifest.json'), MANIFEST);
      for (const name of entries) if (name !== 'manifest.json') writeFileSync(join(dir, name), 'x');
      const strangers = entries.filter((n) => !DATASET_ENTRIES.has(n));
      const why = await outputRefusal(dir, []);
      if (strangers.length === 0) expect(why).toBeNull();
      else expect(why).toContain('files a build did not write');
    }), { numRuns: 40 });
  });

  it('refuses a folder that is or holds an input, however the paths are written', async () => {
    const parent = temp();
    const cables = join(parent, 'cables');
    mkdirSync(cables);
    expect(await outputRefusal(cables, [cables])).toContain('holds the input');
    expect(await outputRefusal(`${parent}/./cables/`, [cables])).toContain('holds the input');
    expect(await outputRefusal(parent, [join(cables, 'a.txt')])).toContain('holds the input');
    // A sibling whose name starts the same is not a parent.
    expect(await outputRefusal(`${cables}-ds`, [cables])).toBeNull();
  });

  it('tells a dataset manifest from another program\'s', () => {
    expect(isDatasetManifest(JSON.parse(MANIFEST))).toBe(true);
    expect(isDatasetManifest({ name: 'app', version: '1.0.0' })).toBe(false);
    expect(isDatasetManifest([])).toBe(false);
    expect(isDatasetManifest(null)).toBe(false);
  });
});
