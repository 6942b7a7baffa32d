/**
 * `evidence`, `path`, `refs` and a sliced `export --all` as a user runs them: whole `cablegraph`
 * processes on a built dataset (start-up included, the OS's file cache warm after the first run),
 * medians of RUNS, with the peak RSS and how many dataset files each read (counted by strace
 * when it is installed). The issue's aim is about a second each on the 251k dataset.
 *
 *   npm run bench:cli-reads -- DATASET [RUNS]
 *   BASELINE=/path/to/another/checkout npm run bench:cli-reads -- DATASET   (its bin/cablegraph.js instead)
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CableRecord, GraphFile } from '../src/core/dataset/format.ts';
import { ROOT } from './corpora.ts';

const [dirArg, runsArg] = process.argv.slice(2);
if (!dirArg || !existsSync(join(dirArg, 'manifest.json'))) {
  console.error('usage: npm run bench:cli-reads -- DATASET [RUNS]   (a folder `cablegraph build` wrote)');
  process.exit(2);
}
const dir: string = dirArg;
const runs = Number(runsArg ?? 3);
const bin = `${process.env.BASELINE ? `${process.env.BASELINE.replace(/\/?$/, '/')}` : ROOT}bin/cablegraph.js`;
const hasStrace = spawnSync('strace', ['-V']).status === 0;

const graph = JSON.parse(readFileSync(join(dir, 'graph.json'), 'utf8')) as GraphFile;
const nodes = [...graph.nodes].sort((a, b) => b.attributes!.paragraphs - a.attributes!.paragraphs);
const hub = nodes[0]!.attributes!;
const second = nodes[1]!.attributes!;
const middling = nodes[Math.floor(nodes.length / 2)]!.attributes!;
const rare = nodes[nodes.length - 1]!.attributes!;
// A cable with REF lines, from the first cable shard.
const cables = JSON.parse(readFileSync(join(dir, 'cables', '0.json'), 'utf8')) as CableRecord[];
const cited = cables.find((c) => c.refs.length > 0) ?? cables[0]!;
const cableId = cited.listing?.id || cited.id;

const commands: [string, string[]][] = [
  [`evidence of the two biggest hubs (${hub.label}, ${second.label})`, ['evidence', dir, String(hub.id), String(second.id), '--json']],
  [`evidence of ${second.label} in 2008`, ['evidence', dir, String(second.id), '--from', '2008-01-01', '--to', '2008-12-31', '--json']],
  [`path hub → hub (${hub.label} → ${second.label})`, ['path', dir, String(hub.id), String(second.id), '--json']],
  [`path hub → middling (${hub.label} → ${middling.label})`, ['path', dir, String(hub.id), String(middling.id), '--json']],
  [`path hub → rare (${hub.label} → ${rare.label})`, ['path', dir, String(hub.id), String(rare.id), '--json']],
  [`path rare → middling (${rare.label} → ${middling.label})`, ['path', dir, String(rare.id), String(middling.id), '--json']],
  [`path in 2008 (${middling.label} → ${second.label})`, ['path', dir, String(middling.id), String(second.id), '--from', '2008-01-01', '--to', '2008-12-31', '--json']],
  [`refs ${cableId}`, ['refs', dir, cableId, '--json']],
];

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Wall time and peak RSS (GNU time) of one run, and the dataset files it opened (strace). */
function run(args: string[], trace: boolean): { seconds: number; rssMb: number; files: number | null; status: number | null } {
  const timed = ['-f', '%e %M', process.execPath, bin, ...args];
  const log = join(tmpdir(), `cli-reads-${process.pid}.strace`);
  const command = trace ? ['strace', '-f', '-e', 'trace=openat', '-o', log, '/usr/bin/time', ...timed] : ['/usr/bin/time', ...timed];
  const r = spawnSync(command[0]!, command.slice(1), { encoding: 'utf8', maxBuffer: 1 << 30 });
  const lines = r.stderr.trim().split('\n');
  const [seconds, kb] = lines[lines.length - 1]!.split(' ').map(Number) as [number, number];
  let files: number | null = null;
  if (trace) {
    const opened = readFileSync(log, 'utf8').split('\n').filter((l) => l.includes(dir) && l.includes('.json') && !l.includes('ENOENT'));
    files = new Set(opened.map((l) => /"([^"]+)"/.exec(l)?.[1] ?? '')).size;
    rmSync(log, { force: true });
  }
  return { seconds, rssMb: kb / 1024, files, status: r.status };
}

console.log(`${dir} with ${bin}: ${runs} runs each, medians; load average ${readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')}`);
for (const [name, args] of commands) {
  const times: number[] = [];
  const rss: number[] = [];
  let status: number | null = 0;
  for (let i = 0; i < runs; i++) {
    const r = run(args, false);
    times.push(r.seconds);
    rss.push(r.rssMb);
    status = r.status;
  }
  const files = hasStrace ? run(args, true).files : null;
  console.log(`  ${name}: ${median(times).toFixed(2)} s (${times.map((t) => t.toFixed(2)).join(', ')}), ${Math.round(median(rss))} MB peak RSS${files === null ? '' : `, ${files} dataset files read`}${status === 0 ? '' : `, exit ${status}`}`);
}
