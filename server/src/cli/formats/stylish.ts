/** The human format, in the manner of ESLint's "stylish": findings grouped by file, aligned, with links. */
import type { Severity } from '../../corpus/model';
import { countBySeverity, type Report } from '../report';
import { terminalSafe, type Style } from '../terminalStyle';

/** Labels as printed; `information` is shortened so columns stay narrow. */
export const SEVERITY_LABEL: Record<Severity, string> = { error: 'error', warning: 'warning', information: 'info', hint: 'hint' };
const SEVERITY_COLOR: Record<Severity, keyof Style> = { error: 'red', warning: 'yellow', information: 'blue', hint: 'dim' };
/** Messages longer than this do not widen the column for the others. */
const MAX_MESSAGE_PAD = 90;

export function renderStylish(report: Report, style: Style): string {
  const out: string[] = [];
  for (const file of report.files) {
    if (!file.items.length) continue;
    out.push(style.underline(terminalSafe(file.path)));
    const positions = file.items.map((i) => `${i.line}:${i.column}`);
    const posWidth = Math.max(...positions.map((p) => p.length));
    const sevWidth = Math.max(...file.items.map((i) => SEVERITY_LABEL[i.severity].length));
    const messages = file.items.map((i) => terminalSafe(oneLine(i.message)));
    const msgWidth = Math.min(MAX_MESSAGE_PAD, Math.max(...messages.map((m) => m.length)));
    file.items.forEach((item, n) => {
      const severity = style[SEVERITY_COLOR[item.severity]](SEVERITY_LABEL[item.severity].padEnd(sevWidth));
      const link = item.href ? `  ${style.dim(terminalSafe(item.href))}` : '';
      out.push(`  ${style.dim(positions[n].padStart(posWidth))}  ${severity}  ${messages[n].padEnd(msgWidth)}  ${style.dim(terminalSafe(item.rule))}${link}`);
    });
    out.push('');
  }
  out.push(summaryLine(report, style));
  return out.join('\n') + '\n';
}

/** `✖ 3 problems (1 error, 2 warnings) in 12 files` or `✔ No problems in 12 files`. */
export function summaryLine(report: Report, style: Style): string {
  const counts = countBySeverity(report);
  const total = counts.error + counts.warning + counts.information + counts.hint;
  const files = `${report.checked} file${report.checked === 1 ? '' : 's'}`;
  if (!total) return style.green(`✔ No problems in ${files}`);
  const parts = [plural(counts.error, 'error'), plural(counts.warning, 'warning')];
  if (counts.information) parts.push(plural(counts.information, 'info'));
  if (counts.hint) parts.push(plural(counts.hint, 'hint'));
  const line = `✖ ${plural(total, 'problem')} (${parts.join(', ')}) in ${files}`;
  return style.bold(counts.error ? style.red(line) : style.yellow(line));
}

/** Keeps one finding on one line: corpus messages may span several. */
export function oneLine(message: string): string {
  return message.replace(/\s*\r?\n\s*/g, ' ');
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 || word === 'info' ? '' : 's'}`;
}
