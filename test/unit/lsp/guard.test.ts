import * as assert from 'assert';
import { CancellationTokenSource, LSPErrorCodes, ResponseError } from 'vscode-languageserver';
import { guard } from '../../../server/src/lsp/languageServer';
import type { ServerContext } from '../../../server/src/lsp/serverContext';

/** Just enough of a server context for `guard`: a log and document versions. */
function fakeContext(errors: string[], versions: Map<string, number>): ServerContext {
  return {
    connection: { console: { error: (m: string) => errors.push(m) } },
    documents: { get: (uri: string) => (versions.has(uri) ? { version: versions.get(uri) } : undefined) },
  } as unknown as ServerContext;
}

describe('lsp/guard: exceptions and cancellation', () => {
  const errors: string[] = [];
  const versions = new Map<string, number>();
  const ctx = fakeContext(errors, versions);

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

  it('drops an answer about a document that was edited or closed meanwhile as outdated', async () => {
    const uri = 'file:///a.js';
    const params = { textDocument: { uri } };
    versions.set(uri, 1);
    const edited = await guard(ctx, 'hover', null, async () => { versions.set(uri, 2); return 'for version 1'; })(params);
    assert.strictEqual((edited as ResponseError<never>).code, LSPErrorCodes.ContentModified);
    const closed = await guard(ctx, 'hover', null, async () => { versions.delete(uri); return 'for a closed document'; })(params);
    assert.strictEqual((closed as ResponseError<never>).code, LSPErrorCodes.ContentModified);
    versions.set(uri, 3);
    assert.strictEqual(await guard(ctx, 'hover', null, async () => 'current')(params), 'current');
  });
});
