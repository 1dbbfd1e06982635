import * as assert from 'assert';
import { DEFAULT_RESTART_LIMIT, RestartPolicy } from '../../../client/src/restartPolicy';

const MINUTE = 60000;

describe('client/restartPolicy', () => {
  it('restarts a crashed server and tells the user the first time only', () => {
    const policy = new RestartPolicy();
    const first = policy.serverStopped(0);
    assert.deepStrictEqual([first.restart, first.cause, first.notify], [true, 'crashed', 'API Guidelines: the language server stopped unexpectedly and was restarted.']);
    const second = policy.serverStopped(MINUTE);
    assert.deepStrictEqual([second.restart, second.cause, second.notify], [true, 'crashed', undefined]);
    assert.match(second.log, /stopped unexpectedly; restarting it \(2 of 4 restarts in 3 minutes\)/);
  });

  it('says a hung server was restarted, once, apart from the crash notice', () => {
    const policy = new RestartPolicy();
    assert.ok(policy.serverStopped(0).notify);
    policy.serverHung();
    const hung = policy.serverStopped(MINUTE);
    assert.deepStrictEqual([hung.restart, hung.cause, hung.notify], [true, 'hung', 'API Guidelines: the language server stopped answering and was restarted.']);
    assert.match(hung.log, /stopped answering and was killed/);
    policy.serverHung();
    assert.deepStrictEqual(policy.serverStopped(2 * MINUTE).notify, undefined);
    // The hang mark is used up: the next stop is a crash again.
    assert.strictEqual(policy.serverStopped(2 * MINUTE + 1).cause, 'crashed');
  });

  it('gives up on the fifth stop within three minutes, and says so', () => {
    assert.deepStrictEqual(DEFAULT_RESTART_LIMIT, { maxRestarts: 4, windowMs: 3 * MINUTE });
    const policy = new RestartPolicy();
    const decisions = [0, 10000, 20000, 30000, 40000].map((t) => policy.serverStopped(t));
    assert.deepStrictEqual(decisions.map((d) => d.restart), [true, true, true, true, false]);
    assert.deepStrictEqual(decisions.map((d) => !!d.notify), [true, false, false, false, true]);
    assert.strictEqual(decisions[4].notify,
      'API Guidelines: the language server stopped 5 times in 3 minutes and was not restarted. Reload the window to start it again.');
  });

  it('forgets stops older than the window', () => {
    const policy = new RestartPolicy();
    // One stop every 50 s: never five within 3 minutes.
    const decisions = Array.from({ length: 20 }, (_, i) => policy.serverStopped(i * 50000));
    assert.ok(decisions.every((d) => d.restart), decisions.map((d) => d.log).join('\n'));
    assert.match(decisions[19].log, /\(4 of 4 restarts/);
    // Four stops at the window's edge and one just inside it.
    const edge = new RestartPolicy();
    const at = [0, 1, 2, 3, 3 * MINUTE].map((t) => edge.serverStopped(t).restart);
    assert.deepStrictEqual(at, [true, true, true, true, true]);
  });

  it('counts afresh after giving up, and honours a custom limit', () => {
    const policy = new RestartPolicy({ maxRestarts: 1, windowMs: 30000 });
    assert.deepStrictEqual([0, 1000].map((t) => policy.serverStopped(t).restart), [true, false]);
    assert.match(policy.serverStopped(2000).log, /restarting it \(1 of 1 restarts in 30 seconds\)/);
    assert.match(policy.serverStopped(3000).notify ?? '', /stopped 2 times in 30 seconds and was not restarted/);
  });
});
