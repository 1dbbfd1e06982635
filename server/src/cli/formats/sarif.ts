/** SARIF 2.1.0, the format code-scanning services (GitHub, Azure DevOps) import. */
import * as path from 'path';
import { pathToFileURL } from 'url';
import type { Severity } from '../../corpus/model';
import { encodeUriSegment, hasRawBytes } from '../../node/rawPath';
import type { Report, RuleInfo } from '../report';

export const SARIF_SCHEMA_URI = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/os/schemas/sarif-schema-2.1.0.json';
const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };
const SRCROOT = '%SRCROOT%';

export interface ToolInfo {
  name: string;
  version: string;
  informationUri?: string;
}

export function renderSarif(report: Report, tool: ToolInfo): string {
  const rules: RuleInfo[] = [...report.rules];
  const ruleIndex = new Map(rules.map((r, i) => [r.id, i]));
  const indexOf = (id: string, severity: Severity): number => {
    let i = ruleIndex.get(id);
    if (i === undefined) {
      i = rules.push({ id, severity, description: id }) - 1;
      ruleIndex.set(id, i);
    }
    return i;
  };
  const results = report.files.flatMap((file) => file.items.map((item) => ({
    ruleId: item.rule,
    ruleIndex: indexOf(item.rule, item.severity),
    level: LEVEL[item.severity],
    message: { text: item.message },
    locations: [{
      physicalLocation: {
        artifactLocation: artifact(report.root, file.absolute),
        region: { startLine: item.line, startColumn: item.column, endLine: item.endLine, endColumn: item.endColumn },
      },
    }],
    ...(item.href || item.topicId || item.prefer ? { properties: compact({ href: item.href, topicId: item.topicId, prefer: item.prefer }) } : {}),
  })));
  const notifications = report.notes.map((n) => ({
    level: 'note' as const,
    message: { text: n.message },
    locations: [{ physicalLocation: { artifactLocation: artifact(report.root, n.path) } }],
  }));
  const log = {
    $schema: SARIF_SCHEMA_URI,
    version: '2.1.0',
    runs: [{
      tool: {
        driver: {
          name: tool.name,
          version: tool.version,
          ...(tool.informationUri ? { informationUri: tool.informationUri } : {}),
          rules: rules.map((r) => ({
            id: r.id,
            shortDescription: { text: r.description },
            ...(r.helpUri ? { helpUri: r.helpUri } : {}),
            defaultConfiguration: { level: LEVEL[r.severity], ...(r.enabled === false ? { enabled: false } : {}) },
          })),
        },
      },
      originalUriBaseIds: { [SRCROOT]: { uri: pathToFileURL(report.root + path.sep).href } },
      invocations: [{ executionSuccessful: true, ...(notifications.length ? { toolExecutionNotifications: notifications } : {}) }],
      columnKind: 'utf16CodeUnits',
      results,
    }],
  };
  return JSON.stringify(log, null, 2) + '\n';
}

/** A location relative to %SRCROOT% when the file is inside it, else an absolute file URI. */
function artifact(root: string, file: string): { uri: string; uriBaseId?: string } {
  const rel = path.relative(root, file);
  if (!rel || rel.startsWith('..') || path.isAbsolute(rel)) return { uri: fileUri(file) };
  return { uri: rel.split(path.sep).map(encodeUriSegment).join('/'), uriBaseId: SRCROOT };
}

/** A file URI; a name that is not UTF-8 keeps its bytes (`%FF`), which `pathToFileURL` would turn into U+FFFD. */
function fileUri(file: string): string {
  if (!hasRawBytes(file) || path.sep !== '/') return pathToFileURL(file).href;
  return `file://${file.split('/').map(encodeUriSegment).join('/')}`;
}

function compact<T extends Record<string, unknown>>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
