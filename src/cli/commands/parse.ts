/**
 * `cablegraph parse`: reads annotated cables and prints what the reader made of them, as JSON
 * (the model later steps and tests rely on) or as a short summary per file.
 */
import { readFile } from 'node:fs/promises';
import type { Writable } from 'node:stream';
import type { Diagnostic } from '../../core/diagnostics.ts';
import { formatDiagnostic } from '../../core/diagnostics.ts';
import type { Cable } from '../../core/cable/model.ts';
import { readCable } from '../../core/cable/read-cable.ts';
import { describeFsError, listCableFiles } from '../files.ts';
import { type Command, EXIT_BAD_INPUT, EXIT_OK, InputError, UsageError, parseCommandLine } from '../usage.ts';
import { writeAll } from '../output.ts';
import { jsonChunks } from '../json-chunks.ts';
import { isTooLarge, tooLarge } from '../too-large.ts';

export const parseCommand: Command = {
  name: 'parse',
  summary: 'read annotated cables and print their header, paragraphs and mentions',
  help: `Usage: cablegraph parse <file|folder>... [--json]

Reads annotated cables (folders are searched for *.txt) and prints, per file, its id,
classification, paragraphs and mentions by type, then every warning and error as
file:line: severity: message.

Options:
  --json      print {"cables":[...],"diagnostics":[...]} instead: each cable with its id,
              file, header fields, and numbered paragraphs (n, line, display text, mentions
              with type, text, start, end into that text, sentence offsets)
  -h, --help  show this help

Exit status: 0 when every file was read, 1 when a file could not be read or is not text
(or there is no *.txt file at all), 2 on bad usage.`,
  async run(argv) {
    const { values, positionals } = parseCommandLine(argv, { json: { type: 'boolean' } });
    if (positionals.length === 0) throw new UsageError('parse needs at least one file or folder');
    const files = await listCableFiles(positionals);
    if (files.length === 0) throw new InputError(`no *.txt cable files in ${positionals.join(', ')}`);
    const out = process.stdout;
    let failed = false;
    const diagnostics: Diagnostic[] = [];
    if (values.json) await writeAll(out, '{"cables":[');
    let first = true;
    for (const file of files) {
      const result = await readOne(file);
      if (result.diagnostics.some((d) => d.severity === 'error')) failed = true;
      diagnostics.push(...result.diagnostics);
      if (values.json) {
        if (result.cable) {
          await writeAll(out, first ? '\n' : ',\n');
          // In pieces: one cable's JSON can be larger than a string can hold (a 200 MB line).
          for (const piece of jsonChunks(result.cable)) await writeAll(out, piece);
          first = false;
        }
      } else {
        await printSummary(out, file, result.cable, result.diagnostics);
      }
    }
    if (values.json) {
      await writeAll(out, '\n],"diagnostics":');
      for (const piece of jsonChunks(diagnostics)) await writeAll(out, piece);
      await writeAll(out, '}\n');
    } else if (files.length > 1) {
      await writeAll(out, `${files.length} files, ${diagnostics.length} diagnostics\n`);
    }
    return failed ? EXIT_BAD_INPUT : EXIT_OK;
  },
};

async function readOne(file: string): Promise<{ cable: Cable | null; diagnostics: Diagnostic[] }> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(file);
  } catch (e) {
    return { cable: null, diagnostics: [{ file, line: 0, severity: 'error', code: 'unreadable', message: describeFsError(e) }] };
  }
  try {
    return readCable(bytes, file);
  } catch (e) {
    if (!isTooLarge(e)) throw e;
    return { cable: null, diagnostics: [tooLarge(file, bytes.length)] };
  }
}

async function printSummary(out: Writable, file: string, cable: Cable | null, diagnostics: Diagnostic[]): Promise<void> {
  let line = file;
  if (cable) {
    const byType = new Map<string, number>();
    let mentions = 0;
    for (const p of cable.paragraphs) {
      for (const m of p.mentions) byType.set(m.type, (byType.get(m.type) ?? 0) + 1);
      mentions += p.mentions.length;
    }
    const types = [...byType].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([t, n]) => `${t} ${n}`).join(', ');
    line += `  ${cable.id}  ${cable.header.classification || 'unclassified?'}  ${cable.paragraphs.length} paragraphs, ` +
      `${mentions} mentions${types ? ` (${types})` : ''} + ${cable.header.mentions.length} in the header`;
  }
  const shown = diagnostics.filter((d) => d.severity !== 'info');
  const infos = diagnostics.length - shown.length;
  if (infos > 0) line += `, ${infos} notes`;
  await writeAll(out, line + '\n' + shown.map((d) => '  ' + formatDiagnostic(d) + '\n').join(''));
}
