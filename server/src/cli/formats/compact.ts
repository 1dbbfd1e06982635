/**
 * One line per finding, `file:line:col: severity: message [rule]`: what editors' problem matchers and grep expect.
 * A newline or other control character in a file name or message is escaped, so each finding stays one line.
 */
import type { Report } from '../report';
import { oneLine, summaryLine } from './stylish';
import { terminalSafe, type Style } from '../terminalStyle';

export function renderCompact(report: Report, style: Style): string {
  const out: string[] = [];
  for (const file of report.files) {
    const shown = terminalSafe(file.path);
    for (const i of file.items) out.push(`${shown}:${i.line}:${i.column}: ${i.severity}: ${terminalSafe(oneLine(i.message))} [${terminalSafe(i.rule)}]`);
  }
  out.push(summaryLine(report, style));
  return out.join('\n') + '\n';
}
