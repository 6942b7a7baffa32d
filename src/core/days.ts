/**
 * Calendar days as numbers (days since 1970-01-01, UTC), for cables' dates: metadata.csv writes
 * `2006-05-04 13:55`, and slices and sort keys compare days, inclusive at both ends.
 */

const DAY_MS = 86_400_000;

/** The day of a `YYYY-MM-DD…` date (anything after the tenth character is ignored), or null when it is not one. */
export function dayNumber(date: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(date);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = Date.UTC(y, mo - 1, d);
  const back = new Date(t);
  // Date.UTC rolls 2006-02-31 over into March: such a date is not one.
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) return null;
  return Math.round(t / DAY_MS);
}

/** `YYYY-MM-DD` of a day number. */
export function dayText(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}
