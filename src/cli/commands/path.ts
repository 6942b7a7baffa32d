/**
 * `cablegraph path`: how two entities are connected — up to k shortest chains of co-occurrence
 * in the whole graph of a slice, each hop with the paragraphs behind it.
 */
import { SliceEvidence } from '../../core/slices/evidence.ts';
import { DEFAULT_PATH_OPTIONS, shortestPaths } from '../../core/slices/paths.ts';
import { withDatasetFolder } from '../dataset-folder.ts';
import { writeAll } from '../output.ts';
import { SLICE_HELP, SLICE_OPTIONS, namedEntity, sliceFilter } from '../slice-options.ts';
import { type Command, EXIT_OK, UsageError, numberOption, parseCommandLine } from '../usage.ts';
import { paragraphHeading } from './evidence.ts';

interface HopJson {
  source: string;
  target: string;
  weight: number;
  paragraphs: { cable: string; paragraph: number; date: string | null; text: string }[];
}

export const pathCommand: Command = {
  name: 'path',
  summary: 'print the shortest chains linking two entities, with the paragraphs of each hop',
  help: `Usage: cablegraph path <dir> A B [--k N] [--max-hops N] [--from YYYY-MM-DD] [--to YYYY-MM-DD]
                      [--origin POST]... [--tag TAG]... [--classification C]... [--json]

Prints up to N (default ${DEFAULT_PATH_OPTIONS.k}) shortest paths from A to B in the co-occurrence graph of the
cables that match every filter: the whole graph, not only the overview a build draws. Paths
have the fewest hops; among those, the larger total weight (paragraphs shared along the way)
comes first, then the smaller ids. Only paths of the fewest hops are listed, so fewer than N
may come. Entities are named as for 'cablegraph evidence'.

Options:
  --k N                  paths wanted (default ${DEFAULT_PATH_OPTIONS.k})
  --max-hops N           give up beyond this many hops (default ${DEFAULT_PATH_OPTIONS.maxHops})
${SLICE_HELP}
  --json                 print {"paths":[{"nodes":[ids],"hops":[{"source","target","weight",
                         "paragraphs":[{"cable","paragraph","date","text"}]}]}]}; ids are
                         entity keys; no path prints {"paths":[]}
  -h, --help             show this help

Exit status: 0 on success (even with no path), 1 on a dataset that cannot be read or an unknown
or ambiguous name, 2 on bad usage.`,
  async run(argv) {
    const { values, positionals } = parseCommandLine(argv, {
      ...SLICE_OPTIONS, k: { type: 'string' }, 'max-hops': { type: 'string' }, json: { type: 'boolean' },
    });
    if (positionals.length !== 3) throw new UsageError('path needs a dataset folder and two entities');
    const [dir, a, b] = positionals as [string, string, string];
    const k = numberOption('k', values.k, DEFAULT_PATH_OPTIONS.k, (n) => Number.isInteger(n) && n >= 1, 'a whole number of paths, 1 or more');
    const maxHops = numberOption('max-hops', values['max-hops'], DEFAULT_PATH_OPTIONS.maxHops, (n) => Number.isInteger(n) && n >= 1, 'a whole number of hops, 1 or more');
    const filter = sliceFilter(values);
    const text = await withDatasetFolder(dir, async (reader) => {
      const [from, to] = [await namedEntity(reader, a), await namedEntity(reader, b)];
      const evidence = new SliceEvidence(reader, filter);
      const paths = await shortestPaths(from.id, to.id, evidence, { k, maxHops });
      const keys = new Map<number, { key: string; label: string }>();
      for (const id of new Set(paths.flatMap((p) => p.nodes))) {
        const e = await reader.entity(id);
        keys.set(id, { key: e.key, label: e.label });
      }
      const result = { paths: [] as { nodes: string[]; hops: HopJson[] }[] };
      for (const p of paths) {
        const hops: HopJson[] = [];
        for (let h = 0; h + 1 < p.nodes.length; h++) {
          const [s, t] = [p.nodes[h]!, p.nodes[h + 1]!];
          const paragraphs = await evidence.paragraphs(await evidence.shared([s, t]));
          hops.push({
            source: keys.get(s)!.key, target: keys.get(t)!.key, weight: p.weights[h]!,
            paragraphs: paragraphs.map((x) => ({ cable: x.cable.id, paragraph: x.record.n, date: x.cable.date || null, text: x.record.text })),
          });
        }
        result.paths.push({ nodes: p.nodes.map((id) => keys.get(id)!.key), hops });
      }
      if (values.json) return `${JSON.stringify(result)}\n`;
      if (paths.length === 0) return `no path from ${from.label} to ${to.label} within ${maxHops} hops\n`;
      const lines: string[] = [];
      result.paths.forEach((p, i) => {
        const chain = p.nodes.map((_, j) => (j === 0 ? '' : ` —${p.hops[j - 1]!.weight}— `) + keys.get(paths[i]!.nodes[j]!)!.label).join('');
        lines.push(`${i + 1}. ${chain} (${p.hops.length} hop${p.hops.length === 1 ? '' : 's'}, weight ${paths[i]!.weight})`);
        for (const hop of p.hops) {
          lines.push(`   ${hop.source} – ${hop.target}: ${hop.weight} paragraph${hop.weight === 1 ? '' : 's'}`);
          for (const x of hop.paragraphs) lines.push(`     ${paragraphHeading(x)}: ${x.text}`);
        }
      });
      return `${lines.join('\n')}\n`;
    });
    await writeAll(process.stdout, text);
    return EXIT_OK;
  },
};
