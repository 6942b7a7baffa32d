/**
 * Whether a finished build is worth keeping: a corpus where every file was rejected, or where no
 * paragraph holds a single `[TYPE …]` mention, or where every mention was dropped, gives a graph
 * without one entity. Such a build must not replace a good dataset and must not pass for a
 * success. Decided from the build's figures alone, so the CLI and the page's import agree.
 */
import type { CorpusFigures } from './format.ts';

export type EmptyBuildReason =
  /** No file could be read as a cable (all rejected: unreadable, binary, not the format). */
  | 'no-cables'
  /** Cables were read, but no paragraph holds an annotated mention. */
  | 'no-mentions'
  /** Mentions were found, but every one was dropped (redactions, format words, jargon). */
  | 'all-dropped';

export interface EmptyBuild {
  reason: EmptyBuildReason;
  /** What was found, for a message (files and counts, without file names). */
  message: string;
  /** What to do about it, when there is something to say. */
  hint: string | null;
}

/** The format section a message points to. */
export const FORMAT_POINTER = 'mentions are written inline as [TYPE tokens  ]: see "Your own corpus" in README.md for the format';

/** Why the build with these figures is unusable, or null when it has at least one entity. */
export function emptyBuild(figures: CorpusFigures): EmptyBuild | null {
  if (figures.entities > 0) return null;
  const files = plural(figures.files, 'file');
  if (figures.cables === 0) {
    const message = figures.files === 1 ? 'the file could not be read as a cable' : `none of the ${files} could be read as a cable`;
    return { reason: 'no-cables', message, hint: null };
  }
  const dropped = Object.values(figures.mentions.dropped).reduce((sum, n) => sum + n, 0);
  const cables = plural(figures.cables, 'cable');
  if (figures.mentions.kept + dropped === 0) {
    return { reason: 'no-mentions', message: `no annotated mentions found in ${cables}`, hint: FORMAT_POINTER };
  }
  const reasons = Object.entries(figures.mentions.dropped).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .map(([reason, n]) => `${reason} ${n}`).join(', ');
  return {
    reason: 'all-dropped',
    message: `every one of the ${plural(dropped, 'mention')} in ${cables} was dropped (${reasons}): no entity is left to link`,
    hint: 'the --keep-format-words, --keep-jargon and --redactions per-cable options keep some of them',
  };
}

function plural(n: number, word: string): string {
  return `${n.toLocaleString('en')} ${word}${n === 1 ? '' : 's'}`;
}
