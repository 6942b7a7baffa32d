/**
 * Names that say what a community is about: its most characteristic entities, not its biggest.
 * An entity is characteristic of its community when more of its co-occurrence strength stays
 * inside it than the community's share of all strength predicts: with s the entity's summed link
 * weight, s_in the part spent on members of its own community c, and S_c / S the share of all
 * link weight that c's members hold, score = s_in · ln((s_in / s) / (S_c / S)) — the entity's
 * term of the Kullback–Leibler divergence between where its links go and where links go at
 * large. A hub tied to every region (`U.S.`) keeps about the community's share inside it and
 * scores near zero; a name that lives in its region (`Tehran`, `Ahmadinejad`) scores high,
 * weighted by how much it is cited. A name that only restates one already chosen (`Russian`
 * beside `Russia`, `French` beside `France`) is skipped.
 *
 * The subtitle says where and when: the posts and years of the cables behind the community's
 * mentions, most frequent first.
 */
import type { PairTable } from '../graph/pair-counts.ts';

/** Names kept per community. */
export const COMMUNITY_NAMES = 3;
/** Posts and years kept per community. */
export const COMMUNITY_SUBTITLE = 3;

/** The score above per entity (0 for an entity without links, or with fewer inside than chance). */
export function characteristicScores(pairs: PairTable, community: Int32Array): Float64Array {
  const inside = new Float64Array(community.length);
  const total = new Float64Array(community.length);
  for (let p = 0; p < pairs.length; p++) {
    const a = pairs.a[p]!;
    const b = pairs.b[p]!;
    const w = pairs.weight[p]!;
    total[a]! += w;
    total[b]! += w;
    if (community[a] === community[b]) {
      inside[a]! += w;
      inside[b]! += w;
    }
  }
  const byCommunity = new Map<number, number>();
  let all = 0;
  for (let e = 0; e < community.length; e++) {
    byCommunity.set(community[e]!, (byCommunity.get(community[e]!) ?? 0) + total[e]!);
    all += total[e]!;
  }
  const scores = new Float64Array(community.length);
  for (let e = 0; e < scores.length; e++) {
    if (inside[e]! === 0) continue;
    const lift = inside[e]! / total[e]! / (byCommunity.get(community[e]!)! / all);
    if (lift > 1) scores[e] = inside[e]! * Math.log(lift);
  }
  return scores;
}

/**
 * Demonyms that do not start like their country's name, as [demonym, country] in letters only.
 * Country and nationality names are general knowledge, not a corpus's vocabulary; regular ones
 * (`Russia`/`Russian`, `China`/`Chinese`) are caught by the shared stem instead.
 */
const IRREGULAR_DEMONYMS: readonly [string, string][] = [
  ['french', 'france'], ['spanish', 'spain'], ['dutch', 'netherlands'], ['british', 'uk'], ['british', 'britain'],
  ['swiss', 'switzerland'], ['greek', 'greece'], ['turkish', 'turkey'], ['danish', 'denmark'], ['swedish', 'sweden'],
  ['finnish', 'finland'], ['polish', 'poland'], ['irish', 'ireland'], ['thai', 'thailand'], ['filipino', 'philippines'],
  ['welsh', 'wales'], ['scottish', 'scotland'], ['kuwaiti', 'kuwait'], ['iraqi', 'iraq'], ['israeli', 'israel'],
  ['pakistani', 'pakistan'], ['afghan', 'afghanistan'], ['saudi', 'saudi arabia'], ['emirati', 'uae'],
  ['american', 'us'], ['american', 'united states'], ['malagasy', 'madagascar'], ['peruvian', 'peru'],
  ['lebanese', 'lebanon'], ['sudanese', 'sudan'], ['portuguese', 'portugal'], ['norwegian', 'norway'],
];

/** Letters only, lower case: `U.S.` → `us`, `Al-Qaida` → `alqaida`. */
function letters(label: string): string {
  return label.toLowerCase().replace(/[^\p{L}\p{N} ]+/gu, '');
}

/**
 * Whether `a` restates `b`: last words whose stems agree (a shared start of at least four
 * letters covering all but one letter of the shorter: `China`/`Chinese`), the shorter name's
 * other words ending the longer's (`North Korea`/`North Korean`, `Korean`/`North Korea`), or a
 * demonym of the list and its country.
 */
export function restates(a: string, b: string): boolean {
  const x = letters(a);
  const y = letters(b);
  if (x === y) return true;
  if (IRREGULAR_DEMONYMS.some(([d, c]) => (x === d && y === c) || (y === d && x === c))) return true;
  const [short, long] = x.split(' ').length <= y.split(' ').length ? [x.split(' '), y.split(' ')] : [y.split(' '), x.split(' ')];
  const offset = long.length - short.length;
  for (let i = 0; i < short.length - 1; i++) if (short[i] !== long[i + offset]) return false;
  const lx = short[short.length - 1]!;
  const ly = long[long.length - 1]!;
  let common = 0;
  while (common < lx.length && common < ly.length && lx[common] === ly[common]) common++;
  return common >= 4 && common >= Math.min(lx.length, ly.length) - 1;
}

/** The first `count` of `ranked` labels, skipping any that restates one already kept. */
export function distinctNames(ranked: readonly string[], count = COMMUNITY_NAMES): string[] {
  const kept: string[] = [];
  for (const label of ranked) {
    if (kept.length === count) break;
    if (!kept.some((k) => restates(label, k))) kept.push(label);
  }
  return kept;
}

/** Counts of `values`, most frequent first then in code-unit order, the first `k`. */
export function topValues(counts: ReadonlyMap<string, number>, k = COMMUNITY_SUBTITLE): [string, number][] {
  return [...counts].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0)).slice(0, k);
}

/**
 * `Islamabad · Paris · Kabul, 2008–2010`: the main posts without their kind (`Embassy`,
 * `Consulate`, … as metadata.csv writes them) and the span of the main years.
 */
export function communitySubtitle(posts: readonly [string, number][], years: readonly [string, number][]): string {
  const places = posts.map(([p]) => p.replace(/^(Embassy|Consulate|Consulate General|Mission|USUN|US Mission|Secretary of)\s+/i, ''));
  const sorted = years.map(([y]) => y).sort();
  const span = sorted.length === 0 ? '' : sorted.length === 1 ? sorted[0]! : `${sorted[0]}–${sorted[sorted.length - 1]}`;
  return [places.join(' · '), span].filter((s) => s !== '').join(', ');
}
