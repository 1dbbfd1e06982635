/** Corpus authoring over LSP: completion, document links, and hover/definition inside topic and guideline pages. */
import {
  CompletionItemKind,
  InsertTextFormat,
  MarkupKind,
  type CompletionItem,
  type CompletionList,
  type CompletionParams,
  type DocumentLink,
  type DocumentLinkParams,
  type Hover,
  type Location,
  type Position,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { isInside } from '../corpus/corpusSet';
import { hasCorpusFrontMatter } from '../corpus/topicPage';
import { completeCorpusPage, defineCorpusPage, hoverCorpusPage, linkCorpusPage, type AuthoringCompletion, type AuthoringOptions } from '../features/authoring';
import { CORPUS_LANGUAGE } from '../settings';
import { toLspRange } from './convert';
import { uriToPath, type ServerContext } from './serverContext';

const KINDS: Record<AuthoringCompletion['kind'], CompletionItemKind> = {
  field: CompletionItemKind.Property,
  value: CompletionItemKind.Value,
  page: CompletionItemKind.Snippet,
};

/** Markdown, whatever the client calls it: VS Code sends `markdown`, other clients may send nothing useful. */
export function isMarkdownDocument(doc: TextDocument): boolean {
  return doc.languageId === 'markdown' || doc.languageId === CORPUS_LANGUAGE || /\.(md|markdown)$/i.test(doc.uri);
}

/**
 * A topic or guideline page, which gets the authoring features: a Markdown document inside one of the document's
 * corpus roots (the built-in corpus included), or one whose front matter has `topic_id` or `guideline_id`, or one
 * sent with the language id `api-guidelines-corpus`. Any other Markdown document is left to the Markdown tooling.
 */
export async function isCorpusDocument(ctx: ServerContext, doc: TextDocument): Promise<boolean> {
  if (doc.languageId === CORPUS_LANGUAGE) return true;
  if (!isMarkdownDocument(doc)) return false;
  if (hasCorpusFrontMatter(doc.getText())) return true;
  const file = uriToPath(doc.uri);
  return !!file && (await ctx.corpusRoots(doc.uri)).some((root) => isInside(root, file));
}

function options(ctx: ServerContext): AuthoringOptions {
  return {
    fileLink: (file, line) => `${ctx.pathUri(file)}#L${line + 1}`,
    topicLink: (t) => ctx.topicLink(t),
  };
}

export async function onCompletion(ctx: ServerContext, params: CompletionParams): Promise<CompletionList | null> {
  const doc = ctx.documents.get(params.textDocument.uri);
  if (!doc || !(await isCorpusDocument(ctx, doc))) return null;
  const found = completeCorpusPage(doc.getText(), doc.offsetAt(params.position), await ctx.index(doc.uri));
  if (!found) return null;
  const range = { start: doc.positionAt(found.from), end: doc.positionAt(found.to) };
  const items = found.items.map((c): CompletionItem => ({
    label: c.label,
    kind: KINDS[c.kind],
    detail: c.detail,
    documentation: c.documentation ? { kind: MarkupKind.Markdown, value: c.documentation } : undefined,
    sortText: c.sortText,
    insertTextFormat: c.snippet ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
    textEdit: { range, newText: c.insertText },
  }));
  return { isIncomplete: false, items };
}

export async function onDocumentLinks(ctx: ServerContext, params: DocumentLinkParams): Promise<DocumentLink[]> {
  const doc = ctx.documents.get(params.textDocument.uri);
  if (!doc || !(await isCorpusDocument(ctx, doc))) return [];
  return linkCorpusPage(doc.getText(), await ctx.index(doc.uri), options(ctx)).map((l) => ({
    range: { start: doc.positionAt(l.start), end: doc.positionAt(l.end) },
    target: l.target,
    tooltip: l.tooltip,
  }));
}

/** Hover in a corpus page's front matter; null lets the caller fall back to the token hover. */
export async function onCorpusHover(ctx: ServerContext, doc: TextDocument, position: Position): Promise<Hover | null> {
  const found = hoverCorpusPage(doc.getText(), doc.offsetAt(position), await ctx.index(doc.uri), options(ctx));
  if (!found) return null;
  return { contents: { kind: MarkupKind.Markdown, value: found.markdown }, range: { start: doc.positionAt(found.start), end: doc.positionAt(found.end) } };
}

export async function onCorpusDefinition(ctx: ServerContext, doc: TextDocument, position: Position): Promise<Location | null> {
  const found = defineCorpusPage(doc.getText(), doc.offsetAt(position), await ctx.index(doc.uri));
  return found ? { uri: ctx.pathUri(found.file), range: toLspRange(found.range) } : null;
}
