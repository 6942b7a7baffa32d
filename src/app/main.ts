/**
 * Entry point of the page: opens the dataset served under `dataset/` next to the page and starts
 * the explorer, or shows what went wrong and what to do. With no dataset served, the page invites
 * a drop instead: the importer (import/importer.ts) builds a corpus in the browser and opens the
 * explorer on it, replacing the one shown; a dataset that fails to open leaves the one shown
 * before on screen. Work kept in the browser from a previous visit (import/kept-work.ts) reopens
 * in place of the served dataset. Performance marks
 * (`cablegraph:first-frame`, `cablegraph:paragraphs-shown`) and, for an import, a measure per
 * step of opening (`cablegraph:open <step>`) let the benchmarks time the page, and
 * `window.cablegraph.sigma` gives users' own scripts (and the benchmarks) the renderer once the
 * explorer is open.
 */
import type Sigma from 'sigma';

declare global {
  interface Window {
    cablegraph?: { sigma: Sigma; labelsShown(): string[] };
  }
}

import { MANIFEST_PATH } from '../core/dataset/format.ts';
import { DataError, httpDataSource } from './data/data-source.ts';
import { openDataset } from './data/dataset.ts';
import type { Dataset } from './data/dataset.ts';
import { el } from './dom.ts';
import { createExplorer } from './explorer.ts';
import type { Explorer } from './explorer.ts';
import { createImporter } from './import/importer.ts';
import type { Pace } from './pace.ts';
import { describeProblem } from './panels/problems.ts';

const byId = (id: string) => {
  const node = document.getElementById(id);
  if (!node) throw new Error(`index.html has no #${id}`);
  return node;
};

function showProblem(error: unknown, where: string): void {
  const problem = describeProblem(error, where);
  const box = byId('problem');
  box.replaceChildren(
    el('h2', { text: problem.title }),
    el('p', { className: 'detail', text: problem.detail }),
    el('ul', {}, problem.steps.map((step) => el('li', { text: step }))),
  );
  box.hidden = false;
  byId('app').classList.add('has-problem');
  // Visible in the console too, for whoever is debugging a deployment.
  console.warn(`cablegraph: ${problem.title}: ${problem.detail}`);
}

let explorer: Explorer | null = null;
/** The dataset the explorer shows: what to reopen when another fails to open over it. */
let current: Dataset | null = null;
/** The explorer being opened: an open waits for the one before it, so they never interleave. */
let opening: Promise<unknown> = Promise.resolve();

/**
 * Starts the explorer on `dataset` in place of the one shown (an import replaces it), in steps
 * under `pace` if given; resolves once it is open. `freshView` drops the URL's view state first
 * (it was written for another dataset). If the explorer cannot open on `dataset`, the one
 * shown before is put back, URL included, and the promise rejects with the reason.
 */
function explore(dataset: Dataset, pace?: Pace, freshView = false): Promise<Explorer> {
  const opened = opening.then(() => replace(dataset, pace, freshView));
  opening = opened.catch(() => undefined);
  return opened;
}

/** The page's parts an explorer fills (and a failed one may leave half-filled). */
const explorerParts = () => ({
  graph: byId('graph'), regions: byId('regions'), controls: byId('controls'), legend: byId('legend'), search: byId('search'),
  details: byId('details'), empty: byId('empty'), figures: byId('figures'),
});
const explorerElements = () => ({
  ...explorerParts(), app: byId('app'),
  sideToggle: byId('side-toggle') as HTMLButtonElement, detailsToggle: byId('details-toggle') as HTMLButtonElement,
});

async function replace(dataset: Dataset, pace: Pace | undefined, freshView: boolean): Promise<Explorer> {
  const previous = current;
  const url = location.href;
  if (freshView && location.search) history.replaceState(null, '', location.pathname);
  try {
    return await open(dataset, pace);
  } catch (e) {
    // An explorer that failed half-way may have left its parts in the page: start clean.
    for (const element of Object.values(explorerParts())) element.replaceChildren();
    if (previous) {
      history.replaceState(null, '', url);
      try {
        await open(previous, undefined);
      } catch (again) {
        showProblem(again, 'the dataset shown before');
      }
    }
    throw e;
  }
}

async function open(dataset: Dataset, pace: Pace | undefined): Promise<Explorer> {
  explorer?.kill();
  explorer = null;
  current = null;
  byId('problem').hidden = true;
  byId('app').classList.remove('has-problem');
  let firstFrame = true;
  const next = await createExplorer(
    explorerElements(),
    dataset,
    {
      rendered() {
        if (!firstFrame) return;
        firstFrame = false;
        performance.mark('cablegraph:first-frame');
      },
      paragraphsShown: () => performance.mark('cablegraph:paragraphs-shown'),
      pace,
    },
  );
  explorer = next;
  current = dataset;
  window.cablegraph = { sigma: next.sigma, labelsShown: next.labelsShown };
  return next;
}

async function start(): Promise<void> {
  const base = new URL('dataset/', document.baseURI).href;
  const loading = byId('loading');
  const importer = createImporter({ page: byId('app'), stage: byId('stage'), actions: byId('topbar') }, { open: async (d, pace, freshView) => (await explore(d, pace, freshView)).sigma });
  // Work kept from a previous visit replaced the served dataset then: it does again now.
  if (await importer.resume()) {
    loading.hidden = true;
    return;
  }
  // The served dataset opens in one go, not in steps: the page has nothing yet that waits for
  // input, and yielding between steps would cost its first frame ~100 ms (bench:ui).
  let dataset;
  try {
    dataset = await openDataset(httpDataSource(base));
  } catch (e) {
    loading.hidden = true;
    // A static site without a dataset: opening one in the page is the way in.
    if (e instanceof DataError && e.kind === 'missing' && e.path === MANIFEST_PATH) importer.invite(describeProblem(e, base));
    else showProblem(e, base);
    return;
  }
  try {
    await explore(dataset);
  } catch (e) {
    showProblem(e, base);
  } finally {
    loading.hidden = true;
  }
}

void start();
