import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseAliases } from '../../../src/core/entities/aliases.ts';
import { parseAliases as quadratic } from './oracles/aliases-quadratic.ts';

describe('parseAliases at scale', () => {
  it('resolves 60,000 chained lines, each name to the end of its chain', () => {
    const n = 60_000;
    // Lines out of chain order, so chains are joined from both ends.
    const lines = Array.from({ length: n }, (_, i) => (i * 7919) % n).map((i) => `name ${i}\tname ${i + 1}`);
    const { aliases, diagnostics } = parseAliases(lines.join('\n'), 'aliases.tsv');
    expect(diagnostics).toEqual([]);
    expect(aliases.keys.size).toBe(n);
    for (let i = 0; i < n; i++) expect(aliases.keys.get(`name ${i}`)).toBe(`name ${n}`);
    expect([...aliases.labels]).toEqual([[`name ${n}`, `name ${n}`]]);
  });

  it('gives what the chain-walking parser gave, diagnostics included, on any alias file', () => {
    const name = fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', 'A', 'B.', '...');
    const line = fc.oneof(fc.tuple(name, name).map(([x, y]) => `${x}\t${y}`), fc.constant('bad'), fc.constant('# note'));
    fc.assert(fc.property(fc.array(line, { maxLength: 25 }), (lines) => {
      const text = lines.join('\n');
      const now = parseAliases(text, 'aliases.tsv');
      const before = quadratic(text, 'aliases.tsv');
      expect(now.diagnostics).toEqual(before.diagnostics);
      expect([...now.aliases.keys]).toEqual([...before.aliases.keys]);
      expect([...now.aliases.labels]).toEqual([...before.aliases.labels]);
      expect([...now.aliases.separate]).toEqual([...before.aliases.separate]);
    }), { numRuns: 2000 });
  });
});
