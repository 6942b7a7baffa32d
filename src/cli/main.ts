/**
 * The `cablegraph` command line: finds the command, runs it, and turns errors into one line on
 * standard error and an exit code (0 ok, 1 bad input, 2 bad usage).
 */
import type { Command } from './usage.ts';
import { EXIT_BAD_INPUT, EXIT_OK, EXIT_USAGE, InputError, UsageError } from './usage.ts';
import { describeFsError } from './files.ts';
import { Interrupted, WriteError } from './folder-sink.ts';
import { isTooLarge } from './too-large.ts';

/**
 * The commands, each loaded only when run: `cablegraph --help` then starts without loading
 * graphology and the rest (a tenth of a second). Summaries repeat the commands' own (a test checks).
 */
export const COMMANDS: { name: string; summary: string; load: () => Promise<Command> }[] = [
  { name: 'parse', summary: 'read annotated cables and print their header, paragraphs and mentions', load: async () => (await import('./commands/parse.ts')).parseCommand },
  { name: 'build', summary: 'build the graph and the explorer dataset from annotated cables', load: async () => (await import('./commands/build.ts')).buildCommand },
  { name: 'export', summary: 'write a built graph as GEXF (Gephi), GraphML or CSV', load: async () => (await import('./commands/export.ts')).exportCommand },
  { name: 'evidence', summary: 'print the paragraphs where an entity (and another) appear, in a slice of the corpus', load: async () => (await import('./commands/evidence.ts')).evidenceCommand },
  { name: 'path', summary: 'print the shortest chains linking two entities, with the paragraphs of each hop', load: async () => (await import('./commands/path.ts')).pathCommand },
  { name: 'standouts', summary: 'list brokers, unusual pairings and the stability of communities', load: async () => (await import('./commands/standouts.ts')).standoutsCommand },
  { name: 'review', summary: 'list what entity resolution could not decide, most paragraphs first', load: async () => (await import('./commands/review.ts')).reviewCommand },
  { name: 'refs', summary: 'print what a cable references and what references it', load: async () => (await import('./commands/refs.ts')).refsCommand },
];

function overview(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return `Usage: cablegraph <command> [options]

Explore who-relates-to-whom in a corpus of NER-annotated diplomatic cables.

Commands:
${COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`).join('\n')}

Run 'cablegraph <command> --help' for a command's options.`;
}

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    console.log(overview());
    return name === undefined ? EXIT_USAGE : EXIT_OK;
  }
  const entry = COMMANDS.find((c) => c.name === name);
  if (!entry) {
    console.error(`cablegraph: unknown command '${name}' (commands: ${COMMANDS.map((c) => c.name).join(', ')})`);
    return EXIT_USAGE;
  }
  const command = await entry.load();
  if (rest.includes('--help') || rest.includes('-h')) {
    console.log(command.help);
    return EXIT_OK;
  }
  try {
    return await command.run(rest);
  } catch (e) {
    if (e instanceof UsageError) {
      console.error(`cablegraph ${name}: ${e.message} (see 'cablegraph ${name} --help')`);
      return EXIT_USAGE;
    }
    if (e instanceof InputError) {
      console.error(`cablegraph ${name}: ${e.message}`);
      return EXIT_BAD_INPUT;
    }
    if (e instanceof Interrupted) {
      console.error(`cablegraph ${name}: ${e.message}: stopped, nothing of this run was kept`);
      return e.exitCode;
    }
    const problem = describeFailure(e);
    if (problem !== null) {
      console.error(`cablegraph ${name}: ${problem}`);
      return EXIT_BAD_INPUT;
    }
    throw e;
  }
}

/**
 * One line for a failure of the system rather than of the code (a full disk, a folder that cannot
 * be read, text too large for a string): the file and what to do, never a stack. Null for bugs.
 */
export function describeFailure(e: unknown): string | null {
  if (e instanceof WriteError) return `${e.path}: ${describeFsError(e.error)}`;
  const err = e as NodeJS.ErrnoException & { dest?: string };
  if (typeof err?.code === 'string' && typeof err.syscall === 'string') {
    return `${err.path ?? err.dest ?? err.syscall}: ${describeFsError(err)}`;
  }
  if (isTooLarge(e)) {
    return 'more text than one JavaScript string can hold (about 500 MB) in one place: split the largest files into cables, or leave them out';
  }
  return null;
}
