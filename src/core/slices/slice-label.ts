/**
 * A slice in words, for what an export of it carries: a caption line (`cables from 2008-01-01 to
 * 2008-12-31 · origin Embassy Lima or Embassy Bogota · tag SNAR`) for GEXF's description,
 * GraphML's graph data, the CLI's summary line and the page's pictures, and a short slug for a
 * file name. The whole corpus has neither (empty strings), so unsliced exports stay as they were.
 */
import { isWholeCorpus, type SliceFilter } from './slice-index.ts';

/** Values in the order given, each once (case-insensitively, as slices match them). */
function distinct(values: readonly string[] | undefined): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const v of values ?? []) {
    const value = v.trim();
    const key = value.toLowerCase();
    if (value === '' || seen.has(key)) continue;
    seen.add(key);
    out.push(value);
  }
  return out;
}

function dates(filter: SliceFilter): string | null {
  if (filter.from !== undefined && filter.to !== undefined) return filter.from === filter.to ? `cables of ${filter.from}` : `cables from ${filter.from} to ${filter.to}`;
  if (filter.from !== undefined) return `cables from ${filter.from}`;
  if (filter.to !== undefined) return `cables up to ${filter.to}`;
  return null;
}

/** The slice as one line of text; '' for the whole corpus. */
export function describeSlice(filter: SliceFilter): string {
  if (isWholeCorpus(filter)) return '';
  const parts = [dates(filter)];
  for (const [name, values] of [['origin', filter.origins], ['classification', filter.classifications], ['tag', filter.tags]] as const) {
    const list = distinct(values);
    if (list.length > 0) parts.push(`${name} ${list.join(' or ')}`);
  }
  return `slice: ${parts.filter((p) => p !== null).join(' · ')}`;
}

/** Longest slug: file systems take 255 bytes, and the name has a stem and an extension besides. */
const SLUG_CHARS = 80;

/**
 * The slice as a file-name part (`2008-01-01_2008-12-31_Embassy-Lima_SNAR`): letters, digits, `-`
 * and `_` only, at most 80 characters; '' for the whole corpus.
 */
export function sliceSlug(filter: SliceFilter): string {
  if (isWholeCorpus(filter)) return '';
  const words = (s: string) => s.replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-+|-+$/g, '');
  const parts: string[] = [];
  if (filter.from !== undefined && filter.to !== undefined) parts.push(`${filter.from}_${filter.to}`);
  else if (filter.from !== undefined) parts.push(`from-${filter.from}`);
  else if (filter.to !== undefined) parts.push(`to-${filter.to}`);
  for (const values of [filter.origins, filter.classifications, filter.tags]) {
    const list = distinct(values).map(words).filter((w) => w !== '');
    if (list.length > 0) parts.push(list.join('-'));
  }
  const slug = parts.join('_');
  return slug.length <= SLUG_CHARS ? slug : slug.slice(0, SLUG_CHARS).replace(/[-_]+$/, '');
}
