#!/usr/bin/env node
// Entry point for `npx cablegraph`: runs the TypeScript CLI through tsx, so no compile step is needed.
import { register } from 'tsx/esm/api';

// `cablegraph parse big/ --json | head` closes our stdout early: that is the reader's choice, not an error.
process.stdout.on('error', (e) => {
  if (e.code === 'EPIPE') process.exit(0);
  throw e;
});

register();
const { main } = await import('../src/cli/main.ts');
const code = await main(process.argv.slice(2));
// Interrupted (130 after Ctrl-C, 143 after SIGTERM): the work is stopped and cleaned up; leave now.
if (code === 130 || code === 143) process.exit(code);
process.exitCode = code;
