import * as assert from 'assert';
import * as fc from 'fast-check';
import { FrameChecker, MAX_HEADER_BYTES } from '../../../server/src/lsp/protocolGuard';

const frame = (body: string) => `Content-Length: ${Buffer.byteLength(body)}\r\nContent-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n${body}`;

/** Feeds the bytes cut at the given points; the first problem reported, if any. */
function check(bytes: Buffer, cuts: number[]): string | undefined {
  const checker = new FrameChecker();
  let from = 0;
  for (const cut of [...cuts.filter((c) => c > 0 && c < bytes.length)].sort((a, b) => a - b).concat(bytes.length)) {
    const problem = checker.push(bytes.subarray(from, cut));
    if (problem) return problem;
    from = cut;
  }
  return undefined;
}

describe('lsp/protocolGuard: the framing check', () => {
  it('accepts any stream of valid frames, however it is cut into chunks', () => {
    fc.assert(fc.property(
      fc.array(fc.string({ maxLength: 60 }).map((s) => JSON.stringify({ jsonrpc: '2.0', method: 'x', params: s + '\r\n\r\nContent-Length: -1\r\n\r\n' })), { minLength: 1, maxLength: 6 }),
      fc.array(fc.nat(2000), { maxLength: 12 }),
      (bodies, cuts) => {
        const bytes = Buffer.from(bodies.map(frame).join(''));
        assert.strictEqual(check(bytes, cuts), undefined);
      },
    ), { numRuns: 500 });
  });

  it('reports the first unusable header, however the stream is cut', () => {
    fc.assert(fc.property(
      fc.constantFrom('Content-Length: -3', 'Content-Length: 1e3', 'Content-Length:', 'Content-Type: x', 'Content-Length: 999999999999', 'garbage'),
      fc.array(fc.nat(400), { maxLength: 8 }),
      (header, cuts) => {
        const bytes = Buffer.from(frame('{"jsonrpc":"2.0","method":"a"}') + `${header}\r\n\r\n{}`);
        assert.ok(check(bytes, cuts));
      },
    ), { numRuns: 300 });
  });

  it('stops reading a header that never ends, after a bounded number of bytes', () => {
    const checker = new FrameChecker();
    let problem: string | undefined;
    let fed = 0;
    const chunk = Buffer.alloc(4096, 'a');
    while (!problem && fed < 10 * MAX_HEADER_BYTES) {
      problem = checker.push(chunk);
      fed += chunk.length;
    }
    assert.match(problem ?? '', /header longer than/);
    assert.ok(fed <= MAX_HEADER_BYTES + chunk.length);
  });

  it('accepts an empty body and a body that ends exactly at a chunk boundary', () => {
    const bytes = Buffer.from('Content-Length: 0\r\n\r\n' + frame('{}'));
    for (let cut = 0; cut <= bytes.length; cut++) assert.strictEqual(check(bytes, [cut]), undefined);
  });
});
