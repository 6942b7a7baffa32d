/**
 * The `cablegraph` command line: finds the command, runs it, and turns errors into one line on
 * standard error and an exit code (0 ok, 1 bad input, 2 bad usage).
 */
import type { Command } from './usage.ts';
import { EXIT_BAD_INPUT, EXIT_OK, EXIT_USAGE, InputError, UsageError } from './usage.ts';
import { parseCommand } from './commands/parse.ts';
import { buildCommand } from './commands/build.ts';
import { exportCommand } from './commands/export.ts';
import { reviewCommand } from './commands/review.ts';

const COMMANDS: Command[] = [parseCommand, buildCommand, exportCommand, reviewCommand];

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
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    console.error(`cablegraph: unknown command '${name}' (commands: ${COMMANDS.map((c) => c.name).join(', ')})`);
    return EXIT_USAGE;
  }
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
    throw e;
  }
}
