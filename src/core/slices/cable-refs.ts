/**
 * Cable references: the REF lines of a header (`A. LIMA 2055`, `08 MOSCOW 3363`, `STATE 96526`)
 * read as cable ids and matched to the cables of the dataset, giving a cable-to-cable graph —
 * what a cable references and what references it.
 *
 * A cable's id in Cablegate is year, post and serial (`06LIMA2158`; the header says
 * `LIMA 002158`). A ref names post and serial, with the year when it is not the citing cable's
 * own (`08 MOSCOW 3363`, sometimes `2008 MOSCOW 3363`); without one, the convention is the citing
 * cable's year. So a ref matches the cables with its post (spaces dropped: `LA PAZ` is `LAPAZ`)
 * and serial (leading zeros dropped) and that year; when either year is unknown (a cable with
 * no metadata row has no date), a match is taken only if it is the one cable with that post and
 * serial. What matches nothing stays listed, as text (most refs name cables outside a corpus).
 */
import type { CableRecord } from '../dataset/format.ts';

/** A cable id as post, serial and two-digit year (null when unknown). */
export interface CableKey {
  year: string | null;
  post: string;
  serial: number;
}

const REF = /^(?:(\d{2}|\d{4}) )?([A-Z][A-Z ]*[A-Z]) 0*(\d{1,8})$/;
const LISTED_ID = /^(\d{2})([A-Z]+)0*(\d{1,8})$/;
const HEADER_ID = /^([A-Z][A-Z ]*[A-Z]) 0*(\d{1,8})$/;

/** `08 MOSCOW 3363` → {08, MOSCOW, 3363}; `LA PAZ 304` → {null, LAPAZ, 304}; null for what is not a cable id (`MARCH 06` is, alas). */
export function parseRef(text: string): CableKey | null {
  const m = REF.exec(text.trim().toUpperCase().replace(/\s+/g, ' '));
  if (!m) return null;
  return { year: m[1] ? m[1].slice(-2) : null, post: m[2]!.replace(/ /g, ''), serial: Number(m[3]) };
}

/** A cable's own key: its metadata id (`06LIMA2158`), else its header's origin and serial with the year of its date, if any. */
export function cableKey(cable: CableRecord): CableKey | null {
  const listed = cable.listing ? LISTED_ID.exec(cable.listing.id.toUpperCase()) : null;
  if (listed) return { year: listed[1]!, post: listed[2]!, serial: Number(listed[3]) };
  const header = HEADER_ID.exec(`${cable.origin} ${cable.serial}`.trim().toUpperCase().replace(/\s+/g, ' '))
    ?? HEADER_ID.exec(cable.id.trim().toUpperCase().replace(/\s+/g, ' '));
  if (!header) return null;
  const year = cable.listing && /^\d{4}-/.test(cable.listing.date) ? cable.listing.date.slice(2, 4) : null;
  return { year, post: header[1]!.replace(/ /g, ''), serial: Number(header[2]) };
}

/** A REF of a cable and the cable it names (index), or null when no cable of the dataset matches. */
export interface CableRef {
  ref: string;
  cable: number | null;
}

export interface CableRefGraph {
  /** Per cable, its refs in header order. */
  references: CableRef[][];
  /** Per cable, the cables whose refs name it (ascending), with the ref text that did. */
  referencedBy: { cable: number; ref: string }[][];
}

/** The references of every cable (index order), matched among them. */
export function cableRefGraph(cables: readonly CableRecord[]): CableRefGraph {
  return cableRefGraphOf(cables.map(cableKey), cables.map((c) => c.refs));
}

/** The same from each cable's key and REF lines alone (what the build keeps of a cable for the cable table). */
export function cableRefGraphOf(keys: readonly (CableKey | null)[], refs: readonly (readonly string[])[]): CableRefGraph {
  const byPostSerial = new Map<string, number[]>();
  keys.forEach((k, c) => {
    if (!k) return;
    const at = `${k.post} ${k.serial}`;
    const list = byPostSerial.get(at);
    if (list) list.push(c);
    else byPostSerial.set(at, [c]);
  });
  const referencedBy: CableRefGraph['referencedBy'] = keys.map(() => []);
  const references = refs.map((own, c) => own.map((ref): CableRef => {
    const key = parseRef(ref);
    const found = key ? match(key, keys[c]?.year ?? null, byPostSerial.get(`${key.post} ${key.serial}`) ?? [], keys, c) : null;
    if (found !== null) referencedBy[found]!.push({ cable: c, ref });
    return { ref, cable: found };
  }));
  return { references, referencedBy };
}

function match(key: CableKey, citingYear: string | null, candidates: readonly number[], keys: readonly (CableKey | null)[], self: number): number | null {
  const others = candidates.filter((c) => c !== self);
  const year = key.year ?? citingYear;
  const sameYear = others.filter((c) => keys[c]!.year !== null && keys[c]!.year === year);
  // The same id twice (a cable in two files): the first.
  if (year !== null && sameYear.length > 0) return sameYear[0]!;
  // A year missing on either side: only an unambiguous post and serial will do.
  if (others.length === 1 && (year === null || keys[others[0]!]!.year === null)) return others[0]!;
  return null;
}

/** What `findCables` compares of a cable: its facts id, its header's id and its key. */
export interface CableNames {
  /** metadata.csv's id where the cable has a row with one, else the header's. */
  id: string;
  header: string;
  key(): CableKey | null;
}

/**
 * The cables a person means by `id`: the one whose metadata id (`07PARIS2725`) or header id
 * (`PARIS 002725`) it is, case and spacing aside; else those whose post and serial it spells
 * (`PARIS 2725`, `07 PARIS 2725`), of that year when it gives one. Several: ambiguous.
 */
export function findCables(cables: readonly CableRecord[], id: string): number[] {
  return findCablesIn(cables.length, (i) => {
    const c = cables[i]!;
    return { id: c.listing?.id || c.id, header: c.id, key: () => cableKey(c) };
  }, id);
}

/** `findCables` over `count` cables named by `names` (records, or the cable table). */
export function findCablesIn(count: number, names: (cable: number) => CableNames, id: string): number[] {
  const wanted = id.trim().toUpperCase().replace(/\s+/g, ' ');
  const exact: number[] = [];
  // The facts id is the listing's id, or the header's when there is none (which the second test covers).
  for (let i = 0; i < count; i++) {
    const c = names(i);
    if (c.id.toUpperCase() === wanted || c.header.toUpperCase().replace(/\s+/g, ' ') === wanted) exact.push(i);
  }
  if (exact.length > 0) return exact;
  const key = parseRef(wanted) ?? listedKey(wanted);
  if (!key) return [];
  const found: number[] = [];
  for (let i = 0; i < count; i++) {
    const k = names(i).key();
    if (k && k.post === key.post && k.serial === key.serial && (key.year === null || k.year === key.year)) found.push(i);
  }
  return found;
}

function listedKey(id: string): CableKey | null {
  const m = LISTED_ID.exec(id.replace(/ /g, ''));
  return m ? { year: m[1]!, post: m[2]!, serial: Number(m[3]) } : null;
}

/** The key a facts id spells as a metadata.csv id (`06LIMA2158`), or null when it is not one. */
export function listedIdKey(id: string): CableKey | null {
  const m = LISTED_ID.exec(id.toUpperCase());
  return m ? { year: m[1]!, post: m[2]!, serial: Number(m[3]) } : null;
}

/** A key written as Cablegate writes ids: `06LIMA2158`, `LIMA2158` without a year (posts are letters only). */
export function keyText(key: CableKey): string {
  return `${key.year ?? ''}${key.post}${key.serial}`;
}

const KEY_TEXT = /^(\d{2})?([A-Z]+)(\d+)$/;

/** The key `keyText` wrote, or null when `text` is not one. */
export function parseKeyText(text: string): CableKey | null {
  const m = KEY_TEXT.exec(text);
  return m ? { year: m[1] ?? null, post: m[2]!, serial: Number(m[3]) } : null;
}
