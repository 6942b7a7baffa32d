/**
 * Worker thread of the build that rewrites the paragraph shards once entities are merged (core's
 * `remapMentions`), reading and writing the dataset folder's files itself, so that the main thread
 * writes the entity and search shards meanwhile. Posts the bytes it wrote; a shard it cannot
 * rewrite fails the build, named.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parentPort } from 'node:worker_threads';
import { remapMentions } from '../core/dataset/remap-mentions.ts';
import type { RewriteJob } from '../core/dataset/build-dataset.ts';

parentPort!.on('message', ({ dir, paths, keyStart, ids }: RewriteJob & { dir: string }) => {
  let bytes = 0;
  for (const path of paths) {
    const file = join(dir, path);
    let shard: Uint8Array;
    try {
      shard = remapMentions(readFileSync(file), keyStart, ids);
    } catch (e) {
      throw new Error(`${file}: ${(e as Error).message}`);
    }
    writeFileSync(file, shard);
    bytes += shard.length;
  }
  parentPort!.postMessage({ bytes });
});
