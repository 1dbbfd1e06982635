/** Notices a language server that stopped answering: pings it periodically and when a request is slow, and reports a hang. */

export interface WatchdogTiming {
  /** While the server runs, a ping this long after the last answer. */
  intervalMs: number;
  /** A ping unanswered this long is a miss. */
  timeoutMs: number;
  /** A request still pending after this long gets a ping of its own, so a hang shows up while the user waits. */
  slowRequestMs: number;
  /** Consecutive misses that make a hang; after a miss the next ping goes out at once. */
  misses: number;
}

/**
 * A no-op ping has 10 s to come back, twice in a row: the server yields to requests every few
 * milliseconds, so 20 s without an answer is a hang, not load (a hostile 256 KB YAML file blocks
 * it for a few seconds at most).
 */
export const DEFAULT_WATCHDOG_TIMING: WatchdogTiming = { intervalMs: 30000, timeoutMs: 10000, slowRequestMs: 3000, misses: 2 };

export interface WatchdogStep {
  /** Send a ping now (and report its answer with `pingAnswered`). */
  ping: boolean;
  /** The server is hung: stop it; the detector stays idle until `serverStarted`. */
  hung: boolean;
  /** When to call `step` again, unless an event comes first; absent while idle. */
  wakeAt?: number;
}

interface PendingRequest {
  startedAt: number;
  /** A ping was sent (or was already pending) once this request turned slow. */
  probed: boolean;
}

/** The watchdog's state machine: events and an injected clock in, what to do and when to look again out. No timers. */
export class HangDetector {
  private running = false;
  private nextPingAt = 0;
  private pingSentAt: number | undefined;
  private missed = 0;
  private readonly requests = new Map<number, PendingRequest>();
  private lastRequestId = 0;

  constructor(private readonly timing: WatchdogTiming = DEFAULT_WATCHDOG_TIMING) {}

  serverStarted(now: number): void {
    this.serverStopped();
    this.running = true;
    this.nextPingAt = now + this.timing.intervalMs;
  }

  serverStopped(): void {
    this.running = false;
    this.pingSentAt = undefined;
    this.missed = 0;
    this.requests.clear();
  }

  /** A request went to the server; returns the id to settle it with. */
  requestStarted(now: number): number {
    const id = ++this.lastRequestId;
    if (this.running) this.requests.set(id, { startedAt: now, probed: false });
    return id;
  }

  requestSettled(id: number): void {
    this.requests.delete(id);
  }

  /** Any answer, even to an older ping that had been counted as a miss, shows the server alive. */
  pingAnswered(now: number): void {
    if (!this.running) return;
    this.pingSentAt = undefined;
    this.missed = 0;
    this.nextPingAt = now + this.timing.intervalMs;
  }

  step(now: number): WatchdogStep {
    if (!this.running) return { ping: false, hung: false };
    let due = false;
    if (this.pingSentAt !== undefined && now >= this.pingSentAt + this.timing.timeoutMs) {
      this.pingSentAt = undefined;
      if (++this.missed >= this.timing.misses) {
        this.serverStopped();
        return { ping: false, hung: true };
      }
      due = true;
    }
    if (this.pingSentAt === undefined && now >= this.nextPingAt) due = true;
    for (const request of this.requests.values()) {
      if (request.probed || now < request.startedAt + this.timing.slowRequestMs) continue;
      request.probed = true;
      if (this.pingSentAt === undefined) due = true;
    }
    if (due) this.pingSentAt = now;
    return { ping: due, hung: false, wakeAt: this.wakeAt() };
  }

  private wakeAt(): number {
    let at = this.pingSentAt !== undefined ? this.pingSentAt + this.timing.timeoutMs : this.nextPingAt;
    for (const request of this.requests.values()) {
      if (!request.probed) at = Math.min(at, request.startedAt + this.timing.slowRequestMs);
    }
    return at;
  }
}

/** The clock and timer the watchdog runs on: the real ones in the extension, a fake one in tests. */
export interface Timers {
  now(): number;
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const systemTimers: Timers = {
  now: () => Date.now(),
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export interface WatchdogHost {
  /** Sends the no-op request; settles when the server answers (either way). */
  ping(): Promise<unknown>;
  /** The server stopped answering: stop it so that it gets restarted. */
  hung(): void;
}

/** Runs a HangDetector on real (or fake) timers with one timer at a time; knows nothing of VS Code. */
export class Watchdog {
  private readonly detector: HangDetector;
  private timer: unknown;
  /** Bumped on every start and stop, so that the answer to a ping sent to an earlier server is ignored. */
  private generation = 0;

  constructor(private readonly host: WatchdogHost, private readonly timers: Timers = systemTimers, timing: WatchdogTiming = DEFAULT_WATCHDOG_TIMING) {
    this.detector = new HangDetector(timing);
  }

  serverStarted(): void {
    this.generation++;
    this.detector.serverStarted(this.timers.now());
    this.run();
  }

  serverStopped(): void {
    this.generation++;
    this.detector.serverStopped();
    this.cancelTimer();
  }

  /** Watches a request to the server: while it is pending too long, the server gets pinged. Returns the request itself. */
  track<T>(request: Promise<T>): Promise<T> {
    const id = this.detector.requestStarted(this.timers.now());
    const settle = () => {
      this.detector.requestSettled(id);
    };
    request.then(settle, settle);
    this.run();
    return request;
  }

  dispose(): void {
    this.serverStopped();
  }

  private run(): void {
    this.cancelTimer();
    const step = this.detector.step(this.timers.now());
    if (step.hung) {
      this.host.hung();
      return;
    }
    if (step.ping) {
      const generation = this.generation;
      const answered = () => {
        if (generation !== this.generation) return;
        this.detector.pingAnswered(this.timers.now());
        this.run();
      };
      this.host.ping().then(answered, answered);
    }
    if (step.wakeAt !== undefined) this.timer = this.timers.setTimeout(() => this.run(), Math.max(0, step.wakeAt - this.timers.now()));
  }

  private cancelTimer(): void {
    if (this.timer !== undefined) this.timers.clearTimeout(this.timer);
    this.timer = undefined;
  }
}
