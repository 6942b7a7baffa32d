/**
 * The promise kept in `cache` under `key`, made by `make` the first time it is asked for. A
 * rejected one is forgotten, so that a retry (after a network hiccup, say) can succeed. Dataset
 * readers keep their files and decoded shards so, in the CLI and in the page alike.
 */
export function remembered<K, T>(cache: Map<K, Promise<T>>, key: K, make: () => Promise<T>): Promise<T> {
  let hit = cache.get(key);
  if (!hit) {
    hit = make();
    cache.set(key, hit);
    hit.catch(() => cache.delete(key));
  }
  return hit;
}
