/**
 * A file too big for one JavaScript string: recognised wherever it surfaces (reading, resolving,
 * printing JSON) and named as a problem of that file rather than a crash. Its own small module so
 * the command line's entry can recognise it without loading the reader.
 */
import type { Diagnostic } from '../core/diagnostics.ts';

/** V8's failure to make a string or buffer that large (`Invalid string length`, `Array buffer allocation failed`). */
export function isTooLarge(e: unknown): boolean {
  return e instanceof RangeError && /invalid string length|array buffer allocation failed|invalid array length/i.test(e.message);
}

export function tooLarge(file: string, bytes: number): Diagnostic {
  return {
    file, line: 0, severity: 'error', code: 'too-large',
    message: `too large to read (${Math.round(bytes / 2 ** 20).toLocaleString('en')} MB, more text than one string can hold): split it into cables`,
  };
}
