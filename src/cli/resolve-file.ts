/**
 * One file from disk to a resolved cable: the per-cable step of a build, run in worker threads
 * (or in-process for a handful of files). Unreadable and binary files come back as diagnostics.
 */
import { readFileSync } from 'node:fs';
import type { Diagnostic } from '../core/diagnostics.ts';
import type { ResolvedCable } from '../core/entities/model.ts';
import { readCable } from '../core/cable/read-cable.ts';
import { resolveCable, type ResolveContext } from '../core/entities/resolve-cable.ts';
import { describeFsError, type CableInput } from './files.ts';
import { isTooLarge, tooLarge } from './too-large.ts';
import { tallyCable, type CableTally } from '../core/graph/cable-tally.ts';
import type { Vocabulary } from '../core/graph/vocabulary.ts';

export type FileOutcome =
  /**
   * `tally`: the mentions counted per key and the paragraphs' records in UTF-8
   * (core/graph/cable-tally.ts), for `DatasetBuilder.addCable`, made here, in the workers, off
   * the main thread; the cable's paragraphs are then left out.
   */
  | { file: string; cable: ResolvedCable; tally: CableTally; bytes: number }
  | { file: string; cable: null; diagnostics: Diagnostic[]; bytes: number };

/**
 * Reads `input.path`; the cable and its diagnostics carry `input.name`, the name it has in the
 * dataset. The tally's words are numbered in `vocabulary`, whose outcomes must reach the build in
 * the order they were made.
 */
export function resolveFile(input: CableInput, context: ResolveContext, vocabulary: Vocabulary): FileOutcome {
  const file = input.name;
  let bytes: Uint8Array;
  try {
    // Synchronous on purpose: cables are small, and four thread-pool round trips per file
    // (open, stat, read, close) cost more than the read itself.
    bytes = readFileSync(input.path);
  } catch (e) {
    return { file, cable: null, bytes: 0, diagnostics: [{ file, line: 0, severity: 'error', code: 'unreadable', message: describeFsError(e) }] };
  }
  try {
    const { cable, diagnostics } = readCable(bytes, file);
    if (cable === null) return { file, cable: null, diagnostics, bytes: bytes.length };
    const resolved = resolveCable(cable, diagnostics, context);
    // Last, once nothing can reject the file: the words it numbers must reach the build.
    const tally = tallyCable(resolved.paragraphs, vocabulary);
    // The build reads the tally: the paragraphs would cross to the main thread a second time
    // (copied into its heap, for its garbage collector to sweep), so they stay behind.
    resolved.paragraphs = [];
    return { file, cable: resolved, tally, bytes: bytes.length };
  } catch (e) {
    // Text beyond what one string can hold: this file is rejected, named, and the rest still build.
    if (!isTooLarge(e)) throw e;
    return { file, cable: null, bytes: bytes.length, diagnostics: [tooLarge(file, bytes.length)] };
  }
}
