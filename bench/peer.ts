/**
 * `npm run bench:peer [-- RUNS [N]]`: our whole build against the peer an analyst would write
 * (../shared/tools/peer-cooc.py: Python, a regex, a dict of pairs, igraph's C Louvain), on the same
 * corpus, as a user runs each: a fresh process, start-up included. Runs alternate (ours, the
 * peer's, ours, ...) so that load from elsewhere on the machine falls on both alike; the figures
 * are medians of RUNS runs each (default 3). Corpora: the shared sample and N generated cables
 * (default 20,000, made once under .cache/; 0 for the sample alone). Peak RSS of each process comes from /usr/bin/time.
 * Prints the ratio ours / peer's (below 1: we are faster) and both modularities. With
 * BASELINE=/other/checkout/bin/cablegraph.js it also runs that build in the same rotation, for a
 * before/after under the same load.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, SAMPLE, generatedCorpus, requireShared } from './corpora.ts';

const PYTHON = '/usr/bin/python3';
const TIME = '/usr/bin/time';
const PEER = join(ROOT, '..', 'shared', 'tools', 'peer-cooc.py');

interface Run {
  seconds: number;
  /** CPU time of the process, user and system, all its threads: on a busy machine a steadier figure than the wall time. */
  cpuSeconds: number;
  /** Peak resident set of the process (and, for ours, of its worker threads: they share it). */
  rssBytes: number;
  modularity: number;
}

/** Runs a command under /usr/bin/time; returns its wall time, CPU time and peak RSS. */
function timed(command: string, args: string[]): { seconds: number; cpuSeconds: number; rssBytes: number; stdout: string } {
  const marker = '@@peak-rss-kb ';
  const t0 = performance.now();
  const r = spawnSync(TIME, ['-f', `${marker}%M %U %S`, command, ...args], { encoding: 'utf8', maxBuffer: 64 * 2 ** 20 });
  const seconds = (performance.now() - t0) / 1000;
  if (r.status !== 0) throw new Error(`${command} ${args.join(' ')} failed with status ${r.status}:\n${r.stderr}`);
  const [kb, user, system] = (r.stderr.split('\n').find((l) => l.startsWith(marker))?.slice(marker.length) ?? '').split(' ').map(Number);
  return { seconds, cpuSeconds: (user ?? NaN) + (system ?? NaN), rssBytes: (kb ?? NaN) * 1024, stdout: r.stdout };
}

const BASELINE = process.env.BASELINE;

function ours(corpus: string, scratch: string, bin = join(ROOT, 'bin', 'cablegraph.js')): Run {
  const out = join(scratch, 'ours');
  const r = timed(process.execPath, [bin, 'build', corpus, '--out', out, '--quiet']);
  const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as { modularity: number };
  rmSync(out, { recursive: true, force: true });
  return { seconds: r.seconds, cpuSeconds: r.cpuSeconds, rssBytes: r.rssBytes, modularity: manifest.modularity };
}

function peer(corpus: string, scratch: string): Run {
  const out = join(scratch, 'peer-graph.json');
  const r = timed(PYTHON, [PEER, corpus, '--igraph', '--out', out]);
  // The peer prints one JSON line of timings and counts, its modularity among them.
  const report = JSON.parse(r.stdout.trim().split('\n').at(-1)!) as { modularity: number };
  rmSync(out, { force: true });
  return { seconds: r.seconds, cpuSeconds: r.cpuSeconds, rssBytes: r.rssBytes, modularity: report.modularity };
}

function median(xs: number[]): number {
  const s = [...xs].sort((x, y) => x - y);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

const mib = (bytes: number) => `${Math.round(bytes / 2 ** 20).toLocaleString('en')} MB`;

function compare(name: string, corpus: string, runs: number): void {
  const scratch = mkdtempSync(join(tmpdir(), 'cg-peer-'));
  const us: Run[] = [];
  const them: Run[] = [];
  const before: Run[] = [];
  try {
    for (let i = 0; i < runs; i++) {
      // Alternate which goes first, so neither always runs on a warmer cache.
      if (i % 2 === 0) { us.push(ours(corpus, scratch)); them.push(peer(corpus, scratch)); }
      else { them.push(peer(corpus, scratch)); us.push(ours(corpus, scratch)); }
      if (BASELINE) before.push(ours(corpus, scratch, BASELINE));
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  const a = median(us.map((r) => r.seconds));
  const b = median(them.map((r) => r.seconds));
  const list = (rs: Run[]) => rs.map((r) => r.seconds.toFixed(2)).join(' ');
  const cpu = (rs: Run[]) => median(rs.map((r) => r.cpuSeconds));
  console.log(`\n${name}`);
  console.log(`  cablegraph build  median ${a.toFixed(2)} s  (runs ${list(us)})  peak RSS ${mib(median(us.map((r) => r.rssBytes)))}  modularity ${us[0]!.modularity.toFixed(4)}`);
  console.log(`  peer (igraph)     median ${b.toFixed(2)} s  (runs ${list(them)})  peak RSS ${mib(median(them.map((r) => r.rssBytes)))}  modularity ${them[0]!.modularity.toFixed(4)}`);
  console.log(`  ratio ours / peer's: ${(a / b).toFixed(2)}  ·  modularity difference ${(us[0]!.modularity - them[0]!.modularity).toFixed(4)}`);
  console.log(`  CPU seconds (medians)  ours ${cpu(us).toFixed(2)}  peer ${cpu(them).toFixed(2)}  ratio ${(cpu(us) / cpu(them)).toFixed(2)}`);
  if (before.length > 0) {
    const c = median(before.map((r) => r.seconds));
    console.log(`  baseline build    median ${c.toFixed(2)} s  (runs ${list(before)})  peak RSS ${mib(median(before.map((r) => r.rssBytes)))}  modularity ${before[0]!.modularity.toFixed(4)}  ratio to peer ${(c / b).toFixed(2)}  CPU ${cpu(before).toFixed(2)} s, ratio to peer ${(cpu(before) / cpu(them)).toFixed(2)}`);
  }
}

requireShared();
for (const [what, path] of [['python3', PYTHON], ['/usr/bin/time', TIME], ['peer-cooc.py', PEER]] as const) {
  if (!existsSync(path)) {
    console.error(`bench:peer needs ${what} at ${path}`);
    process.exit(1);
  }
}
if (spawnSync(PYTHON, ['-c', 'import igraph']).status !== 0) {
  console.error(`bench:peer needs python3-igraph (apt-get install python3-igraph)`);
  process.exit(1);
}
const runs = Number(process.argv[2] ?? 3);
const n = Number(process.argv[3] ?? 20_000);
console.log(`cablegraph build vs peer-cooc.py --igraph: whole processes, alternating, medians of ${runs}; ` +
  `Node ${process.version}, ${availableParallelism()} cores, load average ${loadavg().map((x) => x.toFixed(2)).join(' ')}`);
compare('shared sample, 1,031 cables', SAMPLE, runs);
// N = 0: the sample alone (on a busy machine a generated round takes minutes).
if (n > 0) compare(`generated, ${n.toLocaleString('en')} cables`, generatedCorpus(n), runs);
console.log(`\nload average at the end ${loadavg().map((x) => x.toFixed(2)).join(' ')}`);
