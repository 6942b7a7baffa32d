import { describe, expect, it } from 'vitest';
import { mapQuality, type MapPoint } from '../../../src/core/graph/map-quality.ts';

/** Two tight groups of `n` points, `gap` apart on the x axis. */
function twoGroups(n: number, gap: number): MapPoint[] {
  const points: MapPoint[] = [];
  for (let i = 0; i < n; i++) points.push({ x: i % 4, y: Math.floor(i / 4), community: 0 });
  for (let i = 0; i < n; i++) points.push({ x: gap + (i % 4), y: Math.floor(i / 4), community: 1 });
  return points;
}

/** The silhouette of one point, straight from Rousseeuw's definition. */
function silhouetteOf(points: MapPoint[], i: number): number {
  const d = (j: number) => Math.hypot(points[i]!.x - points[j]!.x, points[i]!.y - points[j]!.y);
  const by = new Map<number, number[]>();
  points.forEach((p, j) => j !== i && by.set(p.community, [...(by.get(p.community) ?? []), d(j)]));
  const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
  const a = mean(by.get(points[i]!.community)!);
  const b = Math.min(...[...by].filter(([c]) => c !== points[i]!.community).map(([, xs]) => mean(xs)));
  return (b - a) / Math.max(a, b);
}

describe('mapQuality(points)', () => {
  it('scores groups far apart near 1 and finds every nearest neighbour in its own group', () => {
    const q = mapQuality(twoGroups(12, 1000), 2);
    expect(q.nearestSameCommunity).toBe(1);
    expect(q.silhouette).toBeGreaterThan(0.99);
  });

  it('computes the silhouette as Rousseeuw defines it', () => {
    const points = twoGroups(12, 5);
    const expected = points.reduce((s, _, i) => s + silhouetteOf(points, i), 0) / points.length;
    expect(mapQuality(points, 2).silhouette).toBeCloseTo(expected, 10);
  });

  it('scores interleaved groups below zero and counts nearest neighbours across them', () => {
    const points: MapPoint[] = Array.from({ length: 40 }, (_, i) => ({ x: i, y: 0, community: i % 2 }));
    const q = mapQuality(points, 2);
    expect(q.nearestSameCommunity).toBe(0);
    expect(q.silhouette).toBeLessThan(0);
  });

  it('leaves communities under the minimum size out of the silhouette and the spread', () => {
    const points = [...twoGroups(12, 1000), { x: 500, y: 0, community: 2 }];
    const q = mapQuality(points, 2);
    expect(q.spread.communities).toBe(2);
    expect(q.silhouette).toBeGreaterThan(0.99);
  });

  it('sees a community squashed into a point in the smallest spread', () => {
    const points = twoGroups(12, 1000).map((p) => (p.community === 1 ? { ...p, x: 1000, y: 0 } : p));
    const q = mapQuality(points, 2);
    expect(q.spread.min).toBe(0);
    expect(q.spread.median).toBeGreaterThan(0);
  });
});
