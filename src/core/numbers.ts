/** Rounding for written figures: fewer digits make smaller files, and the same digits every run. */

export function round(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}
