/**
 * Entry point of the page: opens the dataset served under `dataset/` next to the page and starts
 * the explorer, or shows what went wrong and what to do. Performance marks
 * (`cablegraph:first-frame`, `cablegraph:paragraphs-shown`) let the benchmark time the page,
 * and `window.cablegraph.sigma` gives users' own scripts (and the benchmark) the renderer.
 */
import type Sigma from 'sigma';

declare global {
  interface Window {
    cablegraph?: { sigma: Sigma };
  }
}

import { httpDataSource } from './data-source.ts';
import { openDataset } from './dataset.ts';
import { el } from './dom.ts';
import { createExplorer } from './explorer.ts';
import { describeProblem } from './problems.ts';

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

async function start(): Promise<void> {
  const base = new URL('dataset/', document.baseURI).href;
  const loading = byId('loading');
  let dataset;
  try {
    dataset = await openDataset(httpDataSource(base));
  } catch (e) {
    loading.hidden = true;
    showProblem(e, base);
    return;
  }
  let firstFrame = true;
  try {
    const explorer = createExplorer(
      { graph: byId('graph'), controls: byId('controls'), legend: byId('legend'), search: byId('search'), details: byId('details'), empty: byId('empty'), figures: byId('figures') },
      dataset,
      {
        rendered() {
          if (!firstFrame) return;
          firstFrame = false;
          performance.mark('cablegraph:first-frame');
        },
        paragraphsShown: () => performance.mark('cablegraph:paragraphs-shown'),
      },
    );
    window.cablegraph = { sigma: explorer.sigma };
  } catch (e) {
    showProblem(e, base);
  } finally {
    loading.hidden = true;
  }
}

void start();
