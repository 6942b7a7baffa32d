#!/usr/bin/env node
// The command line runs as JavaScript compiled from src/cli and src/core into build/node/, so that
// no TypeScript compiler runs at each start (nor in each worker thread). `npm install` compiles it
// (the `prepare` script runs this file); bin/cablegraph.js and bin/start.js call `ensureCompiled`,
// which recompiles when a source is newer than the last compilation, so a developer editing src/
// never runs stale code. Each file is transpiled on its own (TypeScript's transpileModule: types
// are erased, `.ts` imports become `.js`); type checking is `npm test`'s job, not the start's.
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(import.meta.dirname, '..');
const SOURCES = ['src/cli', 'src/core'];
/** Where the JavaScript goes, under a project folder. */
export const outDir = (root = ROOT) => join(root, 'build', 'node');
/** The file whose modification time is when build/node was last compiled. */
export const stampPath = (root = ROOT) => join(outDir(root), 'stamp.json');
/** A lock older than this was left by a killed compilation. */
const STALE_LOCK_MS = 60_000;

/** The TypeScript sources, as paths relative to `root`, sorted. */
function sources(root) {
  const found = [];
  const walk = (dir) => {
    for (const entry of readdirSync(join(root, dir), { withFileTypes: true })) {
      const path = `${dir}/${entry.name}`;
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.ts')) found.push(path);
    }
  };
  for (const dir of SOURCES) walk(dir);
  return found.sort();
}

/**
 * Why build/node must be compiled again, or null when it is current: a source or this compiler
 * newer than the stamp, or a source added or removed since. About a hundred stats: a millisecond.
 */
export function staleness(root = ROOT) {
  const path = stampPath(root);
  let stamp;
  try {
    stamp = { mtime: statSync(path).mtimeMs, files: JSON.parse(readFileSync(path, 'utf8')).files };
  } catch {
    return 'not compiled yet';
  }
  const files = sources(root);
  if (files.join('\n') !== stamp.files.join('\n')) return 'source files were added or removed';
  for (const file of files) {
    if (statSync(join(root, file)).mtimeMs > stamp.mtime) return `${file} changed`;
  }
  if (statSync(fileURLToPath(import.meta.url)).mtimeMs > stamp.mtime) return 'the compiler changed';
  return null;
}

/** Compiles every source into a fresh folder that then replaces build/node. */
export function compile(root = ROOT) {
  let ts;
  try {
    ts = createRequire(import.meta.url)('typescript');
  } catch {
    throw new Error('the TypeScript compiler is missing: run `npm install` in the project folder');
  }
  const options = {
    module: ts.ModuleKind.ESNext,
    target: ts.ScriptTarget.ES2022,
    verbatimModuleSyntax: true,
    rewriteRelativeImportExtensions: true,
  };
  const started = new Date();
  const out = outDir(root);
  const files = sources(root);
  const temporary = `${out}.partial-${process.pid}`;
  rmSync(temporary, { recursive: true, force: true });
  for (const file of files) {
    const { outputText } = ts.transpileModule(readFileSync(join(root, file), 'utf8'), { compilerOptions: options, fileName: file });
    const target = join(temporary, relative('src', file).replace(/\.ts$/, '.js'));
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, outputText);
  }
  // The stamp's mtime is the compilation's start: a source saved during it counts as newer.
  writeFileSync(join(temporary, 'stamp.json'), JSON.stringify({ files }, null, 1));
  utimesSync(join(temporary, 'stamp.json'), started, started);
  const previous = `${out}.previous-${process.pid}`;
  try {
    renameSync(out, previous);
  } catch (e) {
    if (e.code !== 'ENOENT') throw e;
  }
  renameSync(temporary, out);
  rmSync(previous, { recursive: true, force: true });
}

function sleep(ms) {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/**
 * Compiles when stale, one process at a time (test runs start many CLIs at once): the others
 * wait for the lock, then find the output current. Says so on stderr when it compiles.
 */
export function ensureCompiled(root = ROOT) {
  if (staleness(root) === null) return;
  const lock = `${outDir(root)}.lock`;
  mkdirSync(dirname(lock), { recursive: true });
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch (e) {
      if (e.code !== 'EEXIST') throw e;
      try {
        if (Date.now() - statSync(lock).mtimeMs > STALE_LOCK_MS) rmSync(lock, { recursive: true, force: true });
      } catch { /* released meanwhile */ }
      sleep(50);
    }
  }
  try {
    const why = staleness(root);
    if (why === null) return;
    process.stderr.write(`cablegraph: compiling src/ to build/node/ (${why})...\n`);
    compile(root);
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  // `npm install` (prepare) and `node bin/compile.js`: always compile, quietly.
  try {
    if (!existsSync(join(ROOT, 'src'))) throw new Error(`no src/ in ${ROOT}`);
    compile(ROOT);
  } catch (e) {
    console.error(`compile: ${e.message}`);
    process.exit(1);
  }
}
