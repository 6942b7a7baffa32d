/**
 * Small corpora written as cables in the annotated format, with metadata rows, built into an
 * in-memory dataset by the real pipeline: fixtures for the dataset reader, slices, paths and
 * references, where every figure can be counted by hand.
 */
import { readCable } from '../../../src/core/cable/read-cable.ts';
import type { CableMetadata } from '../../../src/core/cable/metadata.ts';
import { resolveCable } from '../../../src/core/entities/resolve-cable.ts';
import { DatasetBuilder, DEFAULT_DATASET_OPTIONS, memorySink } from '../../../src/core/dataset/build-dataset.ts';
import { openDatasetReader, type DatasetReader } from '../../../src/core/dataset/read-dataset.ts';
import { shippedContext } from '../dataset/seed-dataset.ts';

export interface FixtureCable {
  /** Origin word and serial as in the header (`LIMA`, 123). */
  origin: string;
  serial: number;
  tags?: string[];
  subject?: string;
  refs?: string[];
  /** Paragraph bodies, mentions written inline (`[PER Evo Morales  ]`). */
  paragraphs: string[];
  /** The metadata.csv row (id, date, origin, classification, tags), when the corpus has one. */
  listing?: Partial<CableMetadata>;
}

export function cableText(c: FixtureCable): string {
  const tags = (c.tags ?? ['PGOV']).map((t) => `<a href='/tag/${t}_0.html'>${t}</a>`).join(' ');
  const refs = c.refs && c.refs.length > 0 ? ` REF: ${c.refs.map((r, i) => `${String.fromCharCode(65 + i)}. ${r}`).join(' ')}` : '';
  const body = c.paragraphs.map((p, i) => `<a id='par${i + 1}' href='#par${i + 1}'>¶</a>${i + 1} . \n( U ) ${p} .`).join(' ');
  return `<code><pre>C O N F I D E N T I A L SECTION 01 OF 01 [LOC ${c.origin}  ] ${String(c.serial).padStart(6, '0')} SIPDIS E.O. 12958: N/A TAGS: ${tags} SUBJECT: ${c.subject ?? 'FIXTURE'}${refs} Classified By: nobody ${body} \nSIGNED\n</pre></code>\n`;
}

/** Builds the cables (file `cable<i>.txt`) into a dataset held in a Map. */
export async function buildFixture(cables: FixtureCable[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const context = shippedContext();
  const builder = new DatasetBuilder(memorySink(out), DEFAULT_DATASET_OPTIONS);
  for (const [i, c] of cables.entries()) {
    const file = `cable${i}.txt`;
    const { cable, diagnostics } = readCable(cableText(c), file);
    if (!cable) throw new Error(`fixture cable ${i} did not read: ${JSON.stringify(diagnostics)}`);
    const metadata: CableMetadata | undefined = c.listing
      ? { id: '', date: '', origin: '', classification: '', tags: '', subject: c.subject ?? '', file, ...c.listing }
      : undefined;
    await builder.addCable(resolveCable(cable, diagnostics, context), metadata);
  }
  await builder.finish();
  return out;
}

/** A reader over an in-memory dataset that counts the reads of each path. */
export async function memoryReader(files: ReadonlyMap<string, string>): Promise<{ reader: DatasetReader; reads: Map<string, number> }> {
  const reads = new Map<string, number>();
  const reader = await openDatasetReader(async (path) => {
    reads.set(path, (reads.get(path) ?? 0) + 1);
    return files.get(path) ?? null;
  });
  return { reader, reads };
}
