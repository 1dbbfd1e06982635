/** textDocument/codeAction: quick fixes for the findings under the cursor (replace, suppress, open the guideline). */
import { CodeActionKind, type CodeAction, type CodeActionParams, type Diagnostic } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { planCodeActions, type ActionPlan } from '../features/codeActions';
import type { Finding } from '../features/finding';
import { DIAGNOSTIC_SOURCE, documentFindings, findingToDiagnostic } from './diagnosticsFeature';
import { addFeature, guard } from './languageServer';
import { languageOf, type ServerContext } from './serverContext';

export async function onCodeAction(ctx: ServerContext, params: CodeActionParams): Promise<CodeAction[]> {
  const only = params.context.only;
  if (only && !only.some((k) => CodeActionKind.QuickFix.startsWith(k))) return [];
  const doc = ctx.documents.get(params.textDocument.uri);
  if (!doc) return [];
  const start = doc.offsetAt(params.range.start);
  const end = doc.offsetAt(params.range.end);
  const findings = (await documentFindings(ctx, doc)).filter((f) => f.start <= end && f.end >= start);
  if (!findings.length) return [];
  const index = await ctx.index(doc.uri);
  const text = doc.getText();
  const languageId = languageOf(doc);
  const preferences = (await ctx.settings(doc.uri)).guidelines;
  return findings.flatMap((finding) => {
    const diagnostic = matchingDiagnostic(doc, finding, params.context.diagnostics);
    return planCodeActions({ text, languageId, finding, index, preferences }).map((plan) => toCodeAction(doc, plan, diagnostic));
  });
}

/** The client's own diagnostic for the finding when it sent one (editors match actions to diagnostics by identity). */
function matchingDiagnostic(doc: TextDocument, f: Finding, sent: Diagnostic[]): Diagnostic {
  const mine = findingToDiagnostic(doc, f);
  const same = sent.find((d) => d.source === DIAGNOSTIC_SOURCE && d.code === f.rule
    && d.range.start.line === mine.range.start.line && d.range.start.character === mine.range.start.character);
  return same ?? mine;
}

function toCodeAction(doc: TextDocument, plan: ActionPlan, diagnostic: Diagnostic): CodeAction {
  const action: CodeAction = { title: plan.title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic] };
  if (plan.edit) {
    const range = { start: doc.positionAt(plan.edit.start), end: doc.positionAt(plan.edit.end) };
    action.edit = { changes: { [doc.uri]: [{ range, newText: plan.edit.newText }] } };
  }
  if (plan.command) action.command = { title: plan.title, ...plan.command };
  if (plan.isPreferred) action.isPreferred = true;
  return action;
}

addFeature({
  register(ctx, _params, result) {
    result.capabilities.codeActionProvider = { codeActionKinds: [CodeActionKind.QuickFix] };
    ctx.connection.onCodeAction(guard(ctx, 'codeAction', [], (p: CodeActionParams) => onCodeAction(ctx, p)));
  },
});
