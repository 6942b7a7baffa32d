/**
 * Vite for the explorer: serves the dataset folder chosen by CABLEGRAPH_DATASET (set by
 * bin/start.js; default data/build/) under `dataset/` in dev and preview, copies it into the
 * static build so dist/ is a complete site, and sends the Content-Security-Policy as a header
 * (dev also allows the HMR websocket). `base: './'` lets dist/ be served from any path.
 */
import { cpSync, existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, resolve, sep } from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { defineConfig } from 'vite';
import type { Plugin } from 'vite';

const ROOT = import.meta.dirname;
export const DATASET_URL = '/dataset/';
const datasetDir = resolve(ROOT, process.env.CABLEGRAPH_DATASET ?? 'data/build');

const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
const DEV_CSP = CSP.replace("connect-src 'self'", "connect-src 'self' ws:");

const TYPES: Record<string, string> = { '.json': 'application/json; charset=utf-8' };

/** Serves files under `dir` for requests under DATASET_URL; 404 for anything outside it. */
function serveDataset(dir: string) {
  return (req: IncomingMessage, res: ServerResponse, next: () => void) => {
    const url = new URL(req.url ?? '/', 'http://x');
    if (!url.pathname.startsWith(DATASET_URL)) return next();
    const file = resolve(dir, decodeURIComponent(url.pathname.slice(DATASET_URL.length)));
    if (!file.startsWith(dir + sep) || !existsSync(file) || !statSync(file).isFile()) {
      res.statusCode = 404;
      res.setHeader('Content-Type', 'text/plain; charset=utf-8');
      res.end(`not found in the dataset folder ${dir}`);
      return;
    }
    res.setHeader('Content-Type', TYPES[extname(file)] ?? 'application/octet-stream');
    res.setHeader('Cache-Control', 'no-cache');
    res.end(readFileSync(file));
  };
}

function dataset(dir: string): Plugin {
  let outDir = '';
  return {
    name: 'cablegraph-dataset',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    configureServer(server) {
      server.middlewares.use(serveDataset(dir));
    },
    configurePreviewServer(server) {
      server.middlewares.use(serveDataset(dir));
    },
    closeBundle() {
      // A static site needs its data next to it; without a built dataset the page says how to make one.
      if (existsSync(join(dir, 'manifest.json'))) cpSync(dir, join(outDir, 'dataset'), { recursive: true });
      else this.warn(`no dataset in ${dir}: dist/ has the page only (run \`npm run build\` to build data first)`);
    },
  };
}

export default defineConfig({
  base: './',
  plugins: [dataset(datasetDir)],
  server: {
    headers: { 'Content-Security-Policy': DEV_CSP },
    // Corpora, datasets and test output can hold hundreds of thousands of files: not source.
    watch: { ignored: ['**/.cache/**', '**/data/**', '**/dist/**', '**/test-output/**', '**/test/**', '**/bench/**'] },
  },
  preview: { headers: { 'Content-Security-Policy': CSP } },
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 1000 },
});
