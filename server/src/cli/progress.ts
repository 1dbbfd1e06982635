/** A one-line progress counter on a terminal's stderr for long runs; silent anywhere else. */
import type { CliStream } from './cliContext';

export interface ProgressOptions {
  /** Runs with fewer files than this finish too fast to need a counter. */
  minTotal?: number;
  /** Smallest interval between redraws, in milliseconds. */
  interval?: number;
  now?: () => number;
}

export class Progress {
  private last = -Infinity;
  private shown = false;
  private readonly minTotal: number;
  private readonly interval: number;
  private readonly now: () => number;

  constructor(private readonly stream: CliStream, private readonly enabled: boolean, options: ProgressOptions = {}) {
    this.minTotal = options.minTotal ?? 200;
    this.interval = options.interval ?? 100;
    this.now = options.now ?? Date.now;
  }

  /** Redraws `checking done/total files` at most once per interval, and always for the last file. */
  update(done: number, total: number): void {
    if (!this.enabled || !this.stream.isTTY || total < this.minTotal) return;
    const t = this.now();
    if (done < total && t - this.last < this.interval) return;
    this.last = t;
    this.shown = true;
    this.stream.write(`\r\x1b[Kchecking ${done}/${total} files (${Math.floor((done / total) * 100)}%)`);
  }

  /** Erases the counter so the next output starts on a clean line. */
  clear(): void {
    if (this.shown) this.stream.write('\r\x1b[K');
    this.shown = false;
  }
}
