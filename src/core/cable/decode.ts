/**
 * From the bytes of one file to text: UTF-8 with replacement characters for invalid bytes,
 * BOM dropped, CRLF and lone CR turned into LF, binary files rejected. Never throws.
 */
import type { Diagnostic } from '../diagnostics.ts';

export interface DecodedFile {
  /** The text, or null when the file was rejected as binary. */
  text: string | null;
  diagnostics: Diagnostic[];
}

const strict = new TextDecoder('utf-8', { fatal: true });
const lenient = new TextDecoder('utf-8');

/** How many leading bytes are inspected to tell a binary file from text. */
const SNIFF_BYTES = 8192;

export function decodeFile(input: Uint8Array | string, file: string): DecodedFile {
  const diagnostics: Diagnostic[] = [];
  let text: string;
  if (typeof input === 'string') {
    text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  } else {
    if (looksBinary(input)) {
      diagnostics.push(binaryFile(file));
      return { text: null, diagnostics };
    }
    try {
      text = strict.decode(input);
    } catch {
      text = lenient.decode(input);
      if (mostlyReplaced(text)) {
        diagnostics.push(binaryFile(file));
        return { text: null, diagnostics };
      }
      const bad = firstInvalidUtf8(input);
      diagnostics.push({
        file, line: lineAtByte(input, bad), severity: 'warning', code: 'invalid-utf8',
        message: `invalid UTF-8 at byte ${bad}; undecodable bytes shown as U+FFFD`,
      });
    }
  }
  if (text.includes('\r')) text = text.replace(/\r\n?/g, '\n');
  return { text, diagnostics };
}

/** A NUL byte near the start marks a binary file; annotated text never holds one. */
function looksBinary(bytes: Uint8Array): boolean {
  return bytes.subarray(0, SNIFF_BYTES).indexOf(0) >= 0;
}

/** Text that decodes to this share of U+FFFD or more was not text to begin with. */
const MAX_REPLACEMENT_SHARE = 0.1;

function mostlyReplaced(text: string): boolean {
  let replaced = 0;
  for (let i = text.indexOf('\ufffd'); i >= 0; i = text.indexOf('\ufffd', i + 1)) replaced++;
  return replaced > text.length * MAX_REPLACEMENT_SHARE;
}

function binaryFile(file: string): Diagnostic {
  return {
    file, line: 0, severity: 'error', code: 'binary-file',
    message: 'binary file (NUL bytes or mostly undecodable), not an annotated cable; skipped',
  };
}

/** Byte offset of the first ill-formed UTF-8 sequence (RFC 3629), or bytes.length if none. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    if (b < 0x80) { i++; continue; }
    let need: number, min: number;
    if (b >= 0xc2 && b <= 0xdf) { need = 1; min = 0x80; }
    else if (b >= 0xe0 && b <= 0xef) { need = 2; min = 0x800; }
    else if (b >= 0xf0 && b <= 0xf4) { need = 3; min = 0x10000; }
    else return i;
    let cp = b & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return bytes.length;
}

function lineAtByte(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < bytes.length; i++) if (bytes[i] === 10) line++;
  return line;
}
