/**
 * The work done in the page, kept in the browser so a reload does not lose it: the files a corpus
 * was built from (or the dataset file reopened), the lexicon and alias tables it was built with,
 * and edits made in the editor but not yet rebuilt. Kept in IndexedDB (Blobs are stored as they
 * are, so a corpus of a thousand cables is kept without reading it into the page) until the user
 * discards it; a reload rebuilds from it. One record: the work on screen. The review queue's
 * decisions (core/entities/decisions.ts) are kept in the same store, one record per corpus.
 */
import type { SourceFile, Tables } from '../../workers/protocol.ts';

export interface KeptWork {
  /** The dataset's name (for downloads). */
  name: string;
  /** Build from `sources`, or reopen the dataset file `sources[0]`. */
  kind: 'build' | 'bundle';
  sources: SourceFile[];
  /** The tables the dataset on screen was built with (editor edits rebuilt into it). */
  tables: Partial<Tables>;
  /** Editor edits not rebuilt yet (null: none). */
  pending: Tables | null;
}

export interface WorkStore {
  load(): Promise<KeptWork | null>;
  save(work: KeptWork): Promise<void>;
  discard(): Promise<void>;
}

const DATABASE = 'cablegraph';
const STORE = 'work';
const KEY = 'current';

const done = <T>(request: IDBRequest<T>) =>
  new Promise<T>((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB request failed'));
  });

function openDatabase(factory: IDBFactory): Promise<IDBDatabase> {
  const request = factory.open(DATABASE, 1);
  request.onupgradeneeded = () => request.result.createObjectStore(STORE);
  return done(request);
}

/** A transaction's outcome: a put is only safe once its transaction completes. */
const finished = (tx: IDBTransaction) =>
  new Promise<void>((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error ?? new Error('IndexedDB transaction failed'));
    tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'));
  });

const isKeptWork = (v: unknown): v is KeptWork => {
  const w = v as Partial<KeptWork> | null;
  return typeof w === 'object' && w !== null && typeof w.name === 'string' && (w.kind === 'build' || w.kind === 'bundle') && Array.isArray(w.sources) && w.sources.length > 0;
};

/** The work store in this browser's IndexedDB (`factory`: the page's `indexedDB`). */
export function indexedDbStore(factory: IDBFactory = indexedDB): WorkStore {
  let db: Promise<IDBDatabase> | null = null;
  const database = () => (db ??= openDatabase(factory).catch((e: unknown) => {
    db = null;
    throw e;
  }));
  const write = async (action: (store: IDBObjectStore) => void) => {
    const tx = (await database()).transaction(STORE, 'readwrite');
    action(tx.objectStore(STORE));
    await finished(tx);
  };
  return {
    async load() {
      // Opening would create the database: a page that never kept anything leaves none behind.
      if (typeof factory.databases === 'function' && !(await factory.databases()).some((d) => d.name === DATABASE)) return null;
      const value = await done((await database()).transaction(STORE, 'readonly').objectStore(STORE).get(KEY));
      // A record of another shape (an older page's) is not something to rebuild from.
      return isKeptWork(value) ? value : null;
    },
    save: (work) => write((store) => store.put(work, KEY)),
    discard: () => write((store) => store.delete(KEY)),
  };
}

/** The review queue's decisions for one corpus, kept until the browser's data is cleared. */
export interface DecisionStore {
  /** The list kept for this corpus (empty when none). */
  load(): Promise<unknown[]>;
  save(decisions: readonly unknown[]): Promise<void>;
}

/** Decisions kept in this browser's IndexedDB under `review <scope>` (`scope` names the corpus). */
export function indexedDbDecisions(scope: string, factory: IDBFactory = indexedDB): DecisionStore {
  const key = `review ${scope}`;
  let db: Promise<IDBDatabase> | null = null;
  const database = () => (db ??= openDatabase(factory).catch((e: unknown) => {
    db = null;
    throw e;
  }));
  return {
    async load() {
      // As for the work: reading creates no database.
      if (typeof factory.databases === 'function' && !(await factory.databases()).some((d) => d.name === DATABASE)) return [];
      const value: unknown = await done((await database()).transaction(STORE, 'readonly').objectStore(STORE).get(key));
      return Array.isArray(value) ? value : [];
    },
    async save(decisions) {
      const tx = (await database()).transaction(STORE, 'readwrite');
      tx.objectStore(STORE).put([...decisions], key);
      await finished(tx);
    },
  };
}
