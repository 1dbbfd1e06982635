import * as assert from 'assert';
import { CancellationTokenSource, LSPErrorCodes, ResponseError } from 'vscode-languageserver';
import { guard } from '../../../server/src/lsp/languageServer';
import type { ServerContext } from '../../../server/src/lsp/serverContext';

/** Just enough of a server context for `guard`: it only logs. */
function fakeContext(errors: string[]): ServerContext {
  return { connection: { console: { error: (m: string) => errors.push(m) } } } as unknown as ServerContext;
}

describe('lsp/guard: exceptions and cancellation', () => {
  const errors: string[] = [];
  const ctx = fakeContext(errors);

  it('answers a request cancelled while queued as cancelled, without running it', async () => {
    const source = new CancellationTokenSource();
    source.cancel();
    let ran = false;
    const answer = await guard(ctx, 'hover', null, () => { ran = true; return 'result'; })({}, source.token);
    assert.ok(answer instanceof ResponseError);
    assert.strictEqual(answer.code, LSPErrorCodes.RequestCancelled);
    assert.strictEqual(ran, false);
  });

  it('answers a request cancelled while it ran as cancelled, not with a stale result', async () => {
    const source = new CancellationTokenSource();
    const answer = await guard(ctx, 'hover', null, async (_p, token) => {
      source.cancel();
      assert.strictEqual(token.isCancellationRequested, true, 'the handler sees the cancellation');
      return 'stale';
    })({}, source.token);
    assert.strictEqual((answer as ResponseError<never>).code, LSPErrorCodes.RequestCancelled);
  });

  it('answers the result, or the fallback when the handler throws, and logs the error', async () => {
    assert.strictEqual(await guard(ctx, 'hover', null, () => 'result')({}), 'result');
    assert.deepStrictEqual(await guard(ctx, 'symbols', [], () => { throw new Error('boom'); })({}), []);
    assert.match(errors.at(-1)!, /^symbols failed: Error: boom/);
  });
});
