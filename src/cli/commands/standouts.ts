/**
 * `cablegraph standouts`: what stands out in a built dataset (its `standouts.json`): brokers
 * between communities, unusual pairings, and the stability of the communities over Louvain
 * seeds; as text, or as JSON in the shape `standoutsSummary` gives.
 */
import { STANDOUTS_PATH } from '../../core/dataset/format.ts';
import { checkStandouts, standoutsSummary } from '../../core/standouts/summary.ts';
import { folderLoader, withDatasetFolder } from '../dataset-folder.ts';
import { writeAll } from '../output.ts';
import { type Command, EXIT_OK, InputError, UsageError, numberOption, parseCommandLine } from '../usage.ts';

const DEFAULT_TOP = 20;

export const standoutsCommand: Command = {
  name: 'standouts',
  summary: 'list brokers, unusual pairings and the stability of communities',
  help: `Usage: cablegraph standouts <dir> [--json] [--top N]

Reads what the build found to stand out in the dataset in <dir>:
  brokers   entities whose shared paragraphs spread over several communities (participation
            coefficient, Guimera & Amaral 2005; entities with fewer than 20 linked paragraphs
            do not rank), with the communities each bridges
  pairs     pairs seen together far more than their frequencies predict (NPMI, at least 2
            shared paragraphs), across communities first, pairs of two top hubs left out
  stability Louvain rerun with 10 other seeds on the graph the build clustered: per community,
            the mean best Jaccard match of its members (1 = found every time); per entity, the
            share of seeds in which it stays with its community's core (least stable first)
Entities are named by key (the Id of 'export --format csv-nodes'); communities by the build's ids.

Options:
  --json      print {"brokers":[{"id","label","score","communities"}],
              "pairs":[{"source","target","weight","npmi","communities"}],
              "stability":{"seeds","communities":[{"id","score"}],"entities":[{"id","score"}]}}
  --top <n>   brokers, pairs, communities and entities listed (default ${DEFAULT_TOP})
  -h, --help  show this help`,
  async run(argv) {
    const { values, positionals } = parseCommandLine(argv, {
      json: { type: 'boolean' },
      top: { type: 'string', short: 'n' },
    });
    if (positionals.length !== 1) throw new UsageError('standouts needs exactly one dataset folder');
    const top = numberOption('top', values.top, DEFAULT_TOP, (n) => Number.isInteger(n) && n >= 1, 'a whole number of at least 1');
    const dir = positionals[0]!;
    const { summary, labels } = await withDatasetFolder(dir, async (reader) => {
      const text = await folderLoader(dir)(STANDOUTS_PATH);
      if (text === null) throw new InputError(`${dir}/${STANDOUTS_PATH}: no such file (the dataset was built with --no-standouts, or before standouts existed: rebuild it without --no-standouts)`);
      let file;
      try {
        file = checkStandouts(JSON.parse(typeof text === 'string' ? text : new TextDecoder().decode(text)));
      } catch (e) {
        throw new InputError(`${dir}/${STANDOUTS_PATH}: not valid JSON (${(e as Error).message}); rebuild the dataset`);
      }
      if (typeof file === 'string') throw new InputError(`${dir}/${STANDOUTS_PATH}: ${file}; rebuild the dataset`);
      const labels = new Map(reader.manifest.communities.map((c) => [c.id, c.label]));
      const entity = new Map([
        ...file.stability.entities.map((e) => [e.key, e.label] as const),
        ...file.pairs.flatMap((p) => [[p.sourceKey, p.sourceLabel], [p.targetKey, p.targetLabel]] as const),
      ]);
      return { summary: standoutsSummary(file, top), labels: { entity, community: labels } };
    });
    if (values.json) {
      await writeAll(process.stdout, `${JSON.stringify(summary)}\n`);
      return EXIT_OK;
    }
    const community = (id: number) => `${id}${labels.community.has(id) ? ` (${labels.community.get(id)})` : ''}`;
    const lines = ['Brokers (participation coefficient over communities):'];
    for (const b of summary.brokers) lines.push(`  ${b.score.toFixed(3)}  ${b.label} [${b.id}]  bridges ${b.communities.map(community).join(' · ')}`);
    lines.push('', 'Unusual pairings (NPMI; shared paragraphs):');
    for (const p of summary.pairs) {
      lines.push(`  ${p.npmi.toFixed(3)}  ${labels.entity.get(p.source)} — ${labels.entity.get(p.target)}  ${p.weight} paragraphs  communities ${p.communities[0]} / ${p.communities[1]}`);
    }
    lines.push('', `Stability over ${summary.stability.seeds} Louvain seeds, by community:`);
    for (const c of summary.stability.communities) lines.push(`  ${c.score.toFixed(3)}  ${community(c.id)}`);
    lines.push('', 'Least stable entities (share of seeds with their community\'s core):');
    for (const e of summary.stability.entities) lines.push(`  ${e.score.toFixed(3)}  ${labels.entity.get(e.id) ?? e.id} [${e.id}]`);
    await writeAll(process.stdout, `${lines.join('\n')}\n`);
    return EXIT_OK;
  },
};
