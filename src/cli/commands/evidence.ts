/**
 * `cablegraph evidence`: the paragraphs behind an entity, or behind the link between two, in the
 * cables of a slice — for scripts and notebooks. Reads only the shards it needs.
 */
import { SliceEvidence, type EvidenceParagraph } from '../../core/slices/evidence.ts';
import { withDatasetFolder } from '../dataset-folder.ts';
import { writeAll } from '../output.ts';
import { SLICE_HELP, SLICE_OPTIONS, namedEntity, sliceFilter } from '../slice-options.ts';
import { type Command, EXIT_OK, UsageError, parseCommandLine } from '../usage.ts';

export const evidenceCommand: Command = {
  name: 'evidence',
  summary: 'print the paragraphs where an entity (and another) appear, in a slice of the corpus',
  help: `Usage: cablegraph evidence <dir> A [B] [--from YYYY-MM-DD] [--to YYYY-MM-DD]
                          [--origin POST]... [--tag TAG]... [--classification C]... [--json]

Prints the paragraphs of the dataset in <dir> where entity A appears (with B: where both
appear), in the cables that match every filter, in corpus order. An entity is named by its id
(the number or the key, as in graph.json), its label or one of its aliases, case-insensitively;
an id names its own entity before any label or alias of another. An unknown or ambiguous name
exits 1, listing the candidates.

Options:
${SLICE_HELP}
  --json                 print {"entities":[{"id","label","type"}],
                         "paragraphs":[{"cable","date","origin","classification","tags":[],
                         "paragraph","text"}]}: id is the entity key; cable the id in metadata.csv
                         where the cable has a row, else the header's; date the day or null;
                         paragraph the ¶ number as written (a cable may repeat one)
  -h, --help             show this help

Exit status: 0 on success (even with no paragraph), 1 on a dataset that cannot be read or an
unknown or ambiguous name, 2 on bad usage.`,
  async run(argv) {
    const { values, positionals } = parseCommandLine(argv, { ...SLICE_OPTIONS, json: { type: 'boolean' } });
    if (positionals.length < 2 || positionals.length > 3) throw new UsageError('evidence needs a dataset folder and one or two entities');
    const [dir, ...names] = positionals as [string, ...string[]];
    const filter = sliceFilter(values);
    const text = await withDatasetFolder(dir, async (reader) => {
      const entities = [];
      for (const name of names) entities.push(await namedEntity(reader, name));
      const evidence = new SliceEvidence(reader, filter);
      const ids = await evidence.shared([...new Set(entities.map((e) => e.id))]);
      const paragraphs = await evidence.paragraphs(ids);
      const result = {
        entities: entities.map((e) => ({ id: e.key, label: e.label, type: e.type })),
        paragraphs: paragraphs.map(evidenceJson),
      };
      return values.json ? `${JSON.stringify(result)}\n` : human(result);
    });
    await writeAll(process.stdout, text);
    return EXIT_OK;
  },
};

export interface ParagraphJson {
  cable: string;
  date: string | null;
  origin: string;
  classification: string;
  tags: string[];
  paragraph: number;
  text: string;
}

export function evidenceJson(p: EvidenceParagraph): ParagraphJson {
  const c = p.cable;
  return { cable: c.id, date: c.date || null, origin: c.origin, classification: c.classification, tags: c.tags, paragraph: p.record.n, text: p.record.text };
}

/** `07PARIS2725 ¶3 · 2007-06-01 · Embassy Paris · CONFIDENTIAL · PTER PREL`, for people. */
export function paragraphHeading(p: Pick<ParagraphJson, 'cable' | 'paragraph' | 'date'> & Partial<ParagraphJson>): string {
  return [`${p.cable} ¶${p.paragraph}`, p.date ?? 'undated', p.origin, p.classification, p.tags?.join(' ')]
    .filter((x) => x !== undefined && x !== '').join(' · ');
}

function human(result: { entities: { id: string; label: string; type: string }[]; paragraphs: ParagraphJson[] }): string {
  const who = result.entities.map((e) => `${e.label} (${e.type}, ${e.id})`).join(' and ');
  const lines = [`${result.paragraphs.length} paragraph${result.paragraphs.length === 1 ? '' : 's'} with ${who}`];
  for (const p of result.paragraphs) lines.push('', paragraphHeading(p), `  ${p.text}`);
  return `${lines.join('\n')}\n`;
}
