/** Runs the real `cablegraph` binary, as a user would, and collects what it printed. */
import { spawnSync } from 'node:child_process';
import { ROOT } from '../helpers.ts';

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

export function runCli(args: string[], options: { cwd?: string; input?: string } = {}): CliRun {
  const r = spawnSync(process.execPath, [`${ROOT}bin/cablegraph.js`, ...args], {
    cwd: options.cwd ?? ROOT, input: options.input, encoding: 'utf8', maxBuffer: 256 * 2 ** 20,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}
