import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../src/cli/main.ts';

describe('the command table', () => {
  // The table is what `cablegraph --help` prints without loading the commands: it must say what they say.
  it('names and summarises each command as the command itself does', async () => {
    for (const entry of COMMANDS) {
      const command = await entry.load();
      expect({ name: entry.name, summary: entry.summary }).toEqual({ name: command.name, summary: command.summary });
    }
  });
});
