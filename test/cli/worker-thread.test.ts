import { describe, expect, it } from 'vitest';
import { jobThread } from '../../src/cli/worker-thread.ts';

describe('jobThread', () => {
  it('starts its worker at `start` or at its first job, not before', async () => {
    const unused = jobThread('layout-worker');
    expect(unused.started).toBe(false);
    await expect(unused.close()).resolves.toBeUndefined();
    // A worker that cannot load fails the job that starts it.
    const broken = jobThread('no-such-worker');
    try {
      const failure = await new Promise<Error>((resolve) => broken.run({}, [], () => true, resolve));
      expect(broken.started).toBe(true);
      expect(failure.message).toMatch(/no-such-worker/);
    } finally {
      await broken.close();
    }
  });

  it('runs a job on a thread started beforehand', async () => {
    const thread = jobThread('layout-worker');
    thread.start();
    expect(thread.started).toBe(true);
    try {
      const job = { community: Int32Array.of(0, 0), source: Uint32Array.of(0), target: Uint32Array.of(1), weight: Float64Array.of(1), options: { seed: 1, iterations: 5 } };
      const result = await new Promise<{ x: Float64Array }>((resolve, reject) => thread.run(job, [], (m: { x: Float64Array }) => (resolve(m), true), reject));
      expect(result.x).toHaveLength(2);
    } finally {
      await thread.close();
    }
  });
});
