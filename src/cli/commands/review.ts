/**
 * `cablegraph review`: the review queue a build wrote (review.json): what the corpus-wide
 * resolution could not decide — partial names with several candidates, acronyms defined several
 * ways or whose country was unclear, type conflicts — most paragraphs first, as a table or JSON.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { REVIEW_PATH, type ReviewEntity, type ReviewFile } from '../../core/dataset/format.ts';
import { describeFsError } from '../files.ts';
import { writeAll } from '../output.ts';
import { type Command, EXIT_OK, InputError, UsageError, numberOption, parseCommandLine } from '../usage.ts';


export const reviewCommand: Command = {
  name: 'review',
  summary: 'list what entity resolution could not decide, most paragraphs first',
  help: `Usage: cablegraph review <dir> [--json] [--limit n]

Prints the review queue the build wrote to <dir>/review.json: partial names with several
candidate full names (left apart), acronyms defined several ways, government and ministry
acronyms whose country was unclear, and entities whose mentions are split between types,
ranked by the paragraphs each affects. Decide them in an alias file (--aliases) and rebuild:
alias<TAB>canonical merges, name<TAB>name keeps apart, name<TAB>type:PER retypes, and
name<TAB>not:other keeps two actors apart; the explorer's review panel writes that file.

Options:
  --json        print the queue as JSON
  --limit <n>   print the first n items (default: all)
  -h, --help    show this help`,
  async run(argv) {
    const { values, positionals } = parseCommandLine(argv, { json: { type: 'boolean' }, limit: { type: 'string' } });
    if (positionals.length !== 1) throw new UsageError('review needs exactly one dataset folder');
    const limit = numberOption('limit', values.limit, Number.POSITIVE_INFINITY, (n) => Number.isInteger(n) && n > 0, 'a whole number above 0');
    const path = join(positionals[0]!, REVIEW_PATH);
    let text: string;
    try {
      text = await readFile(path, 'utf8');
    } catch (e) {
      throw new InputError(`${path}: ${describeFsError(e)} (build the dataset first: cablegraph build <cables> --out <dir>)`);
    }
    let file: ReviewFile;
    try {
      file = JSON.parse(text) as ReviewFile;
    } catch (e) {
      throw new InputError(`${path}: not valid JSON (${(e as Error).message}); rebuild the dataset`);
    }
    const items = file.items.slice(0, limit);
    if (values.json) {
      await writeAll(process.stdout, `${JSON.stringify({ version: file.version, items }, null, 1)}\n`);
      return EXIT_OK;
    }
    const name = (e: ReviewEntity) => e.label ?? e.key;
    const lines = [`${file.items.length} item${file.items.length === 1 ? '' : 's'} to review${items.length < file.items.length ? ` (first ${items.length})` : ''}`];
    for (const item of items) {
      const candidates = item.candidates.length > 0 ? `: ${item.candidates.map(name).join(' | ')}` : '';
      lines.push(`${String(item.paragraphs).padStart(6)} ¶  ${item.kind.padEnd(18)} ${name(item)}${candidates} (${item.note})`);
    }
    await writeAll(process.stdout, `${lines.join('\n')}\n`);
    return EXIT_OK;
  },
};
