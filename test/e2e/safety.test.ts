/**
 * Cable text and labels are data: payloads in a cable (subject, paragraph text, inside mentions,
 * hence in labels, aliases and search entries) show up as characters and run nothing. Each
 * payload sets `window.__pwned`. Also: the page is served with a strict CSP, and the broken and
 * missing dataset states say what to do.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { closeAll, graphDrawn, openPage, screenshot, serve } from './harness.ts';
import type { WatchedPage } from './harness.ts';
import { FIXTURES, buildDataset } from './datasets.ts';

const servers: { url: string; close(): Promise<void> }[] = [];
const pages: WatchedPage[] = [];

async function open(dataset: string, query = ''): Promise<WatchedPage> {
  const server = await serve(dataset);
  servers.push(server);
  const w = await openPage(server.url + query);
  pages.push(w);
  return w;
}

const pwned = (page: Page) => page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned ?? null);

/**
 * Opens every entity of the dataset through search-free URL links and reads all paragraphs,
 * each time waiting for the panel to show that entity (the previous one's paragraphs are on
 * screen until it does).
 */
async function visitAll(w: WatchedPage, keys: string[]): Promise<void> {
  for (const key of keys) {
    const label = await w.page.evaluate((k) => {
      history.pushState(null, '', `?node=${encodeURIComponent(k)}`);
      dispatchEvent(new PopStateEvent('popstate'));
      return window.cablegraph!.sigma.getGraph().getNodeAttribute(k, 'label') as string;
    }, key);
    await w.page.waitForFunction(
      (l) => document.querySelector('[data-testid="details"] h2')?.textContent === l && document.querySelector('[data-testid="details"] [data-testid="paragraph"]') !== null,
      label,
    );
  }
}

let built: string;
beforeAll(() => {
  built = buildDataset('hostile', [`${FIXTURES}sources/hostile.txt`]);
});

afterAll(() => closeAll(pages, servers));

describe('script payloads in cables', () => {
  it('a cable built with the CLI: payloads in text, subject and mentions show as characters and run nothing', async () => {
    const w = await open(built);
    await graphDrawn(w.page);
    const keys = await w.page.evaluate(() => window.cablegraph!.sigma.getGraph().nodes());
    // PNP last: it appears in both paragraphs.
    await visitAll(w, [...keys.filter((k) => k !== 'pnp'), 'pnp']);
    const details = w.page.getByTestId('details');
    const text = await details.textContent();
    expect(text).toContain('<script>window.__pwned=3</script>');
    expect(text).toContain('<img src=x onerror="window.__pwned=4">');
    expect(text).toContain('<script>window.__pwned=1</script> PAYLOAD TEST');
    expect(await details.getByTestId('mention').filter({ hasText: 'onerror' }).count()).toBeGreaterThan(0);
    // Nothing in the panel is an element that could have come from the data.
    expect(await details.locator('script, img, iframe, object').count()).toBe(0);
    // Search suggestions carry labels too.
    await w.page.getByTestId('search').fill('img');
    await w.page.getByTestId('suggestion').first().waitFor();
    expect(await w.page.locator('#search-results img').count()).toBe(0);
    await w.page.getByTestId('search').press('Enter');
    await w.page.getByTestId('paragraph').first().waitFor();
    await screenshot(w.page, 'hostile-cable');
    expect(await pwned(w.page)).toBeNull();
    expect(w.errors).toEqual([]);
  });

  it('the hand-made hostile dataset: payload labels, aliases, subject and signature stay text', async () => {
    const w = await open(`${FIXTURES}hostile/`);
    await graphDrawn(w.page);
    await visitAll(w, ['script-org', 'img-payload']);
    // The second cable's metadata listing carries payloads too.
    const meta = w.page.getByTestId('details').locator('.paragraph-meta').last();
    expect(await meta.locator('.cable-origin').textContent()).toBe(`<img src=x onerror="window.__pwned='listing'">Embassy`);
    expect(await meta.locator('.cable-classification').textContent()).toBe("<script>window.__pwned='classification'</script>");
    await visitAll(w, ['pnp']);
    expect(await w.page.getByTestId('details').locator('h2').textContent()).toBe('PNP');
    expect(await w.page.locator('body script:not([src]), body img').count()).toBe(0);
    expect(await pwned(w.page)).toBeNull();
    expect(w.errors).toEqual([]);
  });

  it('the page is served with a Content-Security-Policy that forbids inline scripts and eval', async () => {
    const server = await serve(built);
    servers.push(server);
    const response = await fetch(server.url);
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toMatch(/script-src 'self'(;|$)/);
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval/);
    const html = await response.text();
    expect(html).toMatch(/http-equiv="Content-Security-Policy"/);
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
  });
});

describe('broken and missing datasets', () => {
  it('a corrupt graph.json names the file and says how to rebuild', async () => {
    const w = await open(`${FIXTURES}broken/`);
    const problem = w.page.locator('#problem');
    await problem.waitFor();
    expect(await problem.locator('h2').textContent()).toBe('The dataset is damaged');
    expect(await problem.textContent()).toMatch(/graph\.json: not valid JSON/);
    expect(await problem.textContent()).toMatch(/npm start/);
    await screenshot(w.page, 'broken-dataset');
    expect(w.errors).toEqual([]);
  });

  it('no build yet invites a drop and says how to build one', async () => {
    const w = await open(`${FIXTURES}does-not-exist/`);
    const invite = w.page.getByTestId('import-invite');
    await invite.waitFor();
    expect(await invite.locator('h2').textContent()).toBe('Open a corpus');
    expect(await invite.textContent()).toMatch(/npm start -- <folder>/);
    // The browser itself logs the 404 of manifest.json; nothing else may fail.
    expect(w.errors.filter((e) => !/404/.test(e))).toEqual([]);
  });
});
