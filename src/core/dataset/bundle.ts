/**
 * A whole dataset in one file, to download a built corpus and reopen it later without parsing
 * again: the dataset's files by path, in one JSON object with a format marker and version.
 */
import { DATASET_VERSION, MANIFEST_PATH } from './format.ts';

export const BUNDLE_FORMAT = 'cablegraph-dataset';
export const BUNDLE_EXTENSION = '.cablegraph.json';

export interface Bundle {
  format: typeof BUNDLE_FORMAT;
  version: number;
  files: Record<string, string>;
}

export function packBundle(files: ReadonlyMap<string, string>): string {
  const sorted = [...files].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const bundle: Bundle = { format: BUNDLE_FORMAT, version: DATASET_VERSION, files: Object.fromEntries(sorted) };
  return JSON.stringify(bundle);
}

/** The files of a bundle, or an error saying what is wrong with it. */
export function unpackBundle(text: string): { files: Map<string, string> } | { error: string } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (e) {
    return { error: `not a Cablegraph dataset: not valid JSON (${(e as Error).message})` };
  }
  const bundle = parsed as Partial<Bundle> | null;
  if (bundle === null || typeof bundle !== 'object' || bundle.format !== BUNDLE_FORMAT) {
    return { error: `not a Cablegraph dataset: no "format": "${BUNDLE_FORMAT}" marker` };
  }
  if (bundle.version !== DATASET_VERSION) {
    return { error: `a Cablegraph dataset of version ${String(bundle.version)}; this explorer reads version ${DATASET_VERSION}: build it again from the cables` };
  }
  const files = new Map<string, string>();
  for (const [path, content] of Object.entries(bundle.files ?? {})) {
    if (typeof content !== 'string') return { error: `not a Cablegraph dataset: ${path} is not text` };
    files.set(path, content);
  }
  if (!files.has(MANIFEST_PATH)) return { error: `not a Cablegraph dataset: it has no ${MANIFEST_PATH}` };
  return { files };
}
