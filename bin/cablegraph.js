#!/usr/bin/env node
// Entry point for `npx cablegraph`: runs the CLI compiled to JavaScript in build/node/ (see
// compile.js), compiling it first when it is missing or older than src/.
import { ensureCompiled } from './compile.js';

// `cablegraph parse big/ --json | head` closes our stdout early: that is the reader's choice, not an error.
process.stdout.on('error', (e) => {
  if (e.code === 'EPIPE') process.exit(0);
  throw e;
});

try {
  ensureCompiled();
} catch (e) {
  console.error(`cablegraph: cannot compile the command line: ${e.message}`);
  process.exit(1);
}
const { main } = await import('../build/node/cli/main.js');
const code = await main(process.argv.slice(2));
// Interrupted (130 after Ctrl-C, 143 after SIGTERM): the work is stopped and cleaned up; leave now.
if (code === 130 || code === 143) process.exit(code);
process.exitCode = code;
