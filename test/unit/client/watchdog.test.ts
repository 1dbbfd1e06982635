import * as assert from 'assert';
import { DEFAULT_WATCHDOG_TIMING, HangDetector, Watchdog, type Timers, type WatchdogTiming } from '../../../client/src/watchdog';

const TIMING: WatchdogTiming = { intervalMs: 30000, timeoutMs: 10000, slowRequestMs: 3000, misses: 2 };

/** A clock that moves only when told to, running due callbacks in time order. */
class FakeTimers implements Timers {
  private clock = 0;
  private readonly pending = new Map<number, { at: number; callback: () => void }>();
  private lastHandle = 0;

  now(): number {
    return this.clock;
  }

  setTimeout(callback: () => void, ms: number): unknown {
    this.pending.set(++this.lastHandle, { at: this.clock + ms, callback });
    return this.lastHandle;
  }

  clearTimeout(handle: unknown): void {
    this.pending.delete(handle as number);
  }

  get timers(): number {
    return this.pending.size;
  }

  /** Moves the clock forward, firing every timer that falls due on the way (also ones set by those timers). */
  async advance(ms: number): Promise<void> {
    const end = this.clock + ms;
    for (;;) {
      await settle();
      const next = [...this.pending].sort((a, b) => a[1].at - b[1].at)[0];
      if (!next || next[1].at > end) break;
      this.pending.delete(next[0]);
      this.clock = next[1].at;
      next[1].callback();
    }
    this.clock = end;
    await settle();
  }
}

/** Lets promise callbacks (ping answers, settled requests) run. */
const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

/** A server whose pings the test answers, or leaves unanswered while it is hung. */
class FakeServer {
  hungReports = 0;
  answering = true;
  readonly pings: number[] = [];
  private readonly unanswered: (() => void)[] = [];

  constructor(private readonly timers: FakeTimers) {}

  readonly host = {
    ping: () => {
      this.pings.push(this.timers.now());
      if (this.answering) return Promise.resolve(null);
      return new Promise((resolve) => this.unanswered.push(() => resolve(null)));
    },
    hung: () => {
      this.hungReports++;
    },
  };

  /** The oldest unanswered ping gets its answer (from a server since replaced, say). */
  answerOldest(): void {
    this.unanswered.shift()?.();
  }

  /** The server wakes up and answers what it was sent. */
  answerLate(): void {
    this.answering = true;
    for (const answer of this.unanswered.splice(0)) answer();
  }
}

describe('client/watchdog: HangDetector', () => {
  it('pings every interval while answers come, and stays idle while stopped', () => {
    const d = new HangDetector(TIMING);
    assert.deepStrictEqual(d.step(0), { ping: false, hung: false });
    d.serverStarted(1000);
    assert.deepStrictEqual(d.step(1000), { ping: false, hung: false, wakeAt: 31000 });
    assert.deepStrictEqual(d.step(31000), { ping: true, hung: false, wakeAt: 41000 });
    d.pingAnswered(31005);
    assert.deepStrictEqual(d.step(31005), { ping: false, hung: false, wakeAt: 61005 });
    d.serverStopped();
    assert.deepStrictEqual(d.step(100000), { ping: false, hung: false });
  });

  it('declares a hang after two consecutive misses, pinging again right after the first', () => {
    const d = new HangDetector(TIMING);
    d.serverStarted(0);
    assert.strictEqual(d.step(30000).ping, true);
    assert.deepStrictEqual(d.step(39999), { ping: false, hung: false, wakeAt: 40000 });
    assert.deepStrictEqual(d.step(40000), { ping: true, hung: false, wakeAt: 50000 });
    assert.deepStrictEqual(d.step(50000), { ping: false, hung: true });
    // Idle until the restarted server runs.
    assert.deepStrictEqual(d.step(90000), { ping: false, hung: false });
    d.serverStarted(95000);
    assert.deepStrictEqual(d.step(95000), { ping: false, hung: false, wakeAt: 125000 });
  });

  it('takes any answer, even a late one, as a sign of life: misses must be consecutive', () => {
    const d = new HangDetector(TIMING);
    d.serverStarted(0);
    d.step(30000);
    assert.strictEqual(d.step(40000).ping, true);
    d.pingAnswered(41000);
    assert.deepStrictEqual(d.step(41000), { ping: false, hung: false, wakeAt: 71000 });
    assert.strictEqual(d.step(71000).ping, true);
    assert.deepStrictEqual(d.step(81000), { ping: true, hung: false, wakeAt: 91000 });
    assert.strictEqual(d.step(91000).hung, true);
    assert.strictEqual(DEFAULT_WATCHDOG_TIMING.misses, 2);
  });

  it('pings early, once per request, when a request stays pending', () => {
    const d = new HangDetector(TIMING);
    d.serverStarted(0);
    const slow = d.requestStarted(5000);
    d.requestSettled(d.requestStarted(5500));
    assert.deepStrictEqual(d.step(5500), { ping: false, hung: false, wakeAt: 8000 });
    assert.deepStrictEqual(d.step(8000), { ping: true, hung: false, wakeAt: 18000 });
    d.pingAnswered(8010);
    // The same slow request does not ping again; the interval resumes from the answer.
    assert.deepStrictEqual(d.step(9000), { ping: false, hung: false, wakeAt: 38010 });
    // A second slow request while a ping is out waits for that ping instead of sending another.
    d.requestStarted(36000);
    assert.strictEqual(d.step(38010).ping, true);
    assert.deepStrictEqual(d.step(39000), { ping: false, hung: false, wakeAt: 48010 });
    d.requestSettled(slow);
  });

  it('ignores requests made while the server is not running', () => {
    const d = new HangDetector(TIMING);
    d.requestStarted(0);
    d.serverStarted(1000);
    assert.deepStrictEqual(d.step(5000), { ping: false, hung: false, wakeAt: 31000 });
    d.requestStarted(6000);
    d.serverStopped();
    d.serverStarted(7000);
    assert.deepStrictEqual(d.step(10000), { ping: false, hung: false, wakeAt: 37000 });
  });
});

/** A watchdog on a fake clock, over a server that answers until told otherwise, started at time 0. */
function startWatchdog() {
  const timers = new FakeTimers();
  const server = new FakeServer(timers);
  const w = new Watchdog(server.host, timers, TIMING);
  w.serverStarted();
  return { timers, server, w };
}

describe('client/watchdog: Watchdog on a fake clock', () => {
  it('keeps a healthy server: one ping per interval, one timer at a time', async () => {
    const { timers, server, w } = startWatchdog();
    await timers.advance(5 * 60000);
    assert.deepStrictEqual(server.pings, [30000, 60000, 90000, 120000, 150000, 180000, 210000, 240000, 270000, 300000]);
    // Requests answered quickly cost no ping.
    assert.strictEqual(await w.track(Promise.resolve('hover')), 'hover');
    await timers.advance(29999);
    assert.strictEqual(server.pings.length, 10);
    assert.strictEqual(server.hungReports, 0);
    assert.strictEqual(timers.timers, 1);
    w.serverStopped();
    assert.strictEqual(timers.timers, 0);
  });

  it('reports a server that stops answering once, 20 s after the first unanswered ping', async () => {
    const { timers, server, w } = startWatchdog();
    await timers.advance(30000);
    server.answering = false;
    await timers.advance(30000 + 19999);
    assert.strictEqual(server.hungReports, 0);
    await timers.advance(1);
    assert.deepStrictEqual([server.hungReports, server.pings], [1, [30000, 60000, 70000]]);
    // Idle until the client says the new server runs.
    await timers.advance(10 * 60000);
    assert.deepStrictEqual([server.hungReports, server.pings.length, timers.timers], [1, 3, 0]);
    server.answering = true;
    w.serverStarted();
    await timers.advance(30000);
    assert.deepStrictEqual(server.pings.slice(3), [80000 + 10 * 60000 + 30000]);
  });

  it('notices a hang while the user waits on a request, without waiting for the interval', async () => {
    const { timers, server, w } = startWatchdog();
    await timers.advance(1000);
    server.answering = false;
    const hover = new Promise(() => undefined);
    assert.strictEqual(w.track(hover), hover);
    await timers.advance(3000 + 19999);
    assert.strictEqual(server.hungReports, 0);
    await timers.advance(1);
    assert.deepStrictEqual([server.hungReports, server.pings], [1, [4000, 14000]]);
  });

  it('lets a busy server that answers late live on', async () => {
    const { timers, server } = startWatchdog();
    server.answering = false;
    await timers.advance(30000 + 15000);
    server.answerLate();
    await timers.advance(60000);
    assert.strictEqual(server.hungReports, 0);
    assert.deepStrictEqual(server.pings, [30000, 40000, 75000, 105000]);
  });

  it('ignores the answer to a ping sent to the server before a restart', async () => {
    const { timers, server, w } = startWatchdog();
    server.answering = false;
    await timers.advance(35000);
    w.serverStopped();
    w.serverStarted();
    await timers.advance(30000);
    // The old server's late answer must not count for the new one's unanswered ping.
    server.answerOldest();
    await timers.advance(20000);
    assert.deepStrictEqual([server.hungReports, server.pings], [1, [30000, 65000, 75000]]);
  });
});
