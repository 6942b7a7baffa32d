import { describe, expect, it } from 'vitest';
import { gpuFinished, type FenceContext } from '../../../src/app/import/gpu-finished.ts';

/** A context whose GPU finishes after `polls` looks at its fence; records what is asked of it. */
function fakeContext(polls: number, options: { lost?: () => boolean; fences?: boolean } = {}) {
  const log: string[] = [];
  let looked = 0;
  const gl: FenceContext = {
    SYNC_GPU_COMMANDS_COMPLETE: 0x9117,
    SYNC_STATUS: 0x9114,
    SIGNALED: 0x9119,
    fenceSync: () => {
      log.push('fence');
      return options.fences === false ? null : ({} as WebGLSync);
    },
    flush: () => void log.push('flush'),
    getSyncParameter: () => (++looked >= polls ? 0x9119 : 0x9118),
    deleteSync: () => void log.push('delete'),
    isContextLost: () => options.lost?.() ?? false,
  };
  return { gl, log, looked: () => looked };
}

/** A clock that moves 10 ms at each wait. */
function clock() {
  let t = 0;
  return { now: () => t, wait: async () => void (t += 10) };
}

describe('gpuFinished(contexts, options)', () => {
  it('flushes a fence into each context and resolves once every fence is signalled, with the time waited', async () => {
    const fast = fakeContext(1);
    const slow = fakeContext(5);
    const waited = await gpuFinished([fast.gl, slow.gl], clock());
    expect(waited).toBe(50);
    expect(fast.log).toEqual(['fence', 'flush', 'delete']);
    expect(slow.log).toEqual(['fence', 'flush', 'delete']);
    // A signalled fence is not looked at again.
    expect(fast.looked()).toBe(1);
  });

  it('waits for nothing without contexts, or when a context gives no fence', async () => {
    expect(await gpuFinished([], clock())).toBe(0);
    const none = fakeContext(100, { fences: false });
    expect(await gpuFinished([none.gl], clock())).toBe(0);
    expect(none.log).toEqual(['fence']);
  });

  it('stops waiting for a context that is lost, and gives up at the limit', async () => {
    let lost = false;
    const dropped = fakeContext(1000, { lost: () => lost });
    const c = clock();
    const waiting = gpuFinished([dropped.gl], { ...c, wait: async () => { await c.wait(); lost = c.now() >= 30; } });
    expect(await waiting).toBe(30);
    expect(dropped.log.at(-1)).toBe('delete');

    const stuck = fakeContext(1000);
    expect(await gpuFinished([stuck.gl], { ...clock(), limitMs: 100 })).toBe(100);
    expect(stuck.log.at(-1)).toBe('delete');
  });
});
