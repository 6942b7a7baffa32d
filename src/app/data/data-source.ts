/**
 * Where the explorer's files come from. Every dataset file (manifest, graph, shards) is read
 * through one `DataSource`, so the same app runs on a folder served over HTTP today and on
 * files a Web Worker builds in memory later. Reads are cached by path: a shard asked for twice
 * (by the panel and by search, say) is fetched once.
 */

export interface DataSource {
  /** The parsed JSON at `path` (relative to the dataset root); rejects with a `DataError`. */
  get(path: string): Promise<unknown>;
  /** The parsed JSON at `path` if a read of it has already finished, else undefined. */
  peek(path: string): unknown;
}

/**
 * Why a file could not be had (missing, corrupt, unreachable): each kind gets its own advice on
 * screen. The core's reader raises the same error, so its checks serve the page as they are.
 */
export { DatasetError as DataError, type DatasetErrorKind as DataErrorKind } from '../../core/dataset/read-dataset.ts';
import { DatasetError as DataError } from '../../core/dataset/read-dataset.ts';

/** A minimal `fetch` so tests can pass their own. */
export type Fetch = (url: string) => Promise<{ ok: boolean; status: number; statusText: string; text(): Promise<string> }>;

/** Reads `<base><path>` over HTTP; `base` must end with a slash. */
export function httpDataSource(base: string, fetchImpl: Fetch = (url) => fetch(url)): DataSource {
  if (!base.endsWith('/')) throw new Error(`httpDataSource: base must end with '/', got '${base}'`);
  return cached(async (path) => {
    let response;
    try {
      response = await fetchImpl(base + path);
    } catch (e) {
      throw new DataError('unreachable', path, `the server did not answer (${(e as Error).message})`);
    }
    if (response.status === 404) throw new DataError('missing', path, 'not found');
    if (!response.ok) throw new DataError('unreachable', path, `HTTP ${response.status} ${response.statusText}`);
    return parseJson(path, await response.text());
  });
}

/** Reads from a map of path → JSON text, as an in-memory build will produce. */
export function memoryDataSource(files: ReadonlyMap<string, string>): DataSource {
  return cached(async (path) => {
    const text = files.get(path);
    if (text === undefined) throw new DataError('missing', path, 'not found');
    return parseJson(path, text);
  });
}

function parseJson(path: string, text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    throw new DataError('corrupt', path, `not valid JSON (${(e as Error).message})`);
  }
}

/** Caches each path's promise; a failed read is forgotten so a retry can succeed. */
function cached(read: (path: string) => Promise<unknown>): DataSource {
  const cache = new Map<string, Promise<unknown>>();
  // What has come in, for readers that can use it at once rather than a turn later.
  const settled = new Map<string, unknown>();
  return {
    get(path) {
      let hit = cache.get(path);
      if (!hit) {
        hit = read(path);
        cache.set(path, hit);
        hit.then((value) => settled.set(path, value), () => cache.delete(path));
      }
      return hit;
    },
    peek: (path) => settled.get(path),
  };
}
