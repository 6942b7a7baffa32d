/**
 * What a rebuild changed, in a few lines a person reads after editing the lexicon or aliases:
 * the corpus figures that moved (entities, links, communities, lexicon mentions) and the
 * entities that came into or left the overview graph. Pure: it compares two opened datasets.
 */
import type { GraphFile, Manifest } from '../../core/dataset/format.ts';
import { count } from '../dom.ts';

export interface DatasetFigures {
  manifest: Manifest;
  graph: GraphFile;
}

const NAMES_SHOWN = 8;

function names(labels: string[]): string {
  const shown = labels.slice(0, NAMES_SHOWN).join(', ');
  return labels.length > NAMES_SHOWN ? `${shown} and ${count(labels.length - NAMES_SHOWN)} more` : shown;
}

export function describeChanges(before: DatasetFigures, after: DatasetFigures): string[] {
  const lines: string[] = [];
  const figure = (label: string, a: number, b: number) => {
    if (a === b) return;
    const delta = b - a;
    lines.push(`${label}: ${count(a)} → ${count(b)} (${delta > 0 ? '+' : '−'}${count(Math.abs(delta))})`);
  };
  const [a, b] = [before.manifest, after.manifest];
  figure('Entities', a.corpus.entities, b.corpus.entities);
  figure('Linked pairs', a.corpus.pairs, b.corpus.pairs);
  figure('Communities', a.clustering.communities, b.clustering.communities);
  figure('Mentions from the lexicon', a.corpus.mentions.lexicon, b.corpus.mentions.lexicon);

  const labels = (g: GraphFile) => new Map(g.nodes.map((n) => [n.key, n.attributes!.label]));
  const was = labels(before.graph);
  const now = labels(after.graph);
  const added = [...now].filter(([key]) => !was.has(key)).map(([, label]) => label);
  const gone = [...was].filter(([key]) => !now.has(key)).map(([, label]) => label);
  if (added.length) lines.push(`New in the graph: ${names(added)}`);
  if (gone.length) lines.push(`No longer in the graph: ${names(gone)}`);
  return lines.length ? lines : ['No change in entities, links or communities.'];
}
