/** GitHub Actions workflow commands: each finding becomes an annotation on the pull request's diff. */
import type { Severity } from '../../corpus/model';
import type { Report } from '../report';
import { terminalSafe } from '../terminalStyle';

const COMMAND: Record<Severity, string> = { error: 'error', warning: 'warning', information: 'notice', hint: 'notice' };

/** Escapes the message part of a workflow command; other control characters are shown as escapes, never sent raw. */
export function escapeData(s: string): string {
  return terminalSafe(s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A'));
}

/** Escapes a property value (`file=…`, `title=…`): also `:` and `,`, which separate properties. */
export function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export function renderGithubAnnotations(report: Report): string {
  const out: string[] = [];
  for (const file of report.files) {
    for (const i of file.items) {
      const props = [
        `file=${escapeProperty(file.path)}`, `line=${i.line}`, `col=${i.column}`,
        `endLine=${i.endLine}`, `endColumn=${i.endColumn}`, `title=${escapeProperty(`api-guidelines: ${i.rule}`)}`,
      ];
      const message = i.href ? `${i.message} (${i.href})` : i.message;
      out.push(`::${COMMAND[i.severity]} ${props.join(',')}::${escapeData(message)}`);
    }
  }
  return out.length ? out.join('\n') + '\n' : '';
}
