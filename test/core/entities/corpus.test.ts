import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readCable } from '../../../src/core/cable/read-cable.ts';
import { chooseLabel, majorityType } from '../../../src/core/entities/normalize.ts';
import { resolveCable } from '../../../src/core/entities/resolve-cable.ts';
import { HAS_SHARED_SAMPLE, SHARED_SAMPLE, explainSkip } from '../../helpers.ts';
import { shippedContext } from './fixtures.ts';

explainSkip('entity resolution over the whole shared sample corpus');

/**
 * Noise as a reader of cables knows it, written here apart from the rules' own lists so that a
 * rule that stops working shows up as noise among the top entities.
 */
const KNOWN_NOISE = [
  /^x{3,}/i,
  /^(summary|comment|note|end|ref|refs|reftel|septel|sipdis|decl|tags|subject|subj|section|reason|classified|sbu|noforn|c|s|u|e\.?o\.?)(?=[:\s]|$)/i,
  /^classified web ?site$/i,
  /^(poloffs?|emboffs?|econoffs?|conoffs?|polcouns|econcouns|polmiloffs?|dcm|a\/dcm|charg[eé]|cda|rso|dao|legatt?|codels?|post|embassy|mission|dept|department|ambassador|amb)$/i,
];

interface Tally {
  paragraphs: number;
  forms: Map<string, number>;
  types: Record<string, number>;
}

describe.runIf(HAS_SHARED_SAMPLE)('resolveCable over ../shared/corpus/cablegate-sample', () => {
  it('resolves every cable, and no top entity is a redaction, a format word or a jargon role', () => {
    const ctx = shippedContext();
    const files = readdirSync(SHARED_SAMPLE).filter((f) => f.endsWith('.txt')).sort();
    const entities = new Map<string, Tally>();
    const dropped: Record<string, number> = {};
    const rules: Record<string, number> = {};
    let mentions = 0;
    for (const file of files) {
      const { cable, diagnostics } = readCable(readFileSync(SHARED_SAMPLE + file), file);
      const r = resolveCable(cable!, diagnostics, ctx);
      for (const [rule, n] of Object.entries(r.ruleCounts)) rules[rule] = (rules[rule] ?? 0) + n;
      for (const p of r.paragraphs) {
        const seen = new Set<string>();
        for (const m of p.mentions) {
          mentions++;
          if (m.key === null) {
            dropped[m.dropped!] = (dropped[m.dropped!] ?? 0) + 1;
            continue;
          }
          let e = entities.get(m.key);
          if (e === undefined) entities.set(m.key, (e = { paragraphs: 0, forms: new Map(), types: {} }));
          e.forms.set(m.surface, (e.forms.get(m.surface) ?? 0) + 1);
          e.types[m.type] = (e.types[m.type] ?? 0) + 1;
          if (!seen.has(m.key)) e.paragraphs++;
          seen.add(m.key);
        }
      }
    }
    const top = [...entities]
      .sort(([ka, a], [kb, b]) => b.paragraphs - a.paragraphs || (ka < kb ? -1 : 1))
      .slice(0, 200)
      .map(([key, e]) => ({ key, label: chooseLabel([...e.forms], key), type: majorityType(e.types), paragraphs: e.paragraphs }));
    console.log(`${files.length} cables, ${mentions} mentions, ${entities.size} entities`);
    console.log(`dropped by reason: ${JSON.stringify(dropped)}`);
    console.log(`acted on by rule: ${JSON.stringify(rules)}`);
    console.log(top.slice(0, 30).map((t, i) => `${String(i + 1).padStart(2)}. ${t.label} (${t.type}) ${t.paragraphs}`).join('\n'));

    expect(files.length).toBeGreaterThan(1000);
    // The top 30 are printed; the check covers the top 200.
    for (const t of top) {
      for (const noise of KNOWN_NOISE) expect(noise.test(t.label) || noise.test(t.key), `${t.label} is noise`).toBe(false);
    }
    for (const reason of ['redaction', 'format-word', 'jargon-role']) expect(dropped[reason], reason).toBeGreaterThan(100);
    expect(top.slice(0, 30).map((t) => t.label)).toEqual(expect.arrayContaining(['U.S.', 'Iran', 'USG', 'EU']));
  });
});
