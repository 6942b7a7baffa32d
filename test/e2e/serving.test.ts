/**
 * The page as served both ways: the static build (`vite preview`) and `npm start`'s dev server.
 * Under each: no Content-Security-Policy violation (every stylesheet is a linked file, so the
 * import panel is styled and its raw file inputs hidden), one policy from src/app/csp.ts with no
 * source wider than the page's own origin, and a malformed `%` escape in a dataset URL answered
 * 400 with one line, not a 500 with a stack.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CSP_HEADER, CSP_META } from '../../src/app/csp.ts';
import { seedDataset } from './datasets.ts';
import { SERVE_MODES, closeAll, graphDrawn, openPage, screenshot, serveAs } from './harness.ts';
import type { WatchedPage } from './harness.ts';

const servers: { url: string; close(): Promise<void> }[] = [];
const pages: WatchedPage[] = [];
let seed: string;

beforeAll(() => {
  seed = seedDataset();
});

afterAll(() => closeAll(pages, servers));

describe.each(SERVE_MODES)('served as %s', (mode) => {
  let url: string;
  beforeAll(async () => {
    const server = await serveAs(mode, seed);
    servers.push(server);
    url = server.url;
  });

  it('sends the one policy of src/app/csp.ts as a header and in the page, with no source beyond its own origin', async () => {
    const response = await fetch(url);
    expect(response.headers.get('content-security-policy')).toBe(CSP_HEADER);
    const html = await response.text();
    const metas = [...html.matchAll(/<meta http-equiv="Content-Security-Policy" content="([^"]*)"/g)].map((m) => m[1]!.replaceAll('&#39;', "'"));
    expect(metas).toEqual([CSP_META]);
    // Nothing but 'self', 'none', data: images and blob: workers: no scheme-wide source (ws:, https:) and no host.
    for (const directive of CSP_HEADER.split('; ')) {
      const [, ...sources] = directive.split(' ');
      for (const source of sources) expect(["'self'", "'none'", 'data:', 'blob:']).toContain(source);
    }
    expect(html).not.toMatch(/<style/);
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
  });

  it('draws the explorer with no CSP violation, its import panel styled', async () => {
    const w = await openPage(url);
    pages.push(w);
    await graphDrawn(w.page);
    const look = await w.page.evaluate(() => {
      const input = document.querySelector<HTMLElement>('[data-testid="import"]')!;
      const actions = document.querySelector<HTMLElement>('.import-actions')!;
      return { inputWidth: input.getBoundingClientRect().width, actionsDisplay: getComputedStyle(actions).display, styles: document.querySelectorAll('style').length };
    });
    // import.css hides the raw inputs (1px, clipped) behind the buttons and lays the buttons out in a row.
    expect(look).toEqual({ inputWidth: 1, actionsDisplay: 'flex', styles: 0 });
    await screenshot(w.page, `served-${mode}`);
    expect(w.errors).toEqual([]);
  });

  it('answers a malformed % escape in a dataset URL with 400 and one line', async () => {
    const response = await fetch(`${url}dataset/%E0%A4%A`);
    expect(response.status).toBe(400);
    const body = await response.text();
    expect(body.trim().split('\n')).toHaveLength(1);
    expect(body).toMatch(/malformed % escape/);
    expect(body).not.toMatch(/at .*\.(ts|js):\d+/);
    // A well-formed escape still finds its file.
    expect((await fetch(`${url}dataset/%6Danifest.json`)).status).toBe(200);
  });
});

