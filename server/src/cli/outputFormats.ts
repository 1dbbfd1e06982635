/** The output formats by name: each renders a whole report to one string. */
import type { OptionSpec } from './args';
import { SEVERITIES, type Report } from './report';
import type { Style } from './terminalStyle';
import type { ToolInfo } from './formats/sarif';
import { renderCompact } from './formats/compact';
import { renderGithubAnnotations } from './formats/githubAnnotations';
import { renderJson } from './formats/json';
import { renderSarif } from './formats/sarif';
import { renderStylish } from './formats/stylish';

export interface RenderContext {
  style: Style;
  tool: ToolInfo;
}

export const OUTPUT_FORMATS = {
  text: (r: Report, c: RenderContext) => renderStylish(r, c.style),
  compact: (r: Report, c: RenderContext) => renderCompact(r, c.style),
  json: (r: Report) => renderJson(r),
  sarif: (r: Report, c: RenderContext) => renderSarif(r, c.tool),
  github: (r: Report) => renderGithubAnnotations(r),
} satisfies Record<string, (r: Report, c: RenderContext) => string>;

export type OutputFormat = keyof typeof OUTPUT_FORMATS;
export const FORMAT_NAMES = Object.keys(OUTPUT_FORMATS) as OutputFormat[];

/** Formats that are read by programs: notes go into the document, not to stderr. */
export function isMachineFormat(format: OutputFormat): boolean {
  return format === 'json' || format === 'sarif';
}

/** The options of commands that write a report (`check`, `validate`). */
export function reportOptions(defaultFormat: OutputFormat, finding: string): OptionSpec[] {
  return [
    { name: 'format', short: 'f', kind: 'value', arg: 'FORMAT', choices: FORMAT_NAMES, help: `Output format (default: ${defaultFormat})` },
    { name: 'output', short: 'o', kind: 'value', arg: 'FILE', help: 'Write the report to FILE instead of stdout' },
    { name: 'max-severity', kind: 'value', arg: 'LEVEL', choices: SEVERITIES, help: `Exit with 1 when a ${finding} at or above LEVEL is found (default: error)` },
  ];
}
