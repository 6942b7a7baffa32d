/** Small annotated cables for the entity tests, read with the real reader, and the shipped inputs. */
import { readFileSync } from 'node:fs';
import { readCable } from '../../../src/core/cable/read-cable.ts';
import type { Cable } from '../../../src/core/cable/model.ts';
import { parseAliases } from '../../../src/core/entities/aliases.ts';
import { EMPTY_ALIASES } from '../../../src/core/entities/aliases.ts';
import { EMPTY_LEXICON, parseLexicon } from '../../../src/core/entities/lexicon.ts';
import { DEFAULT_RESOLVE_OPTIONS, resolveCable, type ResolveContext, type ResolveOptions } from '../../../src/core/entities/resolve-cable.ts';
import type { ResolvedCable } from '../../../src/core/entities/model.ts';
import { ROOT } from '../../helpers.ts';

const anchor = (n: number) => `<a id='par${n}' href='#par${n}'>¶</a>${n} .`;
const HEADER = 'C O N F I D E N T I A L SECTION 01 OF 01 [LOC LIMA  ] 000123 SIPDIS E.O. 12958: [LOC DECL:  ] 11/11/2014 SUBJECT: FIXTURE';

/** A cable of numbered paragraphs, each given as tagger-annotated tokens (`the [ORG PNP  ] said .`). */
export function fixtureCable(...paragraphs: string[]): Cable {
  const lines = [`${HEADER} ${anchor(1)}`, ...paragraphs.map((p, i) => (i + 1 < paragraphs.length ? `${p} ${anchor(i + 2)}` : p))];
  const text = `<code><pre>${lines.join(' \n')}</pre></code> \n`;
  const { cable } = readCable(text, 'fixture.txt');
  return cable!;
}

export function context(options: Partial<ResolveOptions> = {}, lexicon = EMPTY_LEXICON, aliases = EMPTY_ALIASES): ResolveContext {
  return { options: { ...DEFAULT_RESOLVE_OPTIONS, ...options }, lexicon, aliases };
}

/** Resolves a fixture cable of the given paragraphs with default options and no lexicon or aliases. */
export function resolveFixture(paragraphs: string[], ctx: ResolveContext = context()): ResolvedCable {
  return resolveCable(fixtureCable(...paragraphs), [], ctx);
}

/** Every mention of a resolved cable as `surface→key` or `surface×reason`, paragraph by paragraph. */
export function outline(r: ResolvedCable): string[][] {
  return r.paragraphs.map((p) => p.mentions.map((m) => (m.key === null ? `${m.surface}×${m.dropped}` : `${m.surface}→${m.key}`)));
}

export function shippedContext(options: Partial<ResolveOptions> = {}): ResolveContext {
  const lexicon = parseLexicon(readFileSync(`${ROOT}data/lexicon.tsv`, 'utf8'), 'data/lexicon.tsv');
  const aliases = parseAliases(readFileSync(`${ROOT}data/aliases.tsv`, 'utf8'), 'data/aliases.tsv');
  if (lexicon.diagnostics.length + aliases.diagnostics.length > 0) throw new Error('the shipped lexicon or alias file has errors');
  return context(options, lexicon.lexicon, aliases.aliases);
}
