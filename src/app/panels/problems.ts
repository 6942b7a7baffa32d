/**
 * What the page says when the dataset cannot be shown: a title, what happened, and what to do,
 * by kind of failure (no build yet, a damaged file, a server that does not answer). Pure, so
 * each message is tested without a browser.
 */
import { DataError } from '../data/data-source.ts';

export interface Problem {
  title: string;
  detail: string;
  /** Things to try, in order. */
  steps: string[];
}

const REBUILD = 'Rebuild it: stop the server, delete the dataset folder (data/build/ for the bundled sample) and run `npm start` again; `npm start -- <folder>` does the same for your own cables.';

export function describeProblem(error: unknown, where: string): Problem {
  if (error instanceof DataError) {
    if (error.kind === 'missing') {
      return {
        title: 'No dataset yet',
        detail: `The explorer found no ${error.path} at ${where}: nothing has been built for it to show.`,
        steps: [
          'Run `npm start` in the project folder: it builds the bundled sample (data/) and opens the explorer.',
          'For your own cables run `npm start -- <folder>`, or build with `npx cablegraph build <folder> --out <dir>`.',
        ],
      };
    }
    if (error.kind === 'corrupt') {
      return { title: 'The dataset is damaged', detail: error.message, steps: [REBUILD] };
    }
    return {
      title: 'The dataset could not be loaded',
      detail: error.message,
      steps: ['Check that the server started by `npm start` is still running, then reload the page.'],
    };
  }
  return {
    title: 'Something went wrong',
    detail: error instanceof Error ? error.message : String(error),
    steps: ['Reload the page. If it happens again, the browser console has the details.'],
  };
}
