import * as assert from 'assert';
import fc from 'fast-check';
import { LineMap } from '../../../server/src/corpus/lineMap';

/** Line and character of an offset, counted the plain way. */
function positionOf(text: string, offset: number): { line: number; character: number; offset: number } {
  const o = Math.max(0, Math.min(offset, text.length));
  const before = text.slice(0, o).split('\n');
  return { line: before.length - 1, character: before[before.length - 1].length, offset: o };
}

describe('corpus/LineMap', () => {
  it('gives the same positions and line ranges whatever order they are asked in', () => {
    const text = fc.array(fc.constantFrom('a', 'b c', '\n', '\r\n', ''), { maxLength: 40 }).map((parts) => parts.join(''));
    const query = fc.oneof(
      fc.record({ pos: fc.integer({ min: -2, max: 90 }) }),
      fc.record({ line: fc.integer({ min: 0, max: 30 }) }),
    );
    fc.assert(fc.property(text, fc.array(query, { maxLength: 12 }), (t, queries) => {
      const lines = new LineMap(t);
      for (const q of queries) {
        if ('pos' in q) {
          assert.deepStrictEqual(lines.pos(q.pos), positionOf(t, q.pos));
          continue;
        }
        const starts = [0, ...[...t.matchAll(/\n/g)].map((m) => m.index! + 1)];
        const start = starts[Math.min(q.line, starts.length - 1)];
        const end = (t.indexOf('\n', start) + 1 || t.length + 1) - 1;
        const contentEnd = end > start && t[end - 1] === '\r' ? end - 1 : end;
        assert.deepStrictEqual(lines.lineRange(q.line), { start: positionOf(t, start), end: positionOf(t, contentEnd) });
      }
    }), { numRuns: 500, seed: 7 });
  });
});
