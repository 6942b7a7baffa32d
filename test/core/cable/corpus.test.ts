import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readCable } from '../../../src/core/cable/read-cable.ts';
import { countDiagnostics } from '../../../src/core/diagnostics.ts';
import { HAS_SHARED_SAMPLE, SHARED_SAMPLE, explainSkip } from '../../helpers.ts';

explainSkip('the cable reader over the whole shared sample corpus');

describe.runIf(HAS_SHARED_SAMPLE)('readCable over ../shared/corpus/cablegate-sample', () => {
  it('reads every file without a crash, with valid offsets, and prints the totals', () => {
    const files = readdirSync(SHARED_SAMPLE).filter((f) => f.endsWith('.txt')).sort();
    const metadata = new Map(
      readFileSync(`${SHARED_SAMPLE}metadata.csv`, 'utf8').trim().split('\n').slice(1)
        .map((row) => { const cells = row.split(','); return [cells[cells.length - 1]!, cells[0]!] as const; }),
    );
    let paragraphs = 0;
    let idsAgree = 0;
    const byType: Record<string, number> = {};
    const diagnostics = [];
    for (const file of files) {
      const { cable, diagnostics: ds } = readCable(readFileSync(SHARED_SAMPLE + file), file);
      diagnostics.push(...ds);
      expect(cable, file).not.toBeNull();
      paragraphs += cable!.paragraphs.length;
      for (const part of [cable!.header, ...cable!.paragraphs]) {
        for (const m of part.mentions) {
          expect(part.text.slice(m.start, m.end), file).toBe(m.text);
          byType[m.type] = (byType[m.type] ?? 0) + 1;
        }
      }
      // Metadata ids are year + origin + serial without leading zeros: 06LIMA2158.
      const { origin, serial } = cable!.header;
      if (metadata.get(file)?.slice(2) === origin.replace(/\s+/g, '') + Number(serial)) idsAgree++;
    }
    const mentions = Object.values(byType).reduce((a, b) => a + b, 0);
    console.log(JSON.stringify({ cables: files.length, paragraphs, mentions, mentionsByType: byType, idsAgreeWithMetadata: idsAgree, diagnosticsByKind: countDiagnostics(diagnostics) }, null, 1));
    expect(files.length).toBeGreaterThan(1000);
    expect(paragraphs).toBeGreaterThan(10 * files.length);
    // The sample was tagged with PER, ORG, LOC and MISC only.
    expect(Object.keys(byType).sort()).toEqual(['LOC', 'MISC', 'ORG', 'PER']);
    expect(idsAgree / files.length).toBeGreaterThan(0.97);
  });
});
