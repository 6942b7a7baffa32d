/**
 * The slice options shared by `evidence`, `path` (and, for a slice, `export`): days, posts,
 * classifications and tags, and naming entities on the command line. One kind repeated means
 * any of its values; kinds combined mean all of them.
 */
import { checkFilter, type SliceFilter } from '../core/slices/slice-index.ts';
import { describeCandidates, type DatasetReader } from '../core/dataset/read-dataset.ts';
import type { EntityRecord } from '../core/dataset/format.ts';
import { InputError, UsageError } from './usage.ts';

export const SLICE_OPTIONS = {
  from: { type: 'string' },
  to: { type: 'string' },
  origin: { type: 'string', multiple: true },
  tag: { type: 'string', multiple: true },
  classification: { type: 'string', multiple: true },
} as const;

export const SLICE_HELP = `  --from YYYY-MM-DD      only cables dated on or after this day (cables without a date are left out)
  --to YYYY-MM-DD        only cables dated on or before this day
  --origin POST          only cables from this post (metadata.csv's 'Embassy Paris', else the
                         header's 'PARIS'); repeat for any of several
  --tag TAG              only cables with this tag (metadata.csv's, else the header's); repeat
                         for any of several
  --classification C     only cables with this marking; repeat for any of several`;

/** The slice the options describe; a malformed day is a usage error naming the option. */
export function sliceFilter(values: { from?: string; to?: string; origin?: string[]; tag?: string[]; classification?: string[] }): SliceFilter {
  const filter: SliceFilter = {
    from: values.from, to: values.to, origins: values.origin, tags: values.tag, classifications: values.classification,
  };
  try {
    checkFilter(filter);
  } catch (e) {
    throw new UsageError(`--${(e as Error).message}`);
  }
  return filter;
}

/** The entity a command-line name means, or an InputError listing the candidates. */
export async function namedEntity(reader: DatasetReader, name: string): Promise<EntityRecord> {
  const found = await reader.findEntity(name);
  if (found.ok) return found.entity;
  if (found.problem === 'ambiguous') {
    throw new InputError(`'${name}' names ${found.candidates.length} entities; name one by its id or key: ${describeCandidates(found.candidates)}`);
  }
  const hint = found.candidates.length > 0 ? `; entities named like it: ${describeCandidates(found.candidates)}` : '';
  throw new InputError(`no entity is named '${name}' (by id, key, label or alias)${hint}`);
}
