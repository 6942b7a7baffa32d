import { describe, expect, it } from 'vitest';
import { layoutThread } from '../../src/cli/layout-thread.ts';
import { DEFAULT_LAYOUT_OPTIONS, runLayoutJob, type LayoutJob } from '../../src/core/graph/layout.ts';

/** 300 nodes in 6 communities: a ring inside each, and a link between neighbouring communities. */
function job(): LayoutJob {
  const source: number[] = [];
  const target: number[] = [];
  const weight: number[] = [];
  for (let i = 0; i < 300; i++) {
    const base = Math.floor(i / 50) * 50;
    source.push(i);
    target.push(base + ((i - base + 1) % 50));
    weight.push(1 + (i % 4));
    if (i % 50 === 0) { source.push(i); target.push((i + 50) % 300); weight.push(2); }
  }
  return {
    community: Int32Array.from({ length: 300 }, (_, i) => Math.floor(i / 50)),
    source: Uint32Array.from(source), target: Uint32Array.from(target), weight: Float64Array.from(weight),
    options: { ...DEFAULT_LAYOUT_OPTIONS, iterations: 30 },
  };
}

describe('the layout thread', () => {
  it('gives the same positions as the layout in-process, and runs jobs one after another', async () => {
    const here = runLayoutJob(job());
    const thread = layoutThread();
    try {
      for (let run = 0; run < 2; run++) {
        const there = await thread.run(job());
        expect(Array.from(there.x)).toEqual(Array.from(here.x));
        expect(Array.from(there.y)).toEqual(Array.from(here.y));
      }
    } finally {
      await thread.close();
    }
  });
});
