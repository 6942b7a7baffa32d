import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { rewriteThread } from '../../src/cli/rewrite-thread.ts';
import { FolderSink, WriteError } from '../../src/cli/folder-sink.ts';
import { remapMentions } from '../../src/core/dataset/remap-mentions.ts';

const shard = '[{"cable":0,"n":1,"text":"é [x]","mentions":[[0,1,1,"PER"],[2,3,-1,"ORG","redaction"]]},{"cable":1,"n":1,"text":"b","mentions":[[0,1,0,"LOC"]]}]';
const dirs: string[] = [];
afterEach(() => { for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true }); });

function folder(files: Record<string, string>): FolderSink {
  const dir = mkdtempSync(join(tmpdir(), 'rewrite-'));
  dirs.push(dir);
  mkdirSync(join(dir, 'paragraphs'));
  for (const [path, text] of Object.entries(files)) writeFileSync(join(dir, path), text);
  return new FolderSink(dir);
}

describe('the rewrite thread', () => {
  it('rewrites the folder\'s shards as remapMentions does in place, and counts the bytes written', async () => {
    const sink = folder({ 'paragraphs/0.json': shard, 'paragraphs/1.json': '[]' });
    const job = () => ({ paths: ['paragraphs/0.json', 'paragraphs/1.json'], keyStart: Uint32Array.from([0, 2, 3]), ids: Uint32Array.from([40, 512, 7]) });
    const expected = new TextDecoder().decode(remapMentions(new TextEncoder().encode(shard), job().keyStart, job().ids));
    const thread = rewriteThread(sink);
    try {
      await thread.run(job());
    } finally {
      await thread.close();
    }
    expect(readFileSync(join(sink.dir, 'paragraphs/0.json'), 'utf8')).toBe(expected);
    expect(expected).toContain('[0,1,512,"PER"]');
    expect(readFileSync(join(sink.dir, 'paragraphs/1.json'), 'utf8')).toBe('[]');
    expect(sink.bytes).toBe(Buffer.byteLength(expected) + 2);
  });

  it('fails a job whose shard cannot be read or written as any write fails, naming the file and its error code', async () => {
    const sink = folder({});
    const thread = rewriteThread(sink);
    try {
      const failure = await thread.run({ paths: ['paragraphs/9.json'], keyStart: Uint32Array.from([0]), ids: new Uint32Array(0) }).then(() => null, (e: unknown) => e);
      expect(failure).toBeInstanceOf(WriteError);
      expect((failure as WriteError).path).toBe(join(sink.dir, 'paragraphs/9.json'));
      expect((failure as WriteError).error.code).toBe('ENOENT');
    } finally {
      await thread.close();
    }
  });

  it('fails the job naming the shard it could not rewrite', async () => {
    const sink = folder({ 'paragraphs/0.json': '[{"cable":0,"n":1,"text":"a","mentions":[[1,2,9,"PER"]]}]' });
    const thread = rewriteThread(sink);
    try {
      await expect(thread.run({ paths: ['paragraphs/0.json'], keyStart: Uint32Array.from([0, 1]), ids: Uint32Array.from([3]) }))
        .rejects.toThrow(/paragraphs\/0\.json: paragraph shard: expected a key number below 1/);
    } finally {
      await thread.close();
    }
  });
});
