/** What `check` and `validate` produce, in one shape every output format renders. */
import type { LineMap } from '../corpus/lineMap';
import type { Severity, SourceRange } from '../corpus/model';

export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'information', 'hint'];

/** Higher is more severe. */
export const SEVERITY_RANK: Record<Severity, number> = { hint: 0, information: 1, warning: 2, error: 3 };

export interface ReportItem {
  rule: string;
  severity: Severity;
  message: string;
  /** 1-based line and column (UTF-16 code units, as editors and SARIF count). */
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  href?: string;
  topicId?: string;
  prefer?: string[];
}

export interface ReportFile {
  /** As shown: relative to the working folder, `/`-separated. */
  path: string;
  absolute: string;
  items: ReportItem[];
}

export interface RuleInfo {
  id: string;
  /** Severity when the settings leave the rule alone. */
  severity: Severity;
  description: string;
  helpUri?: string;
  /** False when the settings turn the rule off. */
  enabled?: boolean;
}

export interface ReportNote {
  path: string;
  message: string;
}

export interface Report {
  /** The working folder: SARIF's %SRCROOT%. */
  root: string;
  files: ReportFile[];
  /** Files left out with a reason (binary, too big, ...). */
  notes: ReportNote[];
  /** Metadata of every rule that can appear (SARIF's rule table). */
  rules: RuleInfo[];
  /** Files read and checked. */
  checked: number;
}

/** The 1-based position fields of an item from a 0-based range. */
export function itemPosition(range: SourceRange): Pick<ReportItem, 'line' | 'column' | 'endLine' | 'endColumn'> {
  return {
    line: range.start.line + 1,
    column: range.start.character + 1,
    endLine: range.end.line + 1,
    endColumn: range.end.character + 1,
  };
}

export function offsetsPosition(lines: LineMap, start: number, end: number): Pick<ReportItem, 'line' | 'column' | 'endLine' | 'endColumn'> {
  return itemPosition(lines.range(start, end));
}

export function countBySeverity(report: Report): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, information: 0, hint: 0 };
  for (const f of report.files) for (const i of f.items) counts[i.severity]++;
  return counts;
}

/** Whether anything at or above `threshold` was found (exit code 1). */
export function reachesSeverity(report: Report, threshold: Severity): boolean {
  return report.files.some((f) => f.items.some((i) => SEVERITY_RANK[i.severity] >= SEVERITY_RANK[threshold]));
}

/** Sorts files by path and items by position, so every format is stable. */
export function sortReport(report: Report): Report {
  report.files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  for (const f of report.files) f.items.sort((a, b) => a.line - b.line || a.column - b.column || a.rule.localeCompare(b.rule));
  return report;
}
