/**
 * An edge's evidence: the paragraphs that mention both entities, i.e. the intersection of their
 * postings (ascending paragraph ids). A merge walk, linear in the two lists.
 */
export function intersectSorted(a: readonly number[], b: readonly number[]): number[] {
  const out: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const x = a[i]!;
    const y = b[j]!;
    if (x === y) {
      out.push(x);
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return out;
}
