/** The seed cable built into an in-memory dataset with the shipped lexicon and aliases, for tests. */
import { readFileSync } from 'node:fs';
import { readCable } from '../../../src/core/cable/read-cable.ts';
import { resolveCable, DEFAULT_RESOLVE_OPTIONS, type ResolveContext } from '../../../src/core/entities/resolve-cable.ts';
import { parseLexicon } from '../../../src/core/entities/lexicon.ts';
import { parseAliases } from '../../../src/core/entities/aliases.ts';
import { DatasetBuilder, DEFAULT_DATASET_OPTIONS, memorySink, type BuildSummary } from '../../../src/core/dataset/build-dataset.ts';
import { ROOT, SEED_FILE } from '../../helpers.ts';

export function shippedContext(): ResolveContext {
  return {
    options: DEFAULT_RESOLVE_OPTIONS,
    lexicon: parseLexicon(readFileSync(`${ROOT}data/lexicon.tsv`, 'utf8'), 'data/lexicon.tsv').lexicon,
    aliases: parseAliases(readFileSync(`${ROOT}data/aliases.tsv`, 'utf8'), 'data/aliases.tsv').aliases,
  };
}

export async function buildInMemory(files: { name: string; text: string }[]): Promise<{ files: Map<string, string>; summary: BuildSummary }> {
  const out = new Map<string, string>();
  const context = shippedContext();
  const builder = new DatasetBuilder(memorySink(out), { ...DEFAULT_DATASET_OPTIONS, labels: context.aliases.labels });
  for (const { name, text } of files) {
    const { cable, diagnostics } = readCable(text, name);
    if (cable) await builder.addCable(resolveCable(cable, diagnostics, context));
    else builder.rejectFile(diagnostics);
  }
  return { files: out, summary: await builder.finish() };
}

export function seedDataset() {
  return buildInMemory([{ name: 'data/000_6dcb42eed13933de.txt', text: readFileSync(SEED_FILE, 'utf8') }]);
}
