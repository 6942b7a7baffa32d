/**
 * `npm run bench:scale`: Cablegate scale. Builds generated corpora of 10,000, 50,000 and 251,287
 * cables (the whole of Cablegate; generated once under .cache/, 1.75 GB) and prints seconds per
 * phase, cables/s, MB/s and peak RSS, so the growth is visible. Targets for the full size:
 * build <= 5 minutes, peak RSS <= 4 GB. The full build is kept in .cache/build-251287/ for
 * `npm run bench:ui -- --scale`.
 */
import { availableParallelism } from 'node:os';
import { ROOT, generatedCorpus, requireShared } from './corpora.ts';
import { reportBuild, runBuild } from './run-build.ts';

requireShared();
const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0);
console.log(`cablegraph build at scale, Node ${process.version}, ${availableParallelism()} cores`);
for (const n of sizes.length > 0 ? sizes : [10_000, 50_000, 251_287]) {
  const t = runBuild([generatedCorpus(n)], [], `${ROOT}.cache/build-${n}`);
  reportBuild(`generated ${n.toLocaleString('en')}`, t);
  if (n === 251_287) {
    const ok = (x: boolean) => (x ? 'met' : 'MISSED');
    console.log(`  targets: build <= 300 s: ${ok(t.seconds <= 300)}; peak RSS <= 4 GB: ${ok(t.maxRssBytes <= 4 * 2 ** 30)}`);
  }
}
