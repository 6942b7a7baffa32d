/**
 * Opening a dataset runs in steps (parsing and checking the graph, building the graph sigma
 * draws and the filters' index, making the renderer, the first frame, the panels), each short
 * enough for the page to keep answering input. Between two steps the opener calls `pace(done)`,
 * naming the step just done: the page's pace lets the browser run what is waiting (input, a
 * frame) and measures the step for the benchmarks.
 */
export type Pace = (done: string) => Promise<void>;

/**
 * Resolves in a task of its own, so whatever is queued runs first. A message, not a timer: a
 * chain of timers set from timers is held back to 4 ms each.
 */
export function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/**
 * The page's pace: each step is a User Timing measure named `cablegraph:open <step>` (the
 * benchmarks read them), then the rest waits for a task of its own.
 */
export function measuredSteps(): Pace {
  let start = performance.now();
  return async (done) => {
    performance.measure(`cablegraph:open ${done}`, { start });
    await nextTask();
    start = performance.now();
  };
}
