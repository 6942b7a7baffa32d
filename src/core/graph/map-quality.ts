/**
 * How well a laid-out graph reads as a map of its communities, measured on the plane alone:
 * - `nearestSameCommunity`: the fraction of nodes whose nearest other node is of their community
 *   (with communities shuffled it falls to about the sum of squared community shares);
 * - `silhouette`: the mean silhouette (Rousseeuw 1987) of the communities by plane distance, from
 *   −1 (mixed) through 0 (chance) to 1 (apart), over the communities of at least `minSize` nodes
 *   (the regions a reader sees; a handful of strays belongs to no region);
 * - `spread`: per community of at least `minSize` nodes, its RMS distance to its centroid
 *   over √size; the median and the smallest of these say whether a community was squashed into
 *   a point (a small ratio) while the rest keep their room.
 * Brute force, O(n²): meant for the overview (thousands of nodes) in tests and benchmarks.
 */

export interface MapPoint {
  x: number;
  y: number;
  community: number;
}

export interface MapQuality {
  nodes: number;
  nearestSameCommunity: number;
  silhouette: number;
  spread: { median: number; min: number; communities: number };
}

export function mapQuality(points: readonly MapPoint[], minSize = 10): MapQuality {
  const n = points.length;
  const ids = new Map<number, number>();
  const cluster = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const c = points[i]!.community;
    if (!ids.has(c)) ids.set(c, ids.size);
    cluster[i] = ids.get(c)!;
  }
  const k = ids.size;
  const sizes = new Float64Array(k);
  for (let i = 0; i < n; i++) sizes[cluster[i]!]!++;

  let nearestSame = 0;
  let silhouetteSum = 0;
  let regionNodes = 0;
  const sums = new Float64Array(k);
  for (let i = 0; i < n; i++) {
    sums.fill(0);
    const p = points[i]!;
    let best = Infinity;
    let bestCluster = -1;
    for (let j = 0; j < n; j++) {
      if (j === i) continue;
      const q = points[j]!;
      const d = Math.hypot(p.x - q.x, p.y - q.y);
      sums[cluster[j]!]! += d;
      if (d < best) {
        best = d;
        bestCluster = cluster[j]!;
      }
    }
    const own = cluster[i]!;
    if (bestCluster === own) nearestSame++;
    if (sizes[own]! < minSize) continue;
    regionNodes++;
    const a = sums[own]! / (sizes[own]! - 1);
    let b = Infinity;
    for (let c = 0; c < k; c++) if (c !== own && sizes[c]! >= minSize) b = Math.min(b, sums[c]! / sizes[c]!);
    if (b !== Infinity) silhouetteSum += (b - a) / Math.max(a, b);
  }

  const ratios: number[] = [];
  const cx = new Float64Array(k);
  const cy = new Float64Array(k);
  for (let i = 0; i < n; i++) {
    cx[cluster[i]!]! += points[i]!.x;
    cy[cluster[i]!]! += points[i]!.y;
  }
  const squares = new Float64Array(k);
  for (let i = 0; i < n; i++) {
    const c = cluster[i]!;
    squares[c]! += (points[i]!.x - cx[c]! / sizes[c]!) ** 2 + (points[i]!.y - cy[c]! / sizes[c]!) ** 2;
  }
  for (let c = 0; c < k; c++) {
    if (sizes[c]! >= minSize) ratios.push(Math.sqrt(squares[c]! / sizes[c]!) / Math.sqrt(sizes[c]!));
  }
  ratios.sort((x, y) => x - y);
  return {
    nodes: n,
    nearestSameCommunity: n > 0 ? nearestSame / n : 0,
    silhouette: regionNodes > 0 ? silhouetteSum / regionNodes : 0,
    spread: {
      median: ratios.length > 0 ? ratios[Math.floor(ratios.length / 2)]! : 0,
      min: ratios[0] ?? 0,
      communities: ratios.length,
    },
  };
}
