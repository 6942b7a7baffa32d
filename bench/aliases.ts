/**
 * `npm run bench:aliases`: parsing alias files of 60,000 lines that form chains (`name 0 → name 1
 * → ...`), in chain order, in reverse and shuffled. Prints the seconds of each; the aim is under
 * 2 s (chains used to be walked line by line, quadratic: 194 s).
 */
import { parseAliases } from '../src/core/entities/aliases.ts';

const LINES = 60_000;
console.log(`alias chains: ${LINES.toLocaleString('en')} lines, Node ${process.version}`);
const orders: Record<string, (i: number) => number> = {
  'chain order': (i) => i,
  reverse: (i) => LINES - 1 - i,
  shuffled: (i) => (i * 7919) % LINES,
};
for (const [name, at] of Object.entries(orders)) {
  const text = Array.from({ length: LINES }, (_, i) => `Name ${at(i)}\tName ${at(i) + 1}`).join('\n');
  const t0 = performance.now();
  const { aliases, diagnostics } = parseAliases(text, 'aliases.tsv');
  const s = (performance.now() - t0) / 1000;
  if (diagnostics.length > 0 || aliases.keys.get('name 0') !== `name ${LINES}`) throw new Error(`${name}: chains not resolved`);
  console.log(`  ${name.padEnd(12)} ${s.toFixed(2)} s`);
}
