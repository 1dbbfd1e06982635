/** The machine format of this tool: stable field names, documented in docs/cli.md. */
import { countBySeverity, type Report } from '../report';

export const JSON_REPORT_VERSION = 1;

export function renderJson(report: Report): string {
  const doc = {
    version: JSON_REPORT_VERSION,
    root: report.root,
    files: report.files.filter((f) => f.items.length).map((f) => ({ path: f.path, findings: f.items })),
    notes: report.notes,
    summary: { checked: report.checked, ...countBySeverity(report) },
  };
  return JSON.stringify(doc, null, 2) + '\n';
}
