#!/usr/bin/env node
// `npm start [-- <file|folder>...]` and `npm run build [-- <file|folder>...]` (`--static`):
// builds the dataset when it is missing, older than its inputs or the build command, or of another
// format version (bin/dataset-staleness.js), then serves the explorer with vite (and prints the
// URL), or writes a static site to dist/.
// Without inputs it uses the bundled sample: data/ with data/lexicon.tsv and data/aliases.tsv,
// built to data/build/. A user's corpus builds to .cache/datasets/<name>-<hash of its path>/.
// Neither command replaces a folder it did not write: `cablegraph build` refuses an --out that is
// not its own, and the static site folder (dist/, or CABLEGRAPH_DIST for tests) is checked here
// before vite empties it.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ensureCompiled, stampPath } from './compile.js';
import { datasetStaleness } from './dataset-staleness.js';

const ROOT = resolve(import.meta.dirname, '..');
const USAGE = `Usage: npm start [-- <file|folder>... [--lexicon f] [--aliases f] [--port n] [--rebuild]]
       npm run build [-- <file|folder>... [--lexicon f] [--aliases f]]

Builds the dataset when needed, then serves the explorer (npm start) or writes a static site to
dist/ (npm run build). Without inputs: the bundled sample in data/. A folder's own lexicon.tsv
and aliases.tsv are used unless --lexicon / --aliases name others.`;

function fail(message) {
  console.error(`start: ${message}`);
  process.exit(1);
}

let parsed;
try {
  parsed = parseArgs({
    allowPositionals: true,
    options: {
      static: { type: 'boolean' },
      lexicon: { type: 'string' },
      aliases: { type: 'string' },
      port: { type: 'string' },
      rebuild: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
} catch (e) {
  console.error(`start: ${e.message}\n\n${USAGE}`);
  process.exit(2);
}
const { values, positionals } = parsed;
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}

/** Inputs, lexicon, aliases and output folder for this run. */
function plan() {
  const own = positionals.length > 0;
  const inputs = own ? positionals.map((p) => resolve(p)) : [join(ROOT, 'data')];
  for (const input of inputs) if (!existsSync(input)) fail(`no such file or folder: ${input}`);
  const beside = (name) => {
    const folder = inputs.find((i) => statSync(i).isDirectory());
    const path = folder && join(folder, name);
    return path && existsSync(path) ? path : undefined;
  };
  const lexicon = values.lexicon ? resolve(values.lexicon) : beside('lexicon.tsv');
  const aliases = values.aliases ? resolve(values.aliases) : beside('aliases.tsv');
  let out = join(ROOT, 'data', 'build');
  if (own) {
    const hash = createHash('sha256').update(inputs.join('\n')).digest('hex').slice(0, 8);
    out = join(ROOT, '.cache', 'datasets', `${basename(inputs[0]).replace(/\.[^.]*$/, '') || 'corpus'}-${hash}`);
  }
  return { inputs, lexicon, aliases, out };
}

try {
  ensureCompiled();
} catch (e) {
  fail(`cannot compile the command line: ${e.message}`);
}
const { DATASET_VERSION } = await import('../build/node/core/dataset/format.js');
const { siteRefusal } = await import('../build/node/cli/output-folder.js');
const job = plan();
const DIST = resolve(process.env.CABLEGRAPH_DIST ?? join(ROOT, 'dist'));
if (values.static) {
  // Before building anything: vite empties the site folder, so it must be one we wrote.
  const why = await siteRefusal(DIST, [...job.inputs, job.lexicon, job.aliases].filter(Boolean));
  if (why) fail(`${DIST}: not replaced: ${why}. The static site goes to a folder that is new, empty or an earlier site; move the files away (nothing was changed)`);
}
const why = values.rebuild ? 'asked to rebuild' : datasetStaleness(job, DATASET_VERSION, statSync(stampPath()).mtimeMs);
if (why) {
  console.log(`start: building ${job.out} (${why})`);
  const args = [join(ROOT, 'bin', 'cablegraph.js'), 'build', ...job.inputs, '--out', job.out];
  if (job.lexicon) args.push('--lexicon', job.lexicon);
  if (job.aliases) args.push('--aliases', job.aliases);
  const r = spawnSync(process.execPath, args, { stdio: 'inherit' });
  if (r.status !== 0) fail(`the build failed (exit ${r.status}); the messages above say why`);
} else console.log(`start: dataset ${job.out} is up to date`);

process.env.CABLEGRAPH_DATASET = job.out;
const vite = await import('vite');
const configFile = join(ROOT, 'vite.config.ts');
if (values.static) {
  await vite.build({ root: ROOT, configFile, build: { outDir: DIST } });
  console.log(`\nstart: ${DIST} is a complete static site (page and dataset); serve it with any static server, e.g. \`npx vite preview\`.`);
} else {
  const port = values.port === undefined ? 5173 : Number(values.port);
  if (!Number.isInteger(port) || port < 0) fail(`--port must be a port number, got '${values.port}'`);
  const server = await vite.createServer({ root: ROOT, configFile, server: { port } });
  await server.listen();
  console.log(`\n  Cablegraph explorer: ${server.resolvedUrls.local[0]}\n  dataset: ${job.out}\n  (Ctrl+C to stop)\n`);
}
