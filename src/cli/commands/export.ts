/**
 * `cablegraph export`: the built overview graph in the formats other tools read — GEXF for Gephi
 * (graphology-gexf; communities, types and figures as attributes, positions and sizes as viz),
 * GraphML, and CSV tables (edges, or nodes) as Gephi's spreadsheet import expects them.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import Graph from 'graphology';
import { write as writeGexf } from 'graphology-gexf';
import { GRAPH_PATH, MANIFEST_PATH, type EdgeAttributes, type GraphFile, type Manifest, type NodeAttributes } from '../../core/dataset/format.ts';
import { OTHER_COLOR, drawnCommunities } from '../../core/dataset/appearance.ts';
import { writeGraphml } from '../../core/export/graphml.ts';
import { csvTable } from '../../core/export/csv.ts';
import { describeFsError } from '../files.ts';
import { writeAll } from '../output.ts';
import { type Command, EXIT_OK, InputError, UsageError, parseCommandLine } from '../usage.ts';

const FORMATS = ['gexf', 'graphml', 'csv', 'csv-nodes'] as const;
type Format = (typeof FORMATS)[number];

export const exportCommand: Command = {
  name: 'export',
  summary: 'write a built graph as GEXF (Gephi), GraphML or CSV',
  help: `Usage: cablegraph export <dir> --format gexf|graphml|csv|csv-nodes [--out FILE]

Reads the graph a build wrote to <dir> (graph.json: the overview, with every entity's
community, type and figures) and writes it to standard output, or to FILE with --out.

Formats:
  gexf       GEXF 1.3 for Gephi: node attributes type, community, community_label, mentions,
             paragraphs, cables, degree, strength, aliases; edge weight plus jaccard, npmi,
             association, alpha; the build's positions, sizes and the explorer's community
             colours as viz
  graphml    GraphML with the same attributes
  csv        the edges table: Source, Target, Weight and the other weightings
  csv-nodes  the nodes table: Id, Label, Type, Community, ...

Options:
  --format <f>  one of ${FORMATS.join(', ')} (required)
  --out <file>  write there instead of standard output
  -h, --help    show this help`,
  async run(argv) {
    const { values, positionals } = parseCommandLine(argv, {
      format: { type: 'string', short: 'f' },
      out: { type: 'string', short: 'o' },
    });
    if (positionals.length !== 1) throw new UsageError('export needs exactly one dataset folder');
    const format = values.format as Format | undefined;
    if (format === undefined || !FORMATS.includes(format)) {
      throw new UsageError(`--format ${JSON.stringify(values.format ?? '')}: expected one of ${FORMATS.join(', ')}`);
    }
    const dir = positionals[0]!;
    const file = await readJson<GraphFile>(join(dir, GRAPH_PATH));
    const graph = Graph.from(file);
    const manifest = await readJson<Manifest>(join(dir, MANIFEST_PATH));
    const text = render(format, graph as unknown as Graph<NodeAttributes, EdgeAttributes>, manifest, file);
    if (values.out) await writeFile(values.out, text);
    else await writeAll(process.stdout, text);
    return EXIT_OK;
  },
};

async function readJson<T>(path: string): Promise<T> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    throw new InputError(`${path}: ${describeFsError(e)} (build the dataset first: cablegraph build <cables> --out <dir>)`);
  }
  try {
    return JSON.parse(text) as T;
  } catch (e) {
    throw new InputError(`${path}: not valid JSON (${(e as Error).message}); rebuild the dataset`);
  }
}

function communityLabels(manifest: Manifest): Map<number, string> {
  return new Map(manifest.communities.map((c) => [c.id, c.label]));
}

interface NodeColumns extends Record<string, string | number> {
  key: string;
  label: string;
}

/** The attributes every format carries for a node, flattened to strings and numbers. */
function nodeColumns(key: string, a: NodeAttributes, labels: Map<number, string>): NodeColumns {
  return {
    key, label: a.label, type: a.type, community: a.community, community_label: labels.get(a.community) ?? '',
    mentions: a.mentions, paragraphs: a.paragraphs, cables: a.cables, degree: a.degree, strength: a.strength,
    aliases: a.aliases.map(([s, n]) => `${s} (${n})`).join('; '),
  };
}

/** `#4e79a7` as `rgb(78,121,167)`: the GEXF writer then gives r, g and b, which every Gephi reads. */
function rgb(hex: string): string {
  const n = Number.parseInt(hex.slice(1), 16);
  return `rgb(${n >> 16},${(n >> 8) & 255},${n & 255})`;
}

function render(format: Format, graph: Graph<NodeAttributes, EdgeAttributes>, manifest: Manifest, file: GraphFile): string {
  const labels = communityLabels(manifest);
  switch (format) {
    case 'gexf': {
      // The explorer's colours, so Gephi opens on the same picture.
      const { colors } = drawnCommunities(manifest.communities, file);
      return writeGexf(graph, {
        formatNode: (key, a) => {
          const { key: _, label, ...attributes } = nodeColumns(key, a, labels);
          return { label, attributes, viz: { x: a.x, y: a.y, size: a.size, color: rgb(colors.get(a.community) ?? OTHER_COLOR) } };
        },
        formatEdge: (_, a) => {
          const { weight, ...attributes } = a;
          return { weight, attributes };
        },
      });
    }
    case 'graphml':
      return writeGraphml(
        graph.mapNodes((key, a) => nodeColumns(key, a, labels)),
        graph.mapEdges((_, a, source, target) => ({ source, target, ...a })),
      );
    case 'csv':
      return csvTable(graph.mapEdges((_, a, source, target) => ({
        Source: source, Target: target, Type: 'Undirected', Weight: a.weight,
        Source_label: graph.getNodeAttribute(source, 'label'), Target_label: graph.getNodeAttribute(target, 'label'),
        Jaccard: a.jaccard, NPMI: a.npmi, Association: a.association, Alpha: a.alpha,
      })));
    case 'csv-nodes':
      return csvTable(graph.mapNodes((key, a) => {
        const { key: id, label, ...rest } = nodeColumns(key, a, labels);
        return { Id: id, Label: label, ...rest, x: a.x, y: a.y, size: a.size };
      }));
  }
}
