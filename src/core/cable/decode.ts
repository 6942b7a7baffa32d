/**
 * From the bytes of one file to text. UTF-8 (a BOM dropped); UTF-16 LE or BE when a byte-order
 * mark says so; windows-1252 when the bytes are not UTF-8 and look like a single-byte encoding
 * (more ill-formed sequences than well-formed multi-byte ones: `café` and `¶` as single bytes),
 * so a file saved by an old Windows editor keeps its `¶` anchors and accents. A file that is
 * mostly UTF-8 with a few bad bytes stays UTF-8, with U+FFFD for the bad bytes. Every choice other
 * than plain UTF-8 is a diagnostic naming the encoding. CRLF and lone CR become LF; binary files
 * are rejected. Never throws.
 */
import type { Diagnostic } from '../diagnostics.ts';

export interface DecodedFile {
  /** The text, or null when the file was rejected as binary. */
  text: string | null;
  diagnostics: Diagnostic[];
}

const strict = new TextDecoder('utf-8', { fatal: true });
const lenient = new TextDecoder('utf-8');
const utf16le = new TextDecoder('utf-16le');
const utf16be = new TextDecoder('utf-16be');

/** How many leading bytes are inspected to tell a binary file from text. */
const SNIFF_BYTES = 8192;

export function decodeFile(input: Uint8Array | string, file: string): DecodedFile {
  const diagnostics: Diagnostic[] = [];
  let text: string;
  if (typeof input === 'string') {
    text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  } else if (input[0] === 0xff && input[1] === 0xfe || input[0] === 0xfe && input[1] === 0xff) {
    const le = input[0] === 0xff;
    // The decoder drops the byte-order mark itself.
    text = (le ? utf16le : utf16be).decode(input);
    if (text.slice(0, SNIFF_BYTES).includes('\0')) {
      diagnostics.push(binaryFile(file));
      return { text: null, diagnostics };
    }
    diagnostics.push({ file, line: 0, severity: 'info', code: 'encoding', message: `read as UTF-16 ${le ? 'LE' : 'BE'} (byte-order mark)` });
  } else {
    if (looksBinary(input)) {
      diagnostics.push(binaryFile(file));
      return { text: null, diagnostics };
    }
    try {
      text = strict.decode(input);
    } catch {
      const bad = firstInvalidUtf8(input);
      const { valid, invalid } = utf8Sequences(input);
      if (invalid > valid) {
        text = decodeWindows1252(input);
        diagnostics.push({
          file, line: lineAtByte(input, bad), severity: 'warning', code: 'encoding',
          message: `not UTF-8 (byte ${bad} and ${invalid - 1} more); read as windows-1252`,
        });
      } else {
        text = lenient.decode(input);
        if (mostlyReplaced(text)) {
          diagnostics.push(binaryFile(file));
          return { text: null, diagnostics };
        }
        diagnostics.push({
          file, line: lineAtByte(input, bad), severity: 'warning', code: 'invalid-utf8',
          message: `invalid UTF-8 at byte ${bad}; undecodable bytes shown as U+FFFD`,
        });
      }
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

/**
 * windows-1252's 0x80–0x9F (WHATWG Encoding); 0 where the code page has no character, which
 * then stands for itself as a C1 control, as browsers decode it. Written out because Node 20's
 * TextDecoder('windows-1252') decodes these bytes as ISO-8859-1 does (€ as U+0080).
 */
const CP1252_HIGH = [
  0x20ac, 0, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017d, 0,
  0, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0, 0x017e, 0x0178,
];

export function decodeWindows1252(bytes: Uint8Array): string {
  const parts: string[] = [];
  const CHUNK = 8192;
  for (let start = 0; start < bytes.length; start += CHUNK) {
    const end = Math.min(bytes.length, start + CHUNK);
    const codes = new Array<number>(end - start);
    for (let i = start; i < end; i++) {
      const b = bytes[i]!;
      codes[i - start] = b >= 0x80 && b < 0xa0 ? CP1252_HIGH[b - 0x80] || b : b;
    }
    parts.push(String.fromCharCode(...codes));
  }
  return parts.join('');
}

/** Well-formed multi-byte UTF-8 sequences, and ill-formed ones (each counted at its first byte). */
function utf8Sequences(bytes: Uint8Array): { valid: number; invalid: number } {
  let valid = 0;
  let invalid = 0;
  for (let i = 0; i < bytes.length; ) {
    if (bytes[i]! < 0x80) { i++; continue; }
    const n = sequenceLength(bytes, i);
    if (n > 0) { valid++; i += n; } else { invalid++; i++; }
  }
  return { valid, invalid };
}

/** Length of the well-formed UTF-8 sequence (RFC 3629) starting at `i`, or 0 if it is ill-formed. */
function sequenceLength(bytes: Uint8Array, i: number): number {
  const b = bytes[i]!;
  if (b < 0x80) return 1;
  let need: number, min: number;
  if (b >= 0xc2 && b <= 0xdf) { need = 1; min = 0x80; }
  else if (b >= 0xe0 && b <= 0xef) { need = 2; min = 0x800; }
  else if (b >= 0xf0 && b <= 0xf4) { need = 3; min = 0x10000; }
  else return 0;
  let cp = b & (0x3f >> need);
  for (let k = 1; k <= need; k++) {
    const c = bytes[i + k];
    if (c === undefined || (c & 0xc0) !== 0x80) return 0;
    cp = (cp << 6) | (c & 0x3f);
  }
  if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return 0;
  return need + 1;
}

/** Byte offset of the first ill-formed UTF-8 sequence (RFC 3629), or bytes.length if none. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length; ) {
    const n = sequenceLength(bytes, i);
    if (n === 0) return i;
    i += n;
  }
  return bytes.length;
}

function lineAtByte(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < bytes.length; i++) if (bytes[i] === 10) line++;
  return line;
}
