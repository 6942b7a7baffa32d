/**
 * `npm run bench:parse [-- N]`: speed of the cable reader on one core. Prints MB/s and cables/s
 * for the shared sample and for a generated corpus of N cables (default 30,000, about 210 MB):
 * once with the files already in memory (the reader alone), once reading them from disk.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { readCable } from '../src/core/cable/read-cable.ts';
import { SAMPLE, generatedCorpus, mb, requireShared } from './corpora.ts';

requireShared();
const generated = Number(process.argv[2] ?? 30_000);

function cableFiles(dir: string): string[] {
  return readdirSync(dir).filter((f) => f.endsWith('.txt')).sort().map((f) => dir + f);
}

function report(name: string, files: number, bytes: number, ms: number): void {
  const s = ms / 1000;
  console.log(`${name.padEnd(44)} ${String(files).padStart(7)} cables  ${mb(bytes).padStart(7)} MB  ${(bytes / 1e6 / s).toFixed(1).padStart(6)} MB/s  ${Math.round(files / s).toString().padStart(6)} cables/s`);
}

function inMemory(name: string, files: string[], rounds: number): void {
  const buffers = files.map((f) => readFileSync(f));
  const bytes = buffers.reduce((n, b) => n + b.length, 0);
  let best = Infinity;
  for (let r = 0; r < rounds; r++) {
    const t0 = performance.now();
    for (let i = 0; i < buffers.length; i++) readCable(buffers[i]!, files[i]!);
    best = Math.min(best, performance.now() - t0);
  }
  report(`${name}, in memory (best of ${rounds})`, files.length, bytes, best);
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

console.log(`cable reader, one core, Node ${process.version}`);
const sample = cableFiles(SAMPLE);
inMemory('shared sample', sample, 5);
fromDisk('shared sample', sample);
const big = cableFiles(generatedCorpus(generated));
fromDisk(`generated ${generated}`, big);
inMemory(`generated ${generated}`, big.slice(0, 10_000), 3);
