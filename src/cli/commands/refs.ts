/**
 * `cablegraph refs`: a cable's place in the cable-to-cable graph its headers' REF lines make —
 * what it references (matched to cables of the dataset where they are in it) and what
 * references it.
 */
import { cableDirectory } from '../../core/slices/cable-directory.ts';
import { withDatasetFolder } from '../dataset-folder.ts';
import { writeAll } from '../output.ts';
import { type Command, EXIT_OK, InputError, UsageError, parseCommandLine } from '../usage.ts';

interface CableJson {
  cable: string;
  date: string | null;
  origin: string;
  subject: string;
}

export const refsCommand: Command = {
  name: 'refs',
  summary: 'print what a cable references and what references it',
  help: `Usage: cablegraph refs <dir> CABLE_ID [--json]

Prints the REF lines of the cable's header, each with the cable of the dataset it names (by
post, serial and year; a ref without a year means the citing cable's year), and the cables
whose REF lines name it, with dates and subjects. CABLE_ID is the id in metadata.csv
(07PARIS2725) or in the header (PARIS 002725, or PARIS 2725 with any year); an unknown or
ambiguous id exits 1, listing the candidates.

Options:
  --json      print {"cable":{"cable","date","origin","subject"},
              "references":[{"ref","cable","date","subject"}],
              "referencedBy":[{"cable","date","origin","subject","ref"}]}: cable, date and
              subject are null for a ref that names no cable of the dataset
  -h, --help  show this help

Exit status: 0 on success, 1 on a dataset that cannot be read or an unknown or ambiguous
cable id, 2 on bad usage.`,
  async run(argv) {
    const { values, positionals } = parseCommandLine(argv, { json: { type: 'boolean' } });
    if (positionals.length !== 2) throw new UsageError('refs needs a dataset folder and a cable id');
    const [dir, id] = positionals as [string, string];
    const text = await withDatasetFolder(dir, async (reader) => {
      // The cable table when the dataset has one (an index and a shard or two), else every cable record.
      const cables = await cableDirectory(reader);
      const found = cables.find(id);
      if (found.length === 0) throw new InputError(`no cable '${id}' in ${dir} (give the id of metadata.csv, 07PARIS2725, or of the header, PARIS 002725)`);
      if (found.length > 1) throw new InputError(`'${id}' names ${found.length} cables; give one of: ${found.map((c) => cables.facts(c).id).join(', ')}`);
      const c = found[0]!;
      const refs = await cables.refs(c);
      const describe = async (x: number): Promise<CableJson> => {
        const facts = cables.facts(x);
        return { cable: facts.id, date: facts.date || null, origin: facts.origin, subject: await cables.subject(x) };
      };
      const result = {
        cable: await describe(c),
        references: await Promise.all(refs.references.map(async (r) => {
          const target = r.cable === null ? null : await describe(r.cable);
          return { ref: r.ref, cable: target?.cable ?? null, date: target?.date ?? null, subject: target?.subject ?? null };
        })),
        referencedBy: await Promise.all(refs.referencedBy.map(async (r) => ({ ...(await describe(r.cable)), ref: r.ref }))),
      };
      if (values.json) return `${JSON.stringify(result)}\n`;
      const line = (x: { cable: string | null; date: string | null; subject: string | null }) => `${x.cable} · ${x.date ?? 'undated'} · ${x.subject || '(no subject)'}`;
      const lines = [line(result.cable), '', `References (${result.references.length}):`];
      for (const r of result.references) lines.push(`  ${r.ref.padEnd(20)} ${r.cable === null ? '(not in this dataset)' : line(r)}`);
      lines.push('', `Referenced by (${result.referencedBy.length}):`);
      for (const r of result.referencedBy) lines.push(`  ${line(r)}  (as ${r.ref})`);
      return `${lines.join('\n')}\n`;
    });
    await writeAll(process.stdout, text);
    return EXIT_OK;
  },
};
