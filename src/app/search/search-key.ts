/**
 * The one place the explorer normalises text for search: a query must be normalised exactly as
 * the build normalised entity names, or it looks in the wrong search shard. The build indexes
 * with `entityKey` (src/core/entities/normalize.ts), so the explorer uses it too.
 */
import { entityKey } from '../../core/entities/normalize.ts';

export const searchKey: (text: string) => string = entityKey;
