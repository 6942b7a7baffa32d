/**
 * Compiling ahead what the explorer's renderer will need. The first sigma renderer a page makes
 * takes most of 100 ms in one task, about 40 of them waiting for the GPU process to compile
 * sigma's WebGL programs; the browser keeps compiled shaders for the session, and a renderer
 * made after them takes about half as long. While the worker builds, the page's thread is idle:
 * the programs are compiled then, one per task, on a canvas of their own.
 */
import type Sigma from 'sigma';
import { DEFAULT_EDGE_PROGRAM_CLASSES, DEFAULT_NODE_PROGRAM_CLASSES } from 'sigma/settings';
import { nextTask } from '../pace.ts';

/**
 * Compiles sigma's default programs in the variants the explorer uses: nodes with their picking
 * program (node events), edges without (graph-view.ts turns edge events off).
 */
export async function warmRenderer(): Promise<void> {
  // Sigma's own context attributes: a compiled program is kept for contexts like it.
  const gl = document.createElement('canvas').getContext('webgl2', { preserveDrawingBuffer: false, antialias: false });
  if (!gl) return;
  const picking = gl.createFramebuffer();
  // A program's constructor only keeps its renderer, for drawing: none is needed to compile.
  const renderer = null as unknown as Sigma;
  try {
    for (const Program of Object.values(DEFAULT_NODE_PROGRAM_CLASSES)) {
      await nextTask();
      new Program(gl, picking, renderer).kill();
    }
    for (const Program of Object.values(DEFAULT_EDGE_PROGRAM_CLASSES)) {
      await nextTask();
      new Program(gl, null, renderer).kill();
    }
  } finally {
    gl.getExtension('WEBGL_lose_context')?.loseContext();
  }
}
