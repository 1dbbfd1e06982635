/**
 * `API_GUIDELINES_TIMING=1`: where a `check` run spent its time, on stderr at the end (the phases, and each thread's
 * files and busy time), for users whose CI step is slow and for the benchmarks. Off, it costs nothing.
 */

/** What one thread did: when it was ready to check (corpus loaded), when it finished, and how many files it checked. */
export interface ThreadTiming {
  thread: number;
  files: number;
  /** Milliseconds since the Unix epoch, comparable across threads. */
  readyAt: number;
  doneAt: number;
}

/** `12,345`: as `toLocaleString('en')` writes it, without setting up ICU's number formatting (~10 ms, on every run). */
export function formatCount(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** Milliseconds since the Unix epoch, precise (`Date.now()` is whole milliseconds). */
export function now(): number {
  return performance.timeOrigin + performance.now();
}

export class Timing {
  private readonly marks: [string, number][] = [];
  readonly threads: ThreadTiming[] = [];

  constructor(readonly enabled: boolean) {}

  mark(phase: string): void {
    if (this.enabled) this.marks.push([phase, now()]);
  }

  /** The report: each phase from the previous mark (the first from the process start), then the threads. */
  render(): string {
    if (!this.enabled) return '';
    const start = performance.timeOrigin;
    const ms = (n: number) => `${n.toFixed(0)} ms`;
    const lines = ['timing (from the process start):'];
    let previous = start;
    for (const [phase, at] of this.marks) {
      lines.push(`  ${phase.padEnd(28)} ${ms(at - previous).padStart(8)}   at ${ms(at - start)}`);
      previous = at;
    }
    for (const t of [...this.threads].sort((a, b) => a.thread - b.thread)) {
      lines.push(`  thread ${t.thread}: ready at ${ms(t.readyAt - start)}, ${formatCount(t.files)} file(s) in ${ms(t.doneAt - t.readyAt)}, done at ${ms(t.doneAt - start)}`);
    }
    return `${lines.join('\n')}\n`;
  }
}

export function timingEnabled(env: Record<string, string | undefined> | undefined): boolean {
  const value = env?.API_GUIDELINES_TIMING;
  return value !== undefined && value !== '' && value !== '0' && value !== 'false';
}
