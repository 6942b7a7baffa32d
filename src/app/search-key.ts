/**
 * The one place the explorer normalises text for search: a query must be normalised exactly as
 * the build normalised entity names, or it looks in the wrong search shard.
 * TODO(core): switch to `entityKey` from src/core/entities/normalize.ts once it lands; until
 * then this mirrors its announced rules (Unicode NFKC, lower case, spaces collapsed, accents kept).
 */
export function searchKey(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\s+/gu, ' ').trim();
}
