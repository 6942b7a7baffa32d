/**
 * How far a build is, for people: the share done (each stage weighted by its usual share of the
 * time: parsing and layout dominate) and a line saying what is happening, with the figures so
 * far. Pure, so the steps are tested without a worker.
 */
import type { BuildProgress, BuildStage } from '../../workers/protocol.ts';
import { count, plural } from '../dom.ts';

/** Stages in order with the share of the bar each fills (summing to 1). */
const STAGES: [BuildStage, number, string][] = [
  ['files', 0.05, 'Reading files'],
  ['reading', 0.37, 'Parsing cables'],
  ['merge', 0.01, 'Resolving names across the corpus'],
  ['pairs', 0.03, 'Counting who appears with whom'],
  ['rewrite', 0.01, 'Writing the paragraphs'],
  ['communities', 0.1, 'Finding communities'],
  ['layout', 0.35, 'Laying out the graph'],
  ['entities', 0.03, 'Writing the dataset'],
  ['search', 0.02, 'Writing the search index'],
  ['standouts', 0, 'Finding what stands out'],
  ['keys', 0.01, 'Writing the sort keys and the cable table'],
  ['graph', 0.02, 'Writing the graph'],
];

/** Share of the build done, on [0, 1]. */
export function progressFraction(p: BuildProgress): number {
  let done = 0;
  for (const [stage, share] of STAGES) {
    if (stage !== p.stage) {
      done += share;
      continue;
    }
    const within = stage === 'files' ? ratio(p.files, p.totalFiles) : stage === 'reading' ? ratio(p.cables, p.totalCables) : 0;
    return Math.min(1, done + share * within);
  }
  return 1;
}

const ratio = (a: number, b: number) => (b > 0 ? Math.min(1, a / b) : 0);

/** "Parsing cables… 312 of 1,031". */
export function progressStep(p: BuildProgress): string {
  const label = STAGES.find(([stage]) => stage === p.stage)?.[2] ?? p.stage;
  if (p.stage === 'files') return `${label}… ${count(p.files)} of ${count(p.totalFiles)}`;
  if (p.stage === 'reading') return `${label}… ${count(p.cables)} of ${count(p.totalCables)}`;
  return `${label}…`;
}

/** "312 cables · 3,210 paragraphs · 4,500 entities so far". */
export function progressFigures(p: BuildProgress): string {
  return `${plural(p.cables, 'cable')} · ${plural(p.paragraphs, 'paragraph')} · ${plural(p.entities, 'entity', 'entities')}`;
}
