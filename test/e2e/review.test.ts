/**
 * The review queue and the reasons behind merges, on the shared sample built with the real CLI,
 * in Debian's Chromium: the panel lists review.json's questions, most paragraphs first; a merge,
 * a split, a retype and a "different" take one click each, are kept across a reload, download
 * as aliases.tsv, and a `cablegraph build --aliases` of that file has them in its dataset. The
 * details panel names the rule that merged each form.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EntityRecord, ReviewFile, ReviewRecord } from '../../src/core/dataset/format.ts';
import { RULE_NAMES } from '../../src/core/entities/form-reasons.ts';
import { entityKey } from '../../src/core/entities/normalize.ts';
import { HAS_SHARED_SAMPLE, ROOT, SHARED_SAMPLE } from '../helpers.ts';
import { OUTPUT, closeAll, graphDrawn, openPage, screenshot, serve } from './harness.ts';
import type { WatchedPage } from './harness.ts';
import { readEntities, sampleDataset } from './datasets.ts';

let server: { url: string; close(): Promise<void> };
let dir: string;
let review: ReviewFile;
const pages: WatchedPage[] = [];

beforeAll(async () => {
  if (!HAS_SHARED_SAMPLE) return;
  dir = sampleDataset()!;
  review = JSON.parse(readFileSync(`${dir}review.json`, 'utf8')) as ReviewFile;
  server = await serve(dir);
});

afterAll(() => closeAll(pages, [server]));

async function open(query = ''): Promise<WatchedPage> {
  const w = await openPage(`${server.url}${query}`);
  pages.push(w);
  await graphDrawn(w.page);
  await w.page.getByTestId('review-panel').getByTestId('review-item').first().waitFor();
  return w;
}

/** The entity holding raw key `key`: its own key, or one merged into it after reading. */
const holder = (records: Map<string, EntityRecord>, key: string) =>
  [...records.values()].find((r) => r.key === key || r.merged?.some(([k]) => k === key));

describe.skipIf(!HAS_SHARED_SAMPLE)('the review queue', () => {
  it('lists review.json\'s questions, most paragraphs first', async () => {
    expect(review.items.length).toBeGreaterThan(40);
    const w = await open();
    const panel = w.page.getByTestId('review-panel');
    expect(await panel.locator('h2').textContent()).toBe(`Review queue (${review.items.length})`);
    const items = panel.getByTestId('review-item');
    expect(await items.count()).toBe(40);
    const shown = await items.locator('.review-head .n').allTextContents();
    const paragraphs = shown.map((t) => Number(t.replace(/\D/g, '')));
    expect(paragraphs).toEqual([...paragraphs].sort((a, b) => b - a));
    expect(paragraphs[0]).toBe(Math.max(...review.items.map((i) => i.paragraphs)));
    await panel.getByTestId('review-more').click();
    expect(await items.count()).toBe(Math.min(80, review.items.length));
    expect(w.errors).toEqual([]);
  });

  it('merge, split, retype and different: one click each, kept across a reload, and in the next build', async () => {
    const records = readEntities(dir);
    const index = (pick: (i: ReviewRecord) => boolean) => {
      const i = review.items.findIndex(pick);
      expect(i, 'a question of that kind among the first 40').toBeGreaterThanOrEqual(0);
      expect(i).toBeLessThan(40);
      return i;
    };
    // Questions of each kind the sample has: a partial name left apart, a form a rule put in
    // another entity, a type conflict, an acronym merged with one of its long forms.
    const different = index((i) => i.kind === 'acronym' && i.joined === true && i.candidates.some((c) => c.id === i.id));
    const merge = index((i) => i.kind === 'partial-name' && !i.joined && i.candidates[0]?.id !== undefined && i.candidates[0].id !== i.id);
    const split = index((i) => i.kind === 'partial-name' && i.joined === true);
    const retype = index((i) => i.kind === 'type-conflict' && !i.joined);
    const [d, m, s, t] = [different, merge, split, retype].map((i) => review.items[i]!);
    const newType = holder(records, t!.key)!.type === 'ORG' ? 'LOC' : 'ORG';

    const w = await open();
    const item = (i: number) => w.page.locator(`[data-testid="review-item"][data-index="${i}"]`);
    await item(merge).locator('[data-action="merge"]').first().click();
    await item(split).locator('[data-action="split"]').click();
    await item(retype).locator(`[data-action="retype"][data-type="${newType}"]`).click();
    await item(different).locator('[data-action="different"]').click();
    const count = w.page.getByTestId('review-decision-count');
    const decisions = 3 + d!.candidates.filter((c) => c.key !== d!.key).length;
    await expect.poll(() => count.textContent()).toBe(`${decisions} decisions `);
    expect(await item(merge).getByTestId('review-done').textContent()).toContain(`merge into ${m!.candidates[0]!.label}`);
    await screenshot(w.page, 'review-queue');

    // Kept in the browser: a reload shows the same decisions.
    await w.page.reload();
    await graphDrawn(w.page);
    await expect.poll(() => count.textContent()).toBe(`${decisions} decisions `);
    // Every question about a decided name says so (one name can be asked about twice: partial name and type).
    const decided = new Set([d, m, s, t].map((x) => x!.key));
    expect(await w.page.getByTestId('review-done').count()).toBe(review.items.slice(0, 40).filter((i) => decided.has(i.key)).length);

    const [download] = await Promise.all([w.page.waitForEvent('download'), w.page.getByTestId('review-download').click()]);
    expect(download.suggestedFilename()).toBe('aliases.tsv');
    const file = `${OUTPUT}review-aliases.tsv`;
    await download.saveAs(file);
    expect(w.errors).toEqual([]);

    const out = `${OUTPUT}datasets/review-rebuilt/`;
    const r = spawnSync(process.execPath, [`${ROOT}bin/cablegraph.js`, 'build', SHARED_SAMPLE, '--aliases', file, '--out', out, '--quiet'], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    expect(existsSync(`${out}manifest.json`)).toBe(true);
    const after = readEntities(out);
    // Merge: the partial name's mentions are in the candidate's entity; no entity keeps its key.
    expect(holder(after, m!.key)).toBeUndefined();
    const into = holder(after, m!.candidates[0]!.key)!;
    const mentionsOf = (r: EntityRecord) => r.aliases.filter(([f]) => entityKey(f) === m!.key).reduce((sum, [, n]) => sum + n, 0);
    expect(mentionsOf(into)).toBeGreaterThanOrEqual(mentionsOf(holder(records, m!.key)!));
    // Split: the form is an entity of its own.
    expect(holder(records, s!.key)!.key).not.toBe(s!.key);
    expect(after.get(s!.key)).toBeDefined();
    expect(after.get(s!.key)!.merged ?? []).toEqual([]);
    // Retype: its entity votes the type chosen.
    expect(holder(after, t!.key)!.type).toBe(newType);
    // Different: the acronym and its long forms are no longer one entity.
    const acronym = holder(after, d!.key)!;
    for (const c of d!.candidates) expect(holder(after, c.key)?.id).not.toBe(acronym.id);
    // The questions decided are gone from the new queue.
    const next = JSON.parse(readFileSync(`${out}review.json`, 'utf8')) as ReviewFile;
    for (const x of [m, s, d]) expect(next.items.some((i) => i.key === x!.key && i.kind === x!.kind)).toBe(false);
    expect(next.items.some((i) => i.key === t!.key && i.kind === 'type-conflict')).toBe(false);
  });
});

describe.skipIf(!HAS_SHARED_SAMPLE)('why a form is in an entity', () => {
  it('the details list each form with its count and the rule that merged it', async () => {
    const records = readEntities(dir);
    // The entity with the most forms merged by a corpus-wide rule.
    const record = [...records.values()].filter((r) => r.inOverview && (r.merged?.length ?? 0) > 0)
      .sort((a, b) => (b.merged!.length - a.merged!.length) || a.id - b.id)[0]!;
    const w = await open(`?node=${encodeURIComponent(record.key)}`);
    const forms = w.page.getByTestId('details').getByTestId('forms');
    await forms.waitFor();
    const shown = forms.getByTestId('form');
    expect(await shown.count()).toBe(record.aliases.length);
    const rules = new Map(record.merged!);
    for (const [i, [form, n]] of record.aliases.slice(0, 8).entries()) {
      const row = shown.nth(i);
      expect(await row.locator('.form').textContent()).toBe(form);
      expect(await row.locator('.n').textContent()).toBe(n.toLocaleString('en-US'));
      const rule = rules.get(entityKey(form));
      if (rule !== undefined) {
        expect(await row.getAttribute('data-rule')).toBe(rule);
        expect(await row.locator('.why').textContent()).toBe(RULE_NAMES[rule]);
      }
    }
    expect(await forms.locator('[data-rule]').count()).toBeGreaterThan(0);
    await screenshot(w.page, 'review-forms');
    expect(w.errors).toEqual([]);
  });
});
