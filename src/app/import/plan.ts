/**
 * What to do with what the user gave: reopen a dataset bundle (one `*.cablegraph.json`),
 * rebuild the corpus already open with new lexicon or alias files (a drop of `.tsv` files
 * only), or build a new corpus. Also the name a download takes: the dropped folder's or
 * archive's name when there is one. Pure, so each case is tested without a browser.
 */
import { BUNDLE_EXTENSION } from '../../core/dataset/bundle.ts';
import { inputKind } from '../../core/dataset/pipeline.ts';
import type { SourceFile } from '../../workers/protocol.ts';

export type ImportPlan =
  | { kind: 'bundle'; source: SourceFile; name: string }
  | { kind: 'build'; sources: SourceFile[]; name: string }
  | { kind: 'nothing' };

const isTable = (name: string) => inputKind(name) === 'lexicon' || inputKind(name) === 'aliases';
const byName = (a: SourceFile, b: SourceFile) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
export const isBundle = (name: string) => name.toLowerCase().endsWith(BUNDLE_EXTENSION);

/** `held`: the sources of the corpus open now (empty when none was built in this page). */
export function planImport(given: readonly SourceFile[], held: readonly SourceFile[], heldName: string): ImportPlan {
  if (given.length === 0) return { kind: 'nothing' };
  const only = given[0]!;
  if (given.length === 1 && isBundle(only.name)) return { kind: 'bundle', source: only, name: baseName(only.name).slice(0, -BUNDLE_EXTENSION.length) };
  if (held.length > 0 && given.every((s) => isTable(s.name))) {
    // New tables replace those of their kind; the cables stay.
    const kinds = new Set(given.map((s) => inputKind(s.name)));
    return { kind: 'build', sources: [...held.filter((s) => !kinds.has(inputKind(s.name))), ...given].sort(byName), name: heldName };
  }
  return { kind: 'build', sources: [...given].sort(byName), name: datasetName(given) };
}

const baseName = (path: string) => path.slice(path.lastIndexOf('/') + 1);

/** The common top folder of the sources, else a lone archive's name, else `corpus`. */
export function datasetName(sources: readonly SourceFile[]): string {
  const tops = new Set(sources.map((s) => (s.name.includes('/') ? s.name.slice(0, s.name.indexOf('/')) : '')));
  const [top] = tops;
  if (tops.size === 1 && top) return safeName(top);
  const zips = sources.filter((s) => s.name.toLowerCase().endsWith('.zip'));
  if (zips.length === 1) return safeName(baseName(zips[0]!.name).slice(0, -4));
  return 'corpus';
}

/** A file-name-safe version of a name (letters, digits, `._-`), never empty. */
export function safeName(name: string): string {
  return name.replace(/[^\p{L}\p{N}._-]+/gu, '-').replace(/^[-.]+|-+$/g, '') || 'corpus';
}
