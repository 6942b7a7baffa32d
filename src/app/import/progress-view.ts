/**
 * The progress card shown over the stage while a corpus builds: what is being built, the step
 * (with counts), a bar, the figures so far (cables, paragraphs, entities) and a Cancel button.
 * The page stays usable behind it: the work is in the worker, and this only sets text.
 */
import type { BuildProgress } from '../../workers/protocol.ts';
import { Listeners, el } from '../dom.ts';
import { progressFigures, progressFraction, progressStep } from './progress.ts';

export interface ProgressView {
  /** Shows the card; without a `BuildProgress` yet, the bar runs indeterminate. */
  start(title: string): void;
  update(p: BuildProgress): void;
  /** Says what happens once the build is done (the view being drawn): there is nothing left to cancel. */
  note(text: string): void;
  finish(): void;
  dispose(): void;
}

export function createProgressView(host: HTMLElement, cancel: () => void): ProgressView {
  const listeners = new Listeners();
  const title = el('h2');
  const step = el('p', { className: 'step' });
  const bar = el('progress', { attrs: { max: '1', 'aria-label': 'Build progress' } });
  const figures = el('p', { className: 'figures' });
  const button = el('button', { className: 'cancel', text: 'Cancel', testid: 'import-cancel', attrs: { type: 'button' } });
  const root = el('section', { className: 'import-progress', testid: 'import-progress', attrs: { role: 'status', 'aria-live': 'polite' } }, [title, step, bar, figures, button]);
  root.hidden = true;
  host.append(root);
  listeners.on(button, 'click', cancel);

  return {
    start(text) {
      title.textContent = text;
      step.textContent = 'Starting…';
      figures.textContent = '';
      bar.removeAttribute('value');
      button.hidden = false;
      root.hidden = false;
    },
    update(p) {
      step.textContent = progressStep(p);
      figures.textContent = progressFigures(p);
      bar.value = progressFraction(p);
    },
    note(text) {
      step.textContent = text;
      button.hidden = true;
    },
    finish() {
      root.hidden = true;
    },
    dispose() {
      listeners.dispose();
      root.remove();
    },
  };
}
