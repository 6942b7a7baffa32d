/**
 * Progress throttling: a build reports after every cable, thousands of times a second, but the
 * page needs a message only every so often (each costs a structured clone and a repaint). A
 * report passes when the interval has elapsed since the last one passed, or when forced (a new
 * stage, the last report), so the page always sees where the build is.
 */

export const PROGRESS_INTERVAL_MS = 100;

/** Wraps `send`: the returned function forwards a value only when due or when `force` is true. */
export function throttle<T>(send: (value: T) => void, intervalMs = PROGRESS_INTERVAL_MS, now: () => number = () => performance.now()): (value: T, force?: boolean) => void {
  let last = -Infinity;
  return (value, force = false) => {
    const t = now();
    if (!force && t - last < intervalMs) return;
    last = t;
    send(value);
  };
}
