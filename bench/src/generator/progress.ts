/** A progress bar with rows per second on stderr (or one log line per step when stderr is not a terminal). */
export class Progress {
  private done_ = 0;
  private rows = 0;
  private readonly started = performance.now();
  private lastLog = 0;

  constructor(
    private readonly total: number,
    private readonly tty: boolean,
    private readonly log: (m: string) => void,
  ) {}

  /** Records `units` of work done and `rows` written, while working on `label`. */
  tick(units: number, rows: number, label: string): void {
    this.done_ += units;
    this.rows += rows;
    const secs = (performance.now() - this.started) / 1000;
    const share = this.total ? Math.min(1, this.done_ / this.total) : 1;
    const rate = secs > 0 ? this.rows / secs : 0;
    const eta = share > 0 ? (secs / share) * (1 - share) : 0;
    const line = `${bar(share)} ${(share * 100).toFixed(1).padStart(5)}%  ${fmt(this.rows)} rows  ${fmt(Math.round(rate))} rows/s  ${duration(secs)} elapsed, ~${duration(eta)} left  ${label}`;
    if (this.tty) process.stderr.write(`\r${line}\x1b[K`);
    else if (secs - this.lastLog >= 10 || share >= 1) {
      this.lastLog = secs;
      this.log(line);
    }
  }

  /** Ends the bar. */
  done(): void {
    if (this.tty) process.stderr.write('\n');
  }
}

function bar(share: number): string {
  const n = Math.round(share * 30);
  return `[${'#'.repeat(n)}${'-'.repeat(30 - n)}]`;
}

/** 1234567 → 1,234,567 */
export function fmt(n: number): string {
  return n.toLocaleString('en-US');
}

/** Seconds as 1h02m03s / 2m03s / 3.4s. */
export function duration(secs: number): string {
  if (secs < 60) return `${secs.toFixed(1)}s`;
  const h = Math.floor(secs / 3600);
  const m = Math.floor((secs % 3600) / 60);
  const s = Math.floor(secs % 60);
  return h
    ? `${h}h${String(m).padStart(2, '0')}m${String(s).padStart(2, '0')}s`
    : `${m}m${String(s).padStart(2, '0')}s`;
}
