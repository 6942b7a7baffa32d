/** The summary a build prints at the end: what went in, what was kept and dropped, what came out. */
import type { Manifest } from '../core/dataset/format.ts';

export function formatSummary(
  out: string, manifest: Manifest, phases: Record<string, number>, run: { seconds: number; inputBytes: number; outputBytes: number },
): string {
  const c = manifest.corpus;
  const n = (x: number) => x.toLocaleString('en');
  const list = (counts: Record<string, number>) =>
    Object.entries(counts).sort((x, y) => y[1] - x[1]).map(([k, v]) => `${k} ${n(v)}`).join(', ') || 'none';
  const dropped = Object.values(c.mentions.dropped).reduce((a, b) => a + b, 0);
  const timings = Object.entries(phases).map(([k, v]) => `${k} ${v.toFixed(1)} s`).join(' · ');
  return [
    `Built ${out} in ${run.seconds.toFixed(1)} s (${(run.inputBytes / 1e6).toFixed(1)} MB read, ${(run.outputBytes / 1e6).toFixed(1)} MB written)`,
    `  cables       ${n(c.cables)} from ${n(c.files)} files (${n(c.rejectedFiles)} rejected${c.duplicates ? `, ${n(c.duplicates)} duplicates counted once` : ''}) · ${n(c.paragraphs)} paragraphs`,
    `  mentions     ${n(c.mentions.kept)} kept (${n(c.mentions.lexicon)} from the lexicon) · ${n(dropped)} dropped: ${list(c.mentions.dropped)} · ${n(c.mentions.header)} in headers (metadata, not evidence)`,
    `  rules        ${list(c.rules)}`,
    `  entities     ${n(c.entities)} · ${n(c.pairs)} linked pairs · ${n(manifest.clustering.communities)} communities, modularity ${manifest.modularity.toFixed(3)}`,
    `  overview     ${n(manifest.overview.nodes)} entities and ${n(manifest.overview.edges)} links drawn first`,
    `  diagnostics  ${list(c.diagnostics)}`,
    `  phases       ${timings}`,
  ].join('\n');
}
