/**
 * Vite for the explorer: serves the dataset folder chosen by CABLEGRAPH_DATASET (set by
 * bin/start.js; default data/build/) under `dataset/` in dev and preview, copies it into the
 * static build so dist/ is a complete site, and applies the one Content-Security-Policy of
 * src/app/csp.ts: as a header in dev and preview, and as a `<meta>` in index.html (the static
 * build's only policy on a host that sends no header). `base: './'` lets dist/ be served from
 * any path.
 */
import { cpSync, existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, resolve, sep } from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { defineConfig } from 'vite';
import type { Plugin } from 'vite';
import { CSP_HEADER, CSP_META } from './src/app/csp.ts';

const ROOT = import.meta.dirname;
export const DATASET_URL = '/dataset/';
const datasetDir = resolve(ROOT, process.env.CABLEGRAPH_DATASET ?? 'data/build');

const TYPES: Record<string, string> = { '.json': 'application/json; charset=utf-8' };

/** Serves files under `dir` for requests under DATASET_URL; 404 for anything outside it. */
function serveDataset(dir: string) {
  return (req: IncomingMessage, res: ServerResponse, next: () => void) => {
    const url = new URL(req.url ?? '/', 'http://x');
    if (!url.pathname.startsWith(DATASET_URL)) return next();
    let name: string;
    try {
      name = decodeURIComponent(url.pathname.slice(DATASET_URL.length));
    } catch {
      // A malformed % escape is the client's mistake: say so in one line, not with a stack (500).
      res.statusCode = 400;
      res.setHeader('Content-Type', 'text/plain; charset=utf-8');
      res.end(`bad request: ${url.pathname} has a malformed % escape\n`);
      return;
    }
    const file = resolve(dir, name);
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

/** Puts the policy into index.html, in dev and in the build alike, so there is one place to edit it. */
function cspMeta(): Plugin {
  return {
    name: 'cablegraph-csp-meta',
    transformIndexHtml: () => [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: CSP_META }, injectTo: 'head-prepend' }],
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
  plugins: [cspMeta(), dataset(datasetDir)],
  server: {
    headers: { 'Content-Security-Policy': CSP_HEADER },
    // Corpora, datasets and test output can hold hundreds of thousands of files: not source.
    watch: { ignored: ['**/.cache/**', '**/data/**', '**/dist/**', '**/test-output/**', '**/test/**', '**/bench/**'] },
  },
  preview: { headers: { 'Content-Security-Policy': CSP_HEADER } },
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 1000 },
});
