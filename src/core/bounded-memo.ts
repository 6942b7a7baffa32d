/**
 * `compute` remembered by key, up to `limit` keys: past that it starts afresh rather than grow
 * without end (a corpus has millions of distinct mention texts, most seen once). For pure work on
 * strings that repeat across a corpus (`Iran`, `U.S.`): each is worked out once while it is kept.
 */
export function boundedMemo<V extends NonNullable<unknown> | null>(compute: (key: string) => V, limit: number): (key: string) => V {
  const kept = new Map<string, V>();
  return (key) => {
    let value = kept.get(key);
    if (value === undefined) {
      value = compute(key);
      if (kept.size >= limit) kept.clear();
      kept.set(key, value);
    }
    return value;
  };
}
