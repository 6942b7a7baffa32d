/**
 * The ways in: the file pickers (files, including .zip and .cablegraph.json, and folders), a drop
 * anywhere on the page (with an overlay saying what a drop does while files are dragged over),
 * and the invitation shown when there is nothing to explore yet. Each hands the files it got,
 * named by their relative paths, to `onFiles`.
 */
import { Listeners, el } from '../dom.ts';
import { collect, dropEntries, inputSources, type Collected } from './collect.ts';

export interface DropZone {
  /** Opens the file picker. */
  pickFiles(): void;
  pickFolder(): void;
  /** The invitation to drop a corpus, over the stage, with why there is nothing to show and the command-line way. */
  showInvite(reason: InviteReason | null): void;
  hideInvite(): void;
  dispose(): void;
}

export interface InviteReason {
  detail: string;
  /** Other ways to get a dataset (the command line). */
  steps: string[];
}

const hasFiles = (e: DragEvent) => e.dataTransfer?.types.includes('Files') ?? false;

export function createDropZone(page: HTMLElement, stage: HTMLElement, onFiles: (collected: Collected) => void): DropZone {
  const listeners = new Listeners();
  const filesInput = el('input', { className: 'visually-hidden', testid: 'import', attrs: { type: 'file', multiple: '', tabindex: '-1', 'aria-label': 'Open cables, a .zip or a dataset file' } });
  const folderInput = el('input', { className: 'visually-hidden', testid: 'import-folder', attrs: { type: 'file', multiple: '', webkitdirectory: '', tabindex: '-1', 'aria-label': 'Open a folder of cables' } });
  const overlay = el('div', { className: 'drop-overlay', attrs: { 'aria-hidden': 'true' } }, [
    el('p', { className: 'drop-title', text: 'Drop to open' }),
    el('p', { text: 'Cables (.txt), a folder or a .zip of them, with metadata.csv, lexicon and alias files — or a .cablegraph.json dataset.' }),
  ]);
  overlay.hidden = true;
  const invite = el('section', { className: 'import-invite', testid: 'import-invite', attrs: { 'aria-label': 'Open a corpus' } });
  invite.hidden = true;
  page.append(filesInput, folderInput, overlay);
  stage.append(invite);

  for (const input of [filesInput, folderInput]) {
    listeners.on(input, 'change', () => {
      const files = [...(input.files ?? [])];
      // Cleared so that choosing the same files again still fires `change`.
      input.value = '';
      if (files.length) onFiles({ sources: inputSources(files), problems: [] });
    });
  }

  // dragenter/dragleave fire for every child crossed: count them to know when the drag left.
  let depth = 0;
  listeners.on(document, 'dragenter', (e) => {
    if (!hasFiles(e)) return;
    depth++;
    overlay.hidden = false;
  });
  listeners.on(document, 'dragleave', (e) => {
    if (!hasFiles(e)) return;
    depth = Math.max(0, depth - 1);
    if (depth === 0) overlay.hidden = true;
  });
  listeners.on(document, 'dragover', (e) => {
    if (!hasFiles(e)) return;
    e.preventDefault();
    e.dataTransfer!.dropEffect = 'copy';
  });
  listeners.on(document, 'drop', (e) => {
    if (!hasFiles(e)) return;
    e.preventDefault();
    depth = 0;
    overlay.hidden = true;
    void collect(dropEntries(e.dataTransfer!)).then(onFiles);
  });

  const pickFiles = () => filesInput.click();
  const pickFolder = () => folderInput.click();

  return {
    pickFiles,
    pickFolder,
    showInvite(reason) {
      const filesButton = el('button', { className: 'primary', text: 'Choose files…', attrs: { type: 'button' } });
      const folderButton = el('button', { text: 'Choose a folder…', attrs: { type: 'button' } });
      filesButton.addEventListener('click', pickFiles);
      folderButton.addEventListener('click', pickFolder);
      invite.replaceChildren(
        el('div', { className: 'drop-target' }, [
          el('h2', { text: 'Open a corpus' }),
          reason ? el('p', { className: 'reason', text: reason.detail }) : null,
          el('p', { text: 'Drop a folder of annotated cables here (one .txt per cable), a .zip of them, or a .cablegraph.json dataset you downloaded before.' }),
          el('p', { className: 'hint', text: 'A metadata.csv adds dates; a lexicon.tsv and an aliases.tsv are used as the command line uses them. Nothing leaves your computer: the graph is built in this page.' }),
          el('div', { className: 'actions' }, [filesButton, folderButton]),
          reason?.steps.length ? el('details', { className: 'cli-steps' }, [el('summary', { text: 'Or build a dataset with the command line' }), el('ul', {}, reason.steps.map((step) => el('li', { text: step })))]) : null,
        ]),
      );
      invite.hidden = false;
    },
    hideInvite() {
      invite.hidden = true;
    },
    dispose() {
      listeners.dispose();
      filesInput.remove();
      folderInput.remove();
      overlay.remove();
      invite.remove();
    },
  };
}
