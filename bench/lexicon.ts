/**
 * `npm run bench:lexicon`: what a big lexicon costs a build. 200 cables of the shared sample are
 * built in-process (read, resolve, pairs, Louvain, layout) without a lexicon and with one of
 * 5,000 terms drawn deterministically from the sample's own text (names the tagger may have
 * missed: runs of capitalised words, and capitalised words never seen in lower case), each build
 * run twice and the faster kept. Prints both times and the ratio; the aim is at most 1.5x.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { buildFromFiles, type InputFile } from '../src/core/dataset/build-from-files.ts';
import { readCable } from '../src/core/cable/read-cable.ts';
import { textDigest } from '../src/core/cable/digest.ts';
import { entityKey } from '../src/core/entities/normalize.ts';
import { SAMPLE, requireShared } from './corpora.ts';

const CABLES = 200;
const TERMS = 5000;

requireShared();
const names = readdirSync(SAMPLE).filter((f) => f.endsWith('.txt')).sort();
const cables: InputFile[] = names.slice(0, CABLES).map((f) => ({ name: `sample/${f}`, bytes: new Uint8Array(readFileSync(SAMPLE + f)) }));

/** Candidate terms from the text of every sample cable, in an order fixed by their digest. */
function lexiconTerms(): string[] {
  const lower = new Set<string>();
  const candidates = new Set<string>();
  for (const f of names) {
    const { cable } = readCable(new Uint8Array(readFileSync(SAMPLE + f)), f);
    for (const p of cable?.paragraphs ?? []) {
      const words = p.text.split(/[^\p{L}]+/u).filter(Boolean);
      for (const w of words) if (/^\p{Ll}/u.test(w)) lower.add(w);
      for (let i = 0; i < words.length; i++) {
        const run: string[] = [];
        for (let j = i; j < words.length && j < i + 3 && /^\p{Lu}\p{Ll}+$/u.test(words[j]!); j++) {
          run.push(words[j]!);
          candidates.add(run.join(' '));
        }
      }
    }
  }
  const plausible = [...candidates].filter((t) => t.includes(' ') || !lower.has(t.toLowerCase()));
  const seen = new Set<string>();
  return plausible
    .sort((a, b) => (textDigest(a) < textDigest(b) ? -1 : 1))
    .filter((t) => {
      const key = entityKey(t);
      if (key === '' || seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .slice(0, TERMS);
}

async function seconds(inputs: InputFile[]): Promise<{ s: number; lexicon: number; entities: number }> {
  let best = Infinity;
  let figures = { lexicon: 0, entities: 0 };
  for (let run = 0; run < 2; run++) {
    const t0 = performance.now();
    const { summary } = await buildFromFiles(inputs);
    best = Math.min(best, (performance.now() - t0) / 1000);
    figures = { lexicon: summary.manifest.corpus.mentions.lexicon, entities: summary.manifest.corpus.entities };
  }
  return { s: best, ...figures };
}

const terms = lexiconTerms();
const lexicon: InputFile = { name: 'lexicon.tsv', bytes: new TextEncoder().encode(terms.map((t) => `${t}\tGROUP`).join('\n')) };
console.log(`lexicon cost: ${CABLES} sample cables, in-process build, best of 2 runs, Node ${process.version}`);
const without = await seconds(cables);
console.log(`  without lexicon      ${without.s.toFixed(2)} s  (${without.entities.toLocaleString('en')} entities)`);
const withLexicon = await seconds([...cables, lexicon]);
console.log(`  with ${terms.length.toLocaleString('en')} terms     ${withLexicon.s.toFixed(2)} s  (${withLexicon.entities.toLocaleString('en')} entities, ${withLexicon.lexicon.toLocaleString('en')} lexicon mentions)`);
console.log(`  ratio                ${(withLexicon.s / without.s).toFixed(2)}x (aim: at most 1.5x)`);
