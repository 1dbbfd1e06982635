/** Converts character offsets of one text into line/character positions. */
import type { SourcePos, SourceRange } from './model';

export class LineMap {
  private readonly starts: number[] = [0];

  constructor(readonly text: string) {
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1);
  }

  pos(offset: number): SourcePos {
    const o = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= o) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo, character: o - this.starts[lo], offset: o };
  }

  range(start: number, end: number): SourceRange {
    return { start: this.pos(start), end: this.pos(Math.max(start, end)) };
  }

  /** The range of a whole line (without its line break). */
  lineRange(line: number): SourceRange {
    const start = this.starts[Math.min(line, this.starts.length - 1)];
    let end = this.text.indexOf('\n', start);
    if (end === -1) end = this.text.length;
    if (end > start && this.text[end - 1] === '\r') end--;
    return this.range(start, end);
  }
}
