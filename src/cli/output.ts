/** Writing to a stream with backpressure, so that printing a large corpus never buffers it whole. */
import type { Writable } from 'node:stream';

export function writeAll(stream: Writable, text: string): Promise<void> {
  return new Promise((resolve, reject) => {
    if (stream.write(text)) resolve();
    else {
      stream.once('drain', resolve);
      stream.once('error', reject);
    }
  });
}
