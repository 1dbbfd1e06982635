/** Converts character offsets of one text into line/character positions. */
import type { SourcePos, SourceRange } from './model';

/**
 * Line starts are found as far as positions are asked for: a corpus page asks about its front
 * matter only, so its body is never scanned.
 */
export class LineMap {
  private readonly starts: number[] = [0];
  /** Offset from which the text has not been scanned for line breaks yet (text.length + 1 when done). */
  private scanned = 0;

  constructor(readonly text: string) {}

  /** Scans on until the line holding `offset` and the start of line `line` are known. */
  private scan(offset: number, line = 0): void {
    const { text, starts } = this;
    while (this.scanned <= text.length && (this.scanned <= offset || starts.length <= line)) {
      const i = text.indexOf('\n', this.scanned);
      if (i === -1) {
        this.scanned = text.length + 1;
      } else {
        starts.push(i + 1);
        this.scanned = i + 1;
      }
    }
  }

  pos(offset: number): SourcePos {
    const o = Math.max(0, Math.min(offset, this.text.length));
    this.scan(o);
    const starts = this.starts;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= o) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo, character: o - starts[lo], offset: o };
  }

  range(start: number, end: number): SourceRange {
    return { start: this.pos(start), end: this.pos(Math.max(start, end)) };
  }

  /** The range of a whole line (without its line break). */
  lineRange(line: number): SourceRange {
    this.scan(0, line);
    const start = this.starts[Math.min(line, this.starts.length - 1)];
    let end = this.text.indexOf('\n', start);
    if (end === -1) end = this.text.length;
    if (end > start && this.text[end - 1] === '\r') end--;
    return this.range(start, end);
  }
}
