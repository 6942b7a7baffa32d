/**
 * Progress on standard error for long work: a bar with counts, rate and ETA, redrawn in place on
 * a terminal at most a few times a second; elsewhere (logs, CI) a plain line every tenth.
 */

export interface ProgressOptions {
  total: number;
  unit: string;
  stream?: NodeJS.WriteStream;
}

const BAR = 24;
const REDRAW_MS = 200;

export class Progress {
  private readonly start = performance.now();
  private lastDraw = 0;
  private lastTenth = -1;
  private readonly stream: NodeJS.WriteStream;
  private readonly tty: boolean;

  constructor(private readonly options: ProgressOptions) {
    this.stream = options.stream ?? process.stderr;
    this.tty = this.stream.isTTY === true;
  }

  update(done: number, note = ''): void {
    const now = performance.now();
    const { total, unit } = this.options;
    const fraction = total > 0 ? Math.min(1, done / total) : 1;
    const seconds = (now - this.start) / 1000;
    const rate = seconds > 0 ? done / seconds : 0;
    const eta = rate > 0 ? (total - done) / rate : 0;
    const line = `${Math.floor(fraction * 100).toString().padStart(3)}% ${done.toLocaleString('en')}/${total.toLocaleString('en')} ${unit}` +
      `  ${Math.round(rate).toLocaleString('en')} ${unit}/s  ETA ${clock(eta)}${note ? '  ' + note : ''}`;
    if (this.tty) {
      if (now - this.lastDraw < REDRAW_MS && done < total) return;
      this.lastDraw = now;
      const filled = Math.round(fraction * BAR);
      this.stream.write(`\r[${'='.repeat(filled)}${filled < BAR ? '>' : ''}${' '.repeat(Math.max(0, BAR - filled - 1))}] ${line}\x1b[K`);
    } else {
      const tenth = Math.floor(fraction * 10);
      if (tenth === this.lastTenth) return;
      this.lastTenth = tenth;
      this.stream.write(`${line}\n`);
    }
  }

  /** Ends the bar's line; later messages start on a fresh one. */
  done(): void {
    if (this.tty) this.stream.write('\n');
  }

  /** A message between phases (`counting pairs...`). */
  note(message: string): void {
    this.stream.write(`${message}\n`);
  }
}

export function clock(seconds: number): string {
  const s = Math.round(seconds);
  const m = Math.floor(s / 60);
  return `${m}:${String(s % 60).padStart(2, '0')}`;
}
