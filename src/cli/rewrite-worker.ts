/**
 * Worker thread of the build that rewrites the paragraph shards once entities are merged (core's
 * `remapMentions`), reading and writing the dataset folder's files itself, so that the main thread
 * writes the entity and search shards meanwhile. Posts the bytes it wrote, or the shard it could
 * not rewrite with why (a file system error with its code, for the same message as any write).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parentPort } from 'node:worker_threads';
import { remapMentions } from '../core/dataset/remap-mentions.ts';
import type { RewriteJob } from '../core/dataset/build-dataset.ts';

export type RewriteMessage = { bytes: number } | { failed: { path: string; message: string; code?: string } };

parentPort!.on('message', ({ dir, paths, keyStart, ids }: RewriteJob & { dir: string }) => {
  let bytes = 0;
  for (const path of paths) {
    const file = join(dir, path);
    try {
      const shard = remapMentions(readFileSync(file), keyStart, ids);
      writeFileSync(file, shard);
      bytes += shard.length;
    } catch (e) {
      const { message, code } = e as NodeJS.ErrnoException;
      parentPort!.postMessage({ failed: { path: file, message, code } } satisfies RewriteMessage);
      return;
    }
  }
  parentPort!.postMessage({ bytes } satisfies RewriteMessage);
});
