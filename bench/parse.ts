/**
 * `npm run bench:parse [-- N]`: speed of the cable reader on one core. Prints MB/s and cables/s
 * for the shared sample and for a generated corpus of N cables (default 30,000, about 210 MB):
 * once with the files already in memory (the reader alone, best of several rounds), once reading
 * them from disk. To judge the figures, it first measures yardsticks on the same machine and text
 * (a trivial loop over the characters, one global regex replace) and the reader's two stages alone.
 *
 * V8 builds the display text as a rope of slices and flattens it when it is first read; the reader
 * itself reads only what it must, so one row adds that first read of every display text (what a
 * consumer writing JSON or showing the text pays).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { cpus } from 'node:os';
import { decodeFile } from '../src/core/cable/decode.ts';
import { renderText } from '../src/core/cable/display-text.ts';
import { readCable } from '../src/core/cable/read-cable.ts';
import type { Cable } from '../src/core/cable/model.ts';
import { SAMPLE, generatedCorpus, mb, requireShared } from './corpora.ts';

requireShared();
const generated = Number(process.argv[2] ?? 30_000);
const ROUNDS = 5;

function cableFiles(dir: string): string[] {
  return readdirSync(dir).filter((f) => f.endsWith('.txt')).sort().map((f) => dir + f);
}

function report(name: string, files: number, bytes: number, ms: number): void {
  const s = ms / 1000;
  console.log(`${name.padEnd(58)} ${String(files).padStart(6)} cables  ${mb(bytes).padStart(6)} MB  ${(bytes / 1e6 / s).toFixed(1).padStart(6)} MB/s  ${Math.round(files / s).toString().padStart(6)} cables/s`);
}

/** What the measured work returns, summed and exported so that none of it can be optimised away. */
export let sink = 0;

/** Best time in ms of `rounds` runs of `work` over every file. */
function best(rounds: number, count: number, work: (i: number) => number): number {
  let bestMs = Infinity;
  for (let r = 0; r < rounds; r++) {
    const t0 = performance.now();
    for (let i = 0; i < count; i++) sink += work(i);
    bestMs = Math.min(bestMs, performance.now() - t0);
  }
  return bestMs;
}

/** Reads the first character of every display text, which makes V8 flatten it. */
function readTexts(cable: Cable | null): number {
  if (cable === null) return 0;
  let n = cable.header.text.charCodeAt(0) | 0;
  for (const p of cable.paragraphs) n += p.text.charCodeAt(0) | 0;
  return n;
}

function sumCharCodes(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) n += s.charCodeAt(i);
  return n;
}

/** The crudest display text: one global regex replace that strips the mention brackets. */
const MENTION_BRACKETS = /\[[A-Z][A-Z0-9_-]* |  \]/g;

function stripBrackets(s: string): number {
  return s.replace(MENTION_BRACKETS, '').length;
}

function inMemory(name: string, files: string[], rounds: number, withParts: boolean): void {
  const buffers = files.map((f) => readFileSync(f));
  const bytes = buffers.reduce((n, b) => n + b.length, 0);
  const n = files.length;
  const label = `${name}, in memory (best of ${rounds})`;
  if (withParts) {
    const texts = buffers.map((b, i) => decodeFile(b, files[i]!).text ?? '');
    report(`  yardstick: a loop summing char codes`, n, bytes, best(rounds, n, (i) => sumCharCodes(texts[i]!)));
    report(`  yardstick: one regex replace stripping [TYPE and  ]`, n, bytes, best(rounds, n, (i) => stripBrackets(texts[i]!)));
    report(`  decode alone (bytes to text)`, n, bytes, best(rounds, n, (i) => decodeFile(buffers[i]!, files[i]!).text?.length ?? 0));
    report(`  render alone (display text of whole files)`, n, bytes, best(rounds, n, (i) =>
      renderText(texts[i]!, 0, texts[i]!.length, { file: files[i]!, line: 1, diagnostics: [], tags: [] }).mentions.length));
  }
  report(label, n, bytes, best(rounds, n, (i) => readCable(buffers[i]!, files[i]!).diagnostics.length));
  report(`${name}, in memory, every text then read once`, n, bytes, best(rounds, n, (i) => readTexts(readCable(buffers[i]!, files[i]!).cable)));
}

function fromDisk(name: string, files: string[]): void {
  let bytes = 0;
  const t0 = performance.now();
  for (const f of files) {
    const b = readFileSync(f);
    bytes += b.length;
    readCable(b, f);
  }
  report(`${name}, read from disk`, files.length, bytes, performance.now() - t0);
}

console.log(`cable reader, one core, Node ${process.version}, ${cpus()[0]?.model ?? 'unknown CPU'}`);
const sample = cableFiles(SAMPLE);
inMemory('shared sample', sample, ROUNDS, true);
fromDisk('shared sample', sample);
const big = cableFiles(generatedCorpus(generated));
fromDisk(`generated ${generated}`, big);
inMemory(`generated ${generated}`, big.slice(0, 10_000), 3, false);
