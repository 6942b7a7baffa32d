/**
 * Knowing, without waiting for it, when the GPU has done what the page asked of it. WebGL calls
 * return at once and the GPU process works through them afterwards; the page's thread waits
 * only when the browser composites the canvas. For a big graph on a software renderer
 * (SwiftShader, as in headless Chromium or on a machine without a usable GPU) one frame of 30,000
 * edges is most of a second of that work: shown at once, the canvas would hold the page's
 * thread that long. The importer draws the new view out of sight, waits here, then shows it.
 *
 * A WebGL2 fence per context is signalled when the commands before it are done; its status is
 * polled between tasks (it changes only between tasks), so input and other work go on meanwhile.
 */

/** The parts of a WebGL2 context used here, so tests can pass a fake. */
export type FenceContext = Pick<WebGL2RenderingContext, 'fenceSync' | 'getSyncParameter' | 'deleteSync' | 'flush' | 'isContextLost' | 'SYNC_GPU_COMMANDS_COMPLETE' | 'SYNC_STATUS' | 'SIGNALED'>;

export interface GpuWaitOptions {
  /** Resolves when it is time to look again. */
  wait(): Promise<void>;
  /** Past this, the wait ends anyway: showing a view late beats never showing it. */
  limitMs: number;
  now(): number;
}

export const DEFAULT_GPU_WAIT: GpuWaitOptions = {
  wait: () => new Promise((resolve) => setTimeout(resolve, 10)),
  limitMs: 10_000,
  now: () => performance.now(),
};

/** The WebGL2 contexts among `canvases` (sigma's layers: its 2D canvases and WebGL1 ones have none). */
export function webgl2Contexts(canvases: Iterable<HTMLCanvasElement>): WebGL2RenderingContext[] {
  const contexts: WebGL2RenderingContext[] = [];
  for (const canvas of canvases) {
    // Asking again returns the context the canvas already has, or null for another kind.
    const gl = canvas.getContext('webgl2');
    if (gl) contexts.push(gl);
  }
  return contexts;
}

/** Resolves, with the milliseconds waited, once the GPU has finished every command given so far to `contexts`. */
export async function gpuFinished(contexts: readonly FenceContext[], options: Partial<GpuWaitOptions> = {}): Promise<number> {
  const { wait, limitMs, now } = { ...DEFAULT_GPU_WAIT, ...options };
  const start = now();
  let pending = contexts.flatMap((gl) => {
    const sync = gl.isContextLost() ? null : gl.fenceSync(gl.SYNC_GPU_COMMANDS_COMPLETE, 0);
    if (!sync) return [];
    // Without a flush the fence could sit in the page's command buffer, never reaching the GPU.
    gl.flush();
    return [{ gl, sync }];
  });
  while (pending.length > 0 && now() - start < limitMs) {
    await wait();
    pending = pending.filter(({ gl, sync }) => {
      // A lost context draws nothing more: nothing to wait for.
      const done = gl.isContextLost() || gl.getSyncParameter(sync, gl.SYNC_STATUS) === gl.SIGNALED;
      if (done) gl.deleteSync(sync);
      return !done;
    });
  }
  for (const { gl, sync } of pending) gl.deleteSync(sync);
  return now() - start;
}
