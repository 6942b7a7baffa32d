/**
 * The cable table at a scale we do not build: a built dataset's cables repeated with distinct
 * ids (serials moved by 100,000 per copy, REF lines moved with them, so references match within
 * a copy as they did) up to CABLES cables, written as the build writes the table, with a
 * manifest saying so. Prints the files' sizes, reading and decoding the index in this process,
 * the slice index made from it (what sliced exports and the page's slicing pay), and whole
 * `cablegraph refs` runs on it (start-up included; medians of RUNS).
 *
 *   npm run bench:cable-table -- DATASET [CABLES=251287] [RUNS=3]
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { openDatasetFolder, folderLoader } from '../src/cli/dataset-folder.ts';
import { cableTableFiles, cableTableRow, cableTableShards, decodeCableTable, type CableTableRow } from '../src/core/dataset/cable-table.ts';
import { CABLE_TABLE_INDEX_PATH, MANIFEST_PATH, type Manifest } from '../src/core/dataset/format.ts';
import { openDatasetReader } from '../src/core/dataset/read-dataset.ts';
import { cableDirectory } from '../src/core/slices/cable-directory.ts';
import { parseRef } from '../src/core/slices/cable-refs.ts';
import { sliceIndexOf } from '../src/core/slices/slice-index.ts';
import { ROOT } from './corpora.ts';

const [dirArg, cablesArg, runsArg] = process.argv.slice(2);
if (!dirArg) {
  console.error('usage: npm run bench:cable-table -- DATASET [CABLES] [RUNS]   (a folder `cablegraph build` wrote)');
  process.exit(2);
}
const total = Number(cablesArg ?? 251_287);
const runs = Number(runsArg ?? 3);
const STEP = 100_000;

const source = await openDatasetFolder(dirArg);
const records = await source.cables();
const base = records.map(cableTableRow);
const moved = (id: string, by: number) => id.replace(/(\d+)$/, (serial) => String(Number(serial) + by));
const rows: CableTableRow[] = [];
for (let i = 0; i < total; i++) {
  const row = base[i % base.length]!;
  const by = Math.floor(i / base.length) * STEP;
  rows.push({
    ...row,
    facts: { ...row.facts, id: moved(row.facts.id, by) },
    header: moved(row.header, by),
    key: row.key && { ...row.key, serial: row.key.serial + by },
    refs: row.refs.map((ref) => {
      const key = parseRef(ref);
      return key ? `${key.year ? `${key.year} ` : ''}${key.post} ${key.serial + by}` : ref;
    }),
  });
}

const out = join(mkdtempSync(join(tmpdir(), 'cable-table-bench-')), 'ds');
let t = performance.now();
const files = cableTableFiles(rows);
const buildSeconds = (performance.now() - t) / 1000;
for (const [path, text] of files) {
  mkdirSync(dirname(join(out, path)), { recursive: true });
  writeFileSync(join(out, path), text);
}
const manifest = JSON.parse(readFileSync(join(dirArg, MANIFEST_PATH), 'utf8')) as Manifest;
manifest.corpus.cables = total;
manifest.cableTable = { index: CABLE_TABLE_INDEX_PATH, shards: cableTableShards(total) };
writeFileSync(join(out, MANIFEST_PATH), JSON.stringify(manifest, null, 1));
const mb = (bytes: number) => (bytes / 1e6).toFixed(1);
const shardBytes = [...files.keys()].filter((p) => p !== CABLE_TABLE_INDEX_PATH).map((p) => statSync(join(out, p)).size);
console.log(`${total.toLocaleString('en')} cables (${dirArg}'s ${base.length} repeated); load average ${readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')}`);
console.log(`  written in ${buildSeconds.toFixed(2)} s: index ${mb(statSync(join(out, CABLE_TABLE_INDEX_PATH)).size)} MB, ${shardBytes.length} detail shards of ${mb(Math.max(...shardBytes))} MB at most (${mb(shardBytes.reduce((x, y) => x + y, 0))} MB in all)`);

const paragraphs = rows.reduce((sum, r) => sum + r.paragraphs, 0);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const read: number[] = [];
const parse: number[] = [];
const decode: number[] = [];
const slice: number[] = [];
for (let r = 0; r < runs; r++) {
  t = performance.now();
  const text = readFileSync(join(out, CABLE_TABLE_INDEX_PATH), 'utf8');
  read.push(performance.now() - t);
  t = performance.now();
  const raw: unknown = JSON.parse(text);
  parse.push(performance.now() - t);
  t = performance.now();
  const table = decodeCableTable(raw, total);
  decode.push(performance.now() - t);
  t = performance.now();
  sliceIndexOf(table.cables, table.facts, table.paragraphs, paragraphs);
  slice.push(performance.now() - t);
}
const ms = (xs: number[]) => `${median(xs).toFixed(0)} ms`;
console.log(`  index in this process: read ${ms(read)}, JSON.parse ${ms(parse)}, checked ${ms(decode)}; slice index from it ${ms(slice)} (medians of ${runs})`);

// The most cited cable of the last copy, asked for by its id.
const reader = await openDatasetReader(folderLoader(out));
const directory = await cableDirectory(reader);
const last = total - base.length;
let cited = last;
for (let c = last; c < total; c++) if ((await directory.refs(c)).referencedBy.length > (await directory.refs(cited)).referencedBy.length) cited = c;
const id = directory.facts(cited).id;
console.log(`  refs ${id}: cited by ${(await directory.refs(cited)).referencedBy.length} cables`);

const bin = `${ROOT}bin/cablegraph.js`;
const times: number[] = [];
const rss: number[] = [];
let answer = '';
for (let r = 0; r < runs; r++) {
  const run = spawnSync('/usr/bin/time', ['-f', '%e %M', process.execPath, bin, 'refs', out, id, '--json'], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`refs exited ${run.status}: ${run.stderr}`);
  const [seconds, kb] = run.stderr.trim().split('\n').pop()!.split(' ').map(Number) as [number, number];
  times.push(seconds);
  rss.push(kb / 1024);
  answer = run.stdout;
}
const parsed = JSON.parse(answer) as { references: unknown[]; referencedBy: unknown[] };
console.log(`  cablegraph refs (whole process): ${median(times).toFixed(2)} s (${times.map((x) => x.toFixed(2)).join(', ')}), ${Math.round(median(rss))} MB peak RSS; ${parsed.references.length} references, ${parsed.referencedBy.length} citing`);
if (!process.env.KEEP) rmSync(dirname(out), { recursive: true, force: true }); else console.log(out);
