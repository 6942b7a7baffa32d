/**
 * Opening a corpus in the page: takes what the user dropped or picked, and either builds it in
 * the build worker (with progress and Cancel) or reopens a dataset bundle; then opens the
 * explorer on the result held in memory (laid out by the build as the CLI lays it out: a map of
 * communities, left as it is), lists the problems met, and offers the dataset as one download and
 * the lexicon/alias editor, whose
 * rebuilds reuse the files already dropped. A failure or a cancel leaves what was shown.
 * The work (the files given, the tables built with, edits not yet rebuilt) is kept in the
 * browser (kept-work.ts) until the user discards it, as a note in the top bar says; a reload
 * reopens it (`resume`).
 *
 * The page answers input throughout: the build is in the worker, opening the explorer runs in
 * steps of a task each (pace.ts), and the view is drawn out of sight and shown once the GPU has
 * drawn it (gpu-finished.ts). Marks for the benchmark: `cablegraph:import-built` (the dataset
 * read), `cablegraph:import-shown` (the view on screen).
 */
import type Sigma from 'sigma';
import type { Diagnostic } from '../../core/diagnostics.ts';
import { BUNDLE_EXTENSION } from '../../core/dataset/bundle.ts';
import type { SourceFile, Tables } from '../../workers/protocol.ts';
import { memoryDataSource } from '../data/data-source.ts';
import { openDataset, type Dataset } from '../data/dataset.ts';
import { Listeners, el } from '../dom.ts';
import { measuredSteps, nextTask, type Pace } from '../pace.ts';
import { describeChanges } from './changes.ts';
import type { Collected } from './collect.ts';
import { Cancelled, createDatasetWorker, type DatasetWorker } from './dataset-worker.ts';
import { createDropZone, type InviteReason } from './drop-zone.ts';
import { createEditor } from './editor.ts';
import { indexedDbStore, type KeptWork, type WorkStore } from './kept-work.ts';
import { gpuFinished, webgl2Contexts } from './gpu-finished.ts';
import { planImport } from './plan.ts';
import { createProblemsList } from './problems-list.ts';
import { createProgressView } from './progress-view.ts';
import { saveFile } from './save-file.ts';
import { warmRenderer } from './warm-renderer.ts';

export interface ImporterElements {
  /** The whole page: drops land anywhere on it. */
  page: HTMLElement;
  /** The graph's stage: the invitation, progress and problems show over it. */
  stage: HTMLElement;
  /** Where the import buttons go (the top bar). */
  actions: HTMLElement;
}

export interface ImporterHost {
  /**
   * Opens the explorer on `dataset` in place of whatever is shown, in steps under `pace`;
   * resolves with its renderer. `freshView`: start from no selection (the URL's view state
   * belongs to another dataset). On failure the view shown before stays.
   */
  open(dataset: Dataset, pace: Pace, freshView: boolean): Promise<Sigma>;
}

export interface Importer {
  /** Shows the invitation to drop a corpus (there is nothing to explore yet). */
  invite(reason: InviteReason | null): void;
  /** Reopens the work kept in this browser, if any; resolves true once it is on screen. */
  resume(): Promise<boolean>;
  dispose(): void;
}

/** What is on screen and where it came from. */
interface Shown {
  worker: DatasetWorker;
  dataset: Dataset;
  name: string;
  /** The files it was built from (none for a reopened bundle). */
  sources: SourceFile[];
  problems: Diagnostic[];
}

/** What a job gives: the dataset's files, and what to keep to make it again. */
interface Made {
  files: Map<string, string>;
  problems: Diagnostic[];
  tables: Tables | null;
  name: string;
  sources: SourceFile[];
  kind: KeptWork['kind'];
  /** The files to keep: the sources, or the dataset file reopened. */
  kept: SourceFile[];
}

export interface ImporterOptions {
  /** Where the work is kept (default: this browser's IndexedDB). */
  store?: WorkStore;
}

export function createImporter(els: ImporterElements, host: ImporterHost, options: ImporterOptions = {}): Importer {
  const store = options.store ?? indexedDbStore();
  const listeners = new Listeners();
  /** The work on screen as kept; null when nothing is kept (or it was discarded). */
  let kept: KeptWork | null = null;
  let shown: Shown | null = null;
  let running: DatasetWorker | null = null;
  let invited = false;
  let warmed = false;

  const openButton = el('button', { text: 'Open…', title: 'Open cables, a folder, a .zip or a .cablegraph.json (or drop them on the page)', attrs: { type: 'button' } });
  const folderButton = el('button', { text: 'Folder…', title: 'Open a folder of cables', attrs: { type: 'button' } });
  const editButton = el('button', { text: 'Lexicon & aliases', attrs: { type: 'button' } });
  const downloadButton = el('button', { text: 'Save dataset', testid: 'download-dataset', title: 'The built dataset as one file: drop it here later to reopen it without parsing again', attrs: { type: 'button' } });
  const discardButton = el('button', { className: 'discard', text: 'Discard', testid: 'discard-kept', title: 'Forget the kept files and edits: a reload will not reopen them', attrs: { type: 'button' } });
  const keptText = el('span', { text: 'Kept in this browser' });
  const keptDash = el('span', { text: ' — ' });
  const keptNote = el('p', { className: 'kept-note', testid: 'kept-note', attrs: { role: 'status', title: 'The files you opened and your lexicon and alias edits are kept in this browser (IndexedDB) so that a reload reopens them. Nothing is uploaded.' } }, [keptText, keptDash, discardButton]);
  editButton.hidden = true;
  downloadButton.hidden = true;
  keptNote.hidden = true;
  els.actions.append(el('div', { className: 'import-actions' }, [keptNote, openButton, folderButton, editButton, downloadButton]));

  const error = el('section', { className: 'import-error', testid: 'import-error', attrs: { role: 'alert' } });
  error.hidden = true;
  els.stage.append(error);
  const problems = createProblemsList(els.stage);
  const progress = createProgressView(els.stage, () => cancel());
  const drops = createDropZone(els.page, els.stage, (collected) => void take(collected));
  const editor = createEditor(els.page, { rebuild: (tables) => void rebuild(tables), edited: (tables) => void keepPending(tables) });

  /** The note in the top bar: kept (with Discard), or why not. */
  const sayKept = (refused: string | null) => {
    keptText.textContent = refused === null ? 'Kept in this browser' : `Not kept in this browser (${refused}): a reload loses it`;
    discardButton.hidden = keptDash.hidden = refused !== null;
    keptNote.classList.toggle('error', refused !== null);
    keptNote.hidden = false;
  };

  /** Keeps `work` in the browser and says so; a browser that refuses (private mode, quota) is said too. */
  async function keep(work: KeptWork): Promise<void> {
    kept = work;
    try {
      await store.save(work);
      if (kept === work) sayKept(null);
    } catch (e) {
      if (kept === work) sayKept((e as Error).message || 'storage refused');
    }
  }

  async function keepPending(pending: Tables): Promise<void> {
    if (kept) await keep({ ...kept, pending });
  }

  async function discard(): Promise<void> {
    kept = null;
    keptNote.hidden = true;
    try {
      await store.discard();
    } catch (e) {
      showError('Could not discard the kept work', (e as Error).message);
    }
  }

  const showError = (title: string, detail: string) => {
    const dismiss = el('button', { className: 'close', text: '×', title: 'Dismiss', attrs: { type: 'button', 'aria-label': 'Dismiss' } });
    dismiss.addEventListener('click', () => (error.hidden = true));
    error.replaceChildren(el('header', {}, [el('h2', { text: title }), dismiss]), el('p', { className: 'detail', text: detail }));
    error.hidden = false;
  };

  function cancel() {
    running?.terminate();
  }

  /**
   * Runs one job on a fresh worker; the worker becomes the shown dataset's on success, and the
   * work is kept. Resolves true when the result is on screen.
   */
  async function run(title: string, failure: string, job: (worker: DatasetWorker) => Promise<Made>, resumed: { pending: Tables | null } | null = null): Promise<boolean> {
    running?.terminate();
    const worker = createDatasetWorker();
    running = worker;
    error.hidden = true;
    drops.hideInvite();
    editor.setBusy(true);
    progress.start(title);
    performance.mark('cablegraph:import-start');
    if (!warmed) {
      warmed = true;
      // Not worth failing an import for: the renderer is made either way, only later than it could be.
      warmRenderer().catch((e: unknown) => console.warn(`cablegraph: could not compile the renderer ahead: ${(e as Error).message}`));
    }
    try {
      const result = await job(worker);
      // Receiving the files was a task; reading them starts another.
      await nextTask();
      const pace = measuredSteps();
      const dataset = await openDataset(memoryDataSource(result.files), pace);
      performance.mark('cablegraph:import-built');
      const before = shown;
      await show({ worker, dataset, name: result.name, sources: result.sources, problems: result.problems }, result.tables, pace, resumed);
      if (before && before.sources.length > 0 && result.sources.length > 0) editor.showChanges(describeChanges(before.dataset, dataset));
      before?.worker.terminate();
      void keep({ name: result.name, kind: result.kind, sources: result.kept, tables: result.tables ?? {}, pending: resumed?.pending ?? null });
      return true;
    } catch (e) {
      worker.terminate();
      if (!(e instanceof Cancelled)) showError(failure, (e as Error).message);
      if (!shown && invited) drops.showInvite(null);
      return false;
    } finally {
      if (running === worker) running = null;
      progress.finish();
      editor.setBusy(false);
    }
  }

  /** Opens the explorer on `next`; if it cannot open, what was shown stays (and this throws). */
  async function show(next: Shown, tables: Tables | null, pace: Pace, resumed: { pending: Tables | null } | null) {
    // Buttons and note first: a top bar that changed after the view opened would resize and
    // redraw it. The note is said before the work is stored; keep() corrects it if storing fails.
    const noteWas = keptNote.hidden;
    editButton.hidden = false;
    downloadButton.hidden = false;
    if (noteWas) sayKept(null);
    progress.note('Drawing the graph…');
    els.stage.classList.add('drawing-out-of-sight');
    try {
      // A view state from another dataset (a selected entity) means nothing in this one; a
      // resumed dataset is the one the URL was written for.
      const sigma = await host.open(next.dataset, pace, !resumed);
      await gpuFinished(webgl2Contexts(Object.values(sigma.getCanvases())));
      await pace('drawn by the GPU');
    } catch (e) {
      editButton.hidden = !shown;
      downloadButton.hidden = !shown;
      keptNote.hidden = noteWas;
      throw e;
    } finally {
      els.stage.classList.remove('drawing-out-of-sight');
    }
    shown = next;
    performance.mark('cablegraph:import-shown');
    problems.show(next.problems);
    editor.load(next.dataset, tables, next.sources.length > 0, resumed?.pending ?? null);
  }

  async function take(collected: Collected) {
    const plan = planImport(collected.sources, shown?.sources ?? [], shown?.name ?? 'corpus');
    if (plan.kind === 'nothing') {
      if (collected.problems.length) problems.show(collected.problems);
      return;
    }
    if (plan.kind === 'bundle') {
      await run(`Opening ${plan.source.name}`, 'Could not open this dataset file', async (worker) => ({
        files: await worker.open(plan.source.name, plan.source.data as Blob),
        problems: collected.problems,
        tables: null,
        name: plan.name,
        sources: [],
        kind: 'bundle',
        kept: [plan.source],
      }));
      return;
    }
    await run(`Building ${plan.name}`, `Could not build ${plan.name}`, async (worker) => {
      const built = await worker.build(plan.sources, {}, (p) => progress.update(p));
      return { files: built.files, problems: [...collected.problems, ...built.problems], tables: built.tables, name: plan.name, sources: plan.sources, kind: 'build', kept: plan.sources };
    });
  }

  /** Makes the kept work again: the same build (with the tables it was built with), or the same dataset file. */
  function reopen(work: KeptWork): Promise<boolean> {
    const resumed = { pending: work.pending };
    if (work.kind === 'bundle') {
      const source = work.sources[0]!;
      return run(`Reopening ${work.name}`, `Could not reopen ${work.name}`, async (worker) => ({
        files: await worker.open(source.name, source.data instanceof Blob ? source.data : new Blob([source.data])),
        problems: [],
        tables: null,
        name: work.name,
        sources: [],
        kind: 'bundle',
        kept: work.sources,
      }), resumed);
    }
    return run(`Reopening ${work.name}`, `Could not reopen ${work.name}`, async (worker) => {
      const built = await worker.build(work.sources, work.tables, (p) => progress.update(p));
      return { files: built.files, problems: built.problems, tables: built.tables, name: work.name, sources: work.sources, kind: 'build', kept: work.sources };
    }, resumed);
  }

  async function rebuild(tables: Partial<Tables>) {
    const current = shown;
    if (!current || current.sources.length === 0) return;
    await run(`Rebuilding ${current.name}`, `Could not rebuild ${current.name}`, async (worker) => {
      const built = await worker.build(current.sources, tables, (p) => progress.update(p));
      return { files: built.files, problems: built.problems, tables: built.tables, name: current.name, sources: current.sources, kind: 'build', kept: current.sources };
    });
  }

  async function download() {
    const current = shown;
    if (!current) return;
    downloadButton.disabled = true;
    try {
      saveFile(`${current.name}${BUNDLE_EXTENSION}`, await current.worker.pack());
    } catch (e) {
      showError('Could not prepare the download', (e as Error).message);
    } finally {
      downloadButton.disabled = false;
    }
  }

  listeners.on(openButton, 'click', () => drops.pickFiles());
  listeners.on(folderButton, 'click', () => drops.pickFolder());
  listeners.on(editButton, 'click', () => editor.toggle());
  listeners.on(downloadButton, 'click', () => void download());
  listeners.on(discardButton, 'click', () => void discard());

  return {
    invite(reason) {
      invited = true;
      drops.showInvite(reason);
    },
    async resume() {
      let work: KeptWork | null;
      try {
        work = await store.load();
      } catch (e) {
        // No IndexedDB (a private window may refuse it): nothing kept to reopen.
        console.warn(`cablegraph: could not read the work kept in this browser: ${(e as Error).message}`);
        return false;
      }
      return work ? reopen(work) : false;
    },
    dispose() {
      running?.terminate();
      shown?.worker.terminate();
      listeners.dispose();
      drops.dispose();
      editor.dispose();
      progress.dispose();
      problems.dispose();
      error.remove();
    },
  };
}
