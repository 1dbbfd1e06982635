/** Diagnostics over LSP: pulled (textDocument/diagnostic, refreshed when corpus or settings change), pushed only to clients that cannot pull. */
import * as path from 'path';
import {
  DiagnosticTag,
  DocumentDiagnosticReportKind,
  type Diagnostic,
  type DocumentDiagnosticParams,
  type DocumentDiagnosticReport,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { corpusFileKind } from '../corpus/corpusSet';
import type { CorpusProblem } from '../corpus/model';
import { diagnose, diagnosesLanguage, isExcluded, RULE_BY_ID } from '../features/diagnostics';
import type { Finding } from '../features/finding';
import { hasCorpusFrontMatter, isWebUrl } from '../corpus/topicPage';
import { plainText } from '../features/markdown';
import type { ApiGuidelinesSettings } from '../settings';
import { isMarkdownDocument } from './authoringHandlers';
import { toLspRange, toLspSeverity } from './convert';
import { addFeature, guard } from './languageServer';
import { languageOf, uriToPath, type ServerContext } from './serverContext';

export const DIAGNOSTIC_SOURCE = 'api-guidelines';
/** Quiet time after the last keystroke (push) or corpus change (refresh) before diagnostics are recomputed. */
const DEBOUNCE_MS = 150;

/** Findings for a source document, or none when diagnostics are off for it (setting, language, exclusion). */
export async function documentFindings(ctx: ServerContext, doc: TextDocument, settings?: ApiGuidelinesSettings): Promise<Finding[]> {
  settings ??= await ctx.settings(doc.uri);
  // Prose and disabled languages are not even scanned.
  if (!diagnosesLanguage(settings.diagnostics, languageOf(doc)) || excluded(ctx, doc.uri, settings)) return [];
  const roots = await ctx.corpusRoots(doc.uri);
  return diagnose({
    text: doc.getText(),
    languageId: languageOf(doc),
    tokens: ctx.tokens(doc),
    index: await ctx.index(doc.uri),
    settings: settings.diagnostics,
    builtinOnly: settings.corpus.builtin && roots.length === 1,
    path: uriToPath(doc.uri),
    topicLink: (t) => ctx.topicLink(t),
    follow: settings.guidelines.follow,
  });
}

/** Everything reported for a document: corpus validation for corpus pages, findings for everything else. */
export async function documentDiagnostics(ctx: ServerContext, doc: TextDocument): Promise<Diagnostic[]> {
  const settings = await ctx.settings(doc.uri);
  if (!settings.diagnostics.enable || excluded(ctx, doc.uri, settings)) return [];
  const problems = await corpusPageProblems(ctx, doc);
  if (problems) return problems.map(problemToDiagnostic);
  return (await documentFindings(ctx, doc, settings)).map((f) => findingToDiagnostic(doc, f));
}

export function findingToDiagnostic(doc: TextDocument, f: Finding): Diagnostic {
  const d: Diagnostic = {
    range: { start: doc.positionAt(f.start), end: doc.positionAt(f.end) },
    severity: toLspSeverity(f.severity),
    source: DIAGNOSTIC_SOURCE,
    code: f.rule,
    message: plainText(f.message),
  };
  // The link under the code: the topic page (a file URI) or an http(s) guideline, never another scheme.
  if (f.href && (isWebUrl(f.href) || f.href.startsWith('file:'))) d.codeDescription = { href: f.href };
  if (RULE_BY_ID.get(f.rule)?.deprecatedTag) d.tags = [DiagnosticTag.Deprecated];
  return d;
}

function problemToDiagnostic(p: CorpusProblem): Diagnostic {
  return { range: toLspRange(p.range), severity: toLspSeverity(p.severity), source: DIAGNOSTIC_SOURCE, code: p.code, message: plainText(p.message) };
}

function excluded(ctx: ServerContext, uri: string, settings: ApiGuidelinesSettings): boolean {
  const file = uriToPath(uri);
  if (!file || !settings.diagnostics.exclude.length) return false;
  const folder = ctx.folderOf(uri);
  const rel = folder ? path.relative(folder, file) : file;
  return isExcluded(rel.startsWith('..') ? file : rel, settings.diagnostics.exclude);
}

/** The corpus engine's problems when the document is a corpus page (inside a root, or an open page with topic/guideline front matter). */
async function corpusPageProblems(ctx: ServerContext, doc: TextDocument): Promise<CorpusProblem[] | undefined> {
  const file = uriToPath(doc.uri);
  const own = await ctx.corpora.corpus(await ctx.corpusRoots(doc.uri));
  if (file) {
    for (const set of await ctx.corpora.all()) {
      const root = set.rootOf(file);
      if (root === -1 || !corpusFileKind(path.relative(set.rootPaths[root], file).split(path.sep).join('/'))) continue;
      return set.index.problemsByFile.get(file) ?? [];
    }
  }
  if (!isMarkdownDocument(doc) || !hasCorpusFrontMatter(doc.getText())) return undefined;
  return own.preview(file ?? doc.uri, doc.getText())?.problems ?? [];
}

addFeature({
  register(ctx, params, result) {
    const canPull = !!params.capabilities.textDocument?.diagnostic;
    if (canPull) {
      result.capabilities.diagnosticProvider = { identifier: DIAGNOSTIC_SOURCE, interFileDependencies: false, workspaceDiagnostics: false };
      registerPull(ctx, !!params.capabilities.workspace?.diagnostics?.refreshSupport);
    } else {
      registerPush(ctx);
    }
  },
});

function registerPull(ctx: ServerContext, canRefresh: boolean): void {
  // Bumped on every corpus or settings change, so a result id never survives one.
  let generation = 0;
  let timer: NodeJS.Timeout | undefined;
  ctx.onDidChange(() => {
    generation++;
    if (!canRefresh) return;
    clearTimeout(timer);
    timer = setTimeout(() => void ctx.connection.languages.diagnostics.refresh().catch(() => undefined), DEBOUNCE_MS);
  });
  const empty: DocumentDiagnosticReport = { kind: DocumentDiagnosticReportKind.Full, items: [] };
  ctx.connection.languages.diagnostics.on(guard(ctx, 'textDocument/diagnostic', empty, async (params: DocumentDiagnosticParams): Promise<DocumentDiagnosticReport> => {
    const doc = ctx.documents.get(params.textDocument.uri);
    if (!doc) return empty;
    const resultId = `${doc.version}:${generation}`;
    if (params.previousResultId === resultId) return { kind: DocumentDiagnosticReportKind.Unchanged, resultId };
    return { kind: DocumentDiagnosticReportKind.Full, resultId, items: await documentDiagnostics(ctx, doc) };
  }));
}

function registerPush(ctx: ServerContext): void {
  const timers = new Map<string, NodeJS.Timeout>();
  // The latest run per document: an older, slower run must not overwrite a newer result.
  const runs = new Map<string, number>();
  let run = 0;
  const publish = async (uri: string) => {
    const doc = ctx.documents.get(uri);
    if (!doc) return;
    const mine = ++run;
    runs.set(uri, mine);
    let diagnostics: Diagnostic[];
    try {
      diagnostics = await documentDiagnostics(ctx, doc);
    } catch (e) {
      ctx.connection.console.error(`diagnostics failed for ${uri}: ${(e as Error).stack ?? e}`);
      return;
    }
    if (runs.get(uri) !== mine || !ctx.documents.get(uri)) return;
    void ctx.connection.sendDiagnostics({ uri, version: doc.version, diagnostics });
  };
  const schedule = (uri: string) => {
    clearTimeout(timers.get(uri));
    timers.set(uri, setTimeout(() => {
      timers.delete(uri);
      void publish(uri);
    }, DEBOUNCE_MS));
  };
  ctx.documents.onDidChangeContent((e) => schedule(e.document.uri));
  ctx.documents.onDidClose((e) => {
    clearTimeout(timers.get(e.document.uri));
    timers.delete(e.document.uri);
    runs.delete(e.document.uri);
    void ctx.connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
  });
  ctx.onDidChange(() => {
    for (const doc of ctx.documents.all()) schedule(doc.uri);
  });
}
