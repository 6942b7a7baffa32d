/**
 * `npm run bench:build [-- N]`: the whole build (read, resolve, pairs, Louvain, layout, writing)
 * on the shared sample and on a generated corpus of N cables (default 50,000), with seconds per
 * phase, MB/s and peak memory.
 */
import { SAMPLE, generatedCorpus, requireShared } from './corpora.ts';
import { reportBuild, runBuild } from './run-build.ts';

requireShared();
const n = Number(process.argv[2] ?? 50_000);
console.log(`cablegraph build, Node ${process.version}; "communities" is Louvain, "layout" is ForceAtlas2`);
reportBuild('shared sample', runBuild([SAMPLE]));
reportBuild(`generated ${n.toLocaleString('en')}`, runBuild([generatedCorpus(n)]));
