/**
 * Starts a worker thread on a module next to this one, running the same code as the caller: the
 * compiled JavaScript when the CLI runs from build/node (what users run), else the TypeScript
 * source through tsx (tests that import the CLI's modules as TypeScript). In Node 20, ESM loader
 * hooks do not reach a worker's entry module, so there a CommonJS bootstrap installs tsx's require
 * hook and requires the worker through it.
 */
import { Worker, type WorkerOptions } from 'node:worker_threads';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

/** `name` without extension, e.g. 'parse-worker'. */
export function startWorker(name: string, options: WorkerOptions): Worker {
  if (import.meta.url.endsWith('.js')) return new Worker(new URL(`./${name}.js`, import.meta.url), options);
  const tsx = createRequire(import.meta.url).resolve('tsx/cjs');
  const entry = fileURLToPath(new URL(`./${name}.ts`, import.meta.url));
  return new Worker(`require(${JSON.stringify(tsx)}); require(${JSON.stringify(entry)});`, { ...options, eval: true });
}
