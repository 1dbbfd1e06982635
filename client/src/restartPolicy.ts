/** Decides whether the client restarts a server that went away (crashed, or killed by the watchdog) and what the user is told. */

/** Why the server went away: it exited by itself, or the watchdog killed it because it stopped answering. */
export type StopCause = 'crashed' | 'hung';

export interface RestartLimit {
  /** Restarts allowed within the window; one more stop in it and the client gives up. */
  maxRestarts: number;
  windowMs: number;
}

/** The language client's own default: five stops within three minutes and the server stays down. */
export const DEFAULT_RESTART_LIMIT: RestartLimit = { maxRestarts: 4, windowMs: 3 * 60 * 1000 };

/** Told once per cause and session: later restarts for the same reason only go to the output. */
const RESTARTED: Record<StopCause, string> = {
  crashed: 'API Guidelines: the language server stopped unexpectedly and was restarted.',
  hung: 'API Guidelines: the language server stopped answering and was restarted.',
};

export interface RestartDecision {
  restart: boolean;
  cause: StopCause;
  /** For the user (a notification); absent when they already heard about this cause. */
  notify?: string;
  /** For the output channel, every time. */
  log: string;
}

export class RestartPolicy {
  private stops: number[] = [];
  private readonly told = new Set<StopCause>();
  private hangPending = false;

  constructor(private readonly limit: RestartLimit = DEFAULT_RESTART_LIMIT) {}

  /** The watchdog is about to kill the server: the stop that follows is a hang, not a crash. */
  serverHung(): void {
    this.hangPending = true;
  }

  /** The connection to the server closed without the client asking for it: restart it, and tell the user? */
  serverStopped(now: number): RestartDecision {
    const cause: StopCause = this.hangPending ? 'hung' : 'crashed';
    this.hangPending = false;
    this.stops = this.stops.filter((t) => now - t < this.limit.windowMs);
    this.stops.push(now);
    if (this.stops.length > this.limit.maxRestarts) {
      // A later start (trust granted, window reloaded) counts afresh.
      const count = this.stops.length;
      this.stops = [];
      const message = `API Guidelines: the language server stopped ${count} times in ${describeWindow(this.limit.windowMs)} and was not restarted. `
        + 'Reload the window to start it again.';
      return { restart: false, cause, notify: message, log: message };
    }
    const log = `The language server ${cause === 'hung' ? 'stopped answering and was killed' : 'stopped unexpectedly'}; `
      + `restarting it (${this.stops.length} of ${this.limit.maxRestarts} restarts in ${describeWindow(this.limit.windowMs)}).`;
    if (this.told.has(cause)) return { restart: true, cause, log };
    this.told.add(cause);
    return { restart: true, cause, notify: RESTARTED[cause], log };
  }
}

function describeWindow(ms: number): string {
  const minutes = ms / 60000;
  if (Number.isInteger(minutes)) return minutes === 1 ? '1 minute' : `${minutes} minutes`;
  return `${Math.round(ms / 1000)} seconds`;
}
