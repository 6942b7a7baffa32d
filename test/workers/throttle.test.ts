import { describe, expect, it } from 'vitest';
import { throttle } from '../../src/workers/throttle.ts';

describe('throttle(send, interval, now)', () => {
  it('forwards the first value, then at most one per interval, and every forced one', () => {
    let t = 0;
    const sent: number[] = [];
    const report = throttle((v: number) => sent.push(v), 100, () => t);
    for (let i = 0; i < 10; i++) {
      report(i);
      t += 30;
    }
    report(99, true);
    expect(sent).toEqual([0, 4, 8, 99]);
  });
});
