import { describe, expect, it } from 'vitest';
import { Cancelled, FILES_PER_MESSAGE, createDatasetWorker, type WorkerLike } from '../../../src/app/import/dataset-worker.ts';
import type { FromWorker, ToWorker } from '../../../src/workers/protocol.ts';

/** A fake worker that records what it is sent and answers when told. */
function fakeWorker() {
  const sent: ToWorker[] = [];
  const listeners: Record<string, ((e: never) => void)[]> = { message: [], error: [] };
  let terminated = false;
  const worker: WorkerLike = {
    postMessage: (m) => void sent.push(m),
    addEventListener: (type: string, listener: (e: never) => void) => void listeners[type]!.push(listener),
    terminate: () => void (terminated = true),
  };
  const answer = (data: FromWorker) => listeners.message!.forEach((l) => l({ data } as never));
  return { worker, sent, answer, terminated: () => terminated };
}

const sources = (n: number) => Array.from({ length: n }, (_, i) => ({ name: `${i}.txt`, data: new Blob([String(i)]) }));
const until = async (check: () => boolean) => {
  while (!check()) await new Promise((r) => setTimeout(r, 1));
};

describe('createDatasetWorker(make)', () => {
  it('sends files in batches, then the build; reports progress; resolves with the result', async () => {
    const fake = fakeWorker();
    const client = createDatasetWorker(() => fake.worker);
    const seen: number[] = [];
    const built = client.build(sources(FILES_PER_MESSAGE * 2 + 1), {}, (p) => seen.push(p.cables));
    await until(() => fake.sent.some((m) => m.type === 'build'));
    expect(fake.sent.map((m) => (m.type === 'add' ? m.sources.length : m.type))).toEqual([FILES_PER_MESSAGE, FILES_PER_MESSAGE, 1, 'build']);
    fake.answer({ type: 'progress', progress: { stage: 'reading', files: 1, totalFiles: 1, cables: 3, totalCables: 5, paragraphs: 0, entities: 0 } });
    fake.answer({ type: 'built', files: new Map([['manifest.json', '{}']]), problems: [], tables: { lexicon: null, aliases: null }, seconds: 1 });
    expect((await built).files.get('manifest.json')).toBe('{}');
    expect(seen).toEqual([3]);
  });

  it('terminate() cancels the pending request with Cancelled; a failure rejects with its message', async () => {
    const fake = fakeWorker();
    const client = createDatasetWorker(() => fake.worker);
    const opening = client.open('x.cablegraph.json', new Blob(['{}']));
    client.terminate();
    await expect(opening).rejects.toBeInstanceOf(Cancelled);
    expect(fake.terminated()).toBe(true);

    const other = fakeWorker();
    const second = createDatasetWorker(() => other.worker);
    const packing = second.pack();
    other.answer({ type: 'failed', message: 'no dataset to download yet' });
    await expect(packing).rejects.toThrow('no dataset to download yet');
  });
});
