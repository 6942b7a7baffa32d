/** Writing to a stream with backpressure, so that printing a large corpus never buffers it whole. */
import type { Writable } from 'node:stream';

export function writeAll(stream: Writable, text: string): Promise<void> {
  return new Promise((resolve, reject) => {
    if (stream.write(text)) return resolve();
    // Both listeners go once either fires: a long output waits for 'drain' thousands of times.
    const onDrain = () => {
      stream.off('error', onError);
      resolve();
    };
    const onError = (e: Error) => {
      stream.off('drain', onDrain);
      reject(e);
    };
    stream.once('drain', onDrain);
    stream.once('error', onError);
  });
}
