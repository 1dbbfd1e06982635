/** Conversions from the pure core's types to LSP types. */
import { DiagnosticSeverity, type Range } from 'vscode-languageserver';
import type { Severity, SourceRange } from '../corpus/model';

export function toLspRange(r: SourceRange): Range {
  return { start: { line: r.start.line, character: r.start.character }, end: { line: r.end.line, character: r.end.character } };
}

export function toLspSeverity(s: Severity): DiagnosticSeverity {
  switch (s) {
    case 'error': return DiagnosticSeverity.Error;
    case 'warning': return DiagnosticSeverity.Warning;
    case 'information': return DiagnosticSeverity.Information;
    case 'hint': return DiagnosticSeverity.Hint;
  }
}
