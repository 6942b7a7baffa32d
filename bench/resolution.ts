/**
 * Entity resolution against the hand-checked gold set (test/fixtures/resolution-gold.tsv): builds
 * the shared sample (or reads a dataset given as argument), finds the entity of every gold
 * mention, and prints pairwise precision and recall of merges, B-cubed F1, and counts of the
 * problems issue 12 lists: government and ministry acronyms whose node spans cables of two
 * countries, months or weekdays typed PER, page-break lines and footers left in paragraphs, and
 * fragments among the 100 biggest nodes. Figures only; nothing here passes or fails.
 *
 *   npm run bench:resolution [-- DATASET]
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CableRecord, EntityRecord, ParagraphRecord } from '../src/core/dataset/format.ts';
import { entityKey } from '../src/core/entities/normalize.ts';
import { isDate } from '../src/core/entities/noise.ts';
import { postCountry, cableIdCountry } from '../src/core/entities/posts.ts';
import { readScoped } from '../src/core/entities/scoped.ts';
import { ROOT, SAMPLE, requireShared } from './corpora.ts';

const GOLD = `${ROOT}test/fixtures/resolution-gold.tsv`;

function dataset(): string {
  if (process.argv[2]) return process.argv[2];
  requireShared();
  const out = join(mkdtempSync(join(tmpdir(), 'cg-resolution-')), 'ds');
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [`${ROOT}bin/cablegraph.js`, 'build', SAMPLE, '--out', out, '--quiet'], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`build failed: ${r.stderr}`);
  console.log(`built the sample in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  return out;
}

function readShards<T>(dir: string): T[] {
  return readdirSync(dir).filter((f) => f.endsWith('.json')).sort((a, b) => Number.parseInt(a, 10) - Number.parseInt(b, 10))
    .flatMap((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as T[]);
}

const dir = dataset();
const cables = readShards<CableRecord>(join(dir, 'cables'));
const paragraphs = readShards<ParagraphRecord>(join(dir, 'paragraphs'));
const entities = readShards<EntityRecord>(join(dir, 'entities'));

// Gold mentions → system entity.
const byPlace = new Map<string, number>();
cables.forEach((c) => {
  const name = c.file.slice(c.file.lastIndexOf('/') + 1).replace(/\.txt$/, '');
  for (let k = 0; k < c.paragraphs[1]; k++) {
    for (const m of paragraphs[c.paragraphs[0] + k]!.mentions) byPlace.set(`${name}\t${k + 1}\t${m[0]}`, m[2]);
  }
});
const gold: { actor: string; entity: number }[] = [];
let missing = 0;
for (const line of readFileSync(GOLD, 'utf8').split('\n')) {
  if (line === '' || line.startsWith('#') || line.startsWith('cable\t')) continue;
  const [cable, paragraph, start, , actor] = line.split('\t');
  const entity = byPlace.get(`${cable}\t${paragraph}\t${start}`);
  if (entity === undefined) missing++;
  else gold.push({ actor: actor!, entity: entity < 0 ? -1 - gold.length : entity }); // a dropped mention stands alone
}

// Pairwise precision and recall of merges, over pairs of gold mentions.
let tp = 0;
let fp = 0;
let fn = 0;
for (let i = 0; i < gold.length; i++) {
  for (let j = i + 1; j < gold.length; j++) {
    const sameSystem = gold[i]!.entity === gold[j]!.entity;
    const sameGold = gold[i]!.actor === gold[j]!.actor;
    if (sameSystem && sameGold) tp++;
    else if (sameSystem) fp++;
    else if (sameGold) fn++;
  }
}
// B-cubed.
const count = (key: (g: (typeof gold)[number]) => string) => {
  const m = new Map<string, number>();
  for (const g of gold) m.set(key(g), (m.get(key(g)) ?? 0) + 1);
  return m;
};
const systemSize = count((g) => String(g.entity));
const goldSize = count((g) => g.actor);
const bothSize = count((g) => `${g.entity}\t${g.actor}`);
let bp = 0;
let br = 0;
for (const g of gold) {
  const both = bothSize.get(`${g.entity}\t${g.actor}`)!;
  bp += both / systemSize.get(String(g.entity))!;
  br += both / goldSize.get(g.actor)!;
}
bp /= gold.length;
br /= gold.length;

// Problems in the built dataset.
const countryOfCable = cables.map((c) => (c.listing?.origin ? postCountry(c.listing.origin) : null) ?? (c.origin ? postCountry(c.origin) : null) ?? cableIdCountry(c.file));
const cableOfParagraph = (p: number) => paragraphs[p]!.cable;
const spanning = entities.filter((e) => {
  const r = readScoped(e.key);
  if (r === null || r.country !== null) return false;
  const countries = new Set(e.postings.map((p) => countryOfCable[cableOfParagraph(p)]?.key ?? '').filter((c) => c !== ''));
  return countries.size >= 2;
});
const monthsPer = entities.filter((e) => e.type === 'PER' && isDate(e.key));
const PAGE_BREAK = /\b\d{4,8} \d{2,3}(?:\.\d)? of \d{2,3}\b/i;
const FOOTER = /Classified Web ?site:|intelink\.s?gov|SIPRNET website/i;
const withBreaks = paragraphs.filter((p) => PAGE_BREAK.test(p.text)).length;
const withFooters = paragraphs.filter((p) => FOOTER.test(p.text)).length;
// A fragment: a big node whose mentions mostly stand glued to a capitalised word with which they
// make another entity's name (`Latin` + `America`).
const keys = new Set(entities.map((e) => e.key));
const top = [...entities].sort((a, b) => b.paragraphs - a.paragraphs).slice(0, 100);
const topIds = new Set(top.map((e) => e.id));
const glued = new Map<number, [number, number]>();
for (const p of paragraphs) {
  for (const m of p.mentions) {
    if (!topIds.has(m[2])) continue;
    const g = glued.get(m[2]) ?? [0, 0];
    g[1]++;
    const after = /^ (\p{Lu}[\p{L}-]+)/u.exec(p.text.slice(m[1], m[1] + 40))?.[1];
    const before = /(\p{Lu}[\p{L}-]+) $/u.exec(p.text.slice(Math.max(0, m[0] - 40), m[0]))?.[1];
    const own = p.text.slice(m[0], m[1]);
    if ((after && keys.has(entityKey(`${own} ${after}`))) || (before && keys.has(entityKey(`${before} ${own}`)))) g[0]++;
    glued.set(m[2], g);
  }
}
const fragments = top.filter((e) => {
  const g = glued.get(e.id);
  return g !== undefined && g[0] * 2 > g[1];
});

const f1 = (p: number, r: number) => (p + r === 0 ? 0 : (2 * p * r) / (p + r));
const round = (x: number) => x.toFixed(3);
const actors = new Set(gold.map((g) => g.actor)).size;
console.log(`gold: ${gold.length} mentions of ${actors} actors (${missing} not found in the dataset)`);
console.log(`pairwise: precision ${round(tp / Math.max(1, tp + fp))} recall ${round(tp / Math.max(1, tp + fn))} (pairs: ${tp} right, ${fp} wrongly merged, ${fn} missed)`);
console.log(`B-cubed: precision ${round(bp)} recall ${round(br)} F1 ${round(f1(bp, br))}`);
console.log(`entities: ${entities.length}`);
console.log(`government/ministry acronyms spanning two countries: ${spanning.length}${spanning.length ? ` (${spanning.slice(0, 8).map((e) => `${e.label} ${e.paragraphs}¶`).join(', ')})` : ''}`);
console.log(`months or weekdays typed PER: ${monthsPer.length}${monthsPer.length ? ` (${monthsPer.map((e) => e.label).join(', ')})` : ''}`);
console.log(`paragraphs with a page-break line: ${withBreaks}; with footer boilerplate: ${withFooters} (of ${paragraphs.length})`);
console.log(`fragments among the 100 biggest nodes: ${fragments.length}${fragments.length ? ` (${fragments.map((e) => e.label).join(', ')})` : ''}`);
