/** One line per finding, `file:line:col: severity: message [rule]`: what editors' problem matchers and grep expect. */
import type { Report } from '../report';
import { oneLine, summaryLine } from './stylish';
import type { Style } from '../terminalStyle';

export function renderCompact(report: Report, style: Style): string {
  const out: string[] = [];
  for (const file of report.files) {
    for (const i of file.items) out.push(`${file.path}:${i.line}:${i.column}: ${i.severity}: ${oneLine(i.message)} [${i.rule}]`);
  }
  out.push(summaryLine(report, style));
  return out.join('\n') + '\n';
}
