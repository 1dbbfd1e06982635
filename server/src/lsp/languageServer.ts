/** The LSP shell: declares capabilities and routes each request to its handler. */
import {
  CancellationToken,
  DidChangeConfigurationNotification,
  LSPErrorCodes,
  ResponseError,
  TextDocumentSyncKind,
  type Connection,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver';
import { onDefinition } from './definitionHandler';
import { onHover } from './hoverHandler';
import { ServerContext, uriToPath, type InitOptions } from './serverContext';
import { onReindex, onSearchTopics, onStatus } from './topicRequests';
import { onWorkspaceSymbol } from './workspaceSymbolHandler';
import { Notifications, Requests } from '../protocol';
import { corpusFileKind } from '../corpus/corpusSet';

export interface ServerFeature {
  /** Adds capabilities and registers handlers; runs before `initialize` is answered. */
  register(ctx: ServerContext, params: InitializeParams, result: InitializeResult): void;
}

/** Features register themselves here (diagnostics, code actions, authoring support…). */
const features: ServerFeature[] = [];

export function addFeature(feature: ServerFeature): void {
  features.push(feature);
}

/**
 * Wraps a handler so that an exception answers the request with nothing instead of killing the server,
 * a cancelled request is answered as cancelled (without work when cancelled while queued), and an
 * answer about a document edited while it was computed is dropped as outdated (ContentModified).
 */
export function guard<P, R>(ctx: ServerContext, name: string, fallback: R, handler: (p: P, token: CancellationToken) => Promise<R> | R): (p: P, token?: CancellationToken) => Promise<R | ResponseError<never>> {
  return async (p: P, token = CancellationToken.None) => {
    if (token.isCancellationRequested) return cancelled();
    const uri = (p as { textDocument?: { uri?: unknown } } | undefined)?.textDocument?.uri;
    const version = typeof uri === 'string' ? ctx.documents.get(uri)?.version : undefined;
    try {
      const result = await handler(p, token);
      if (token.isCancellationRequested) return cancelled();
      if (typeof uri === 'string' && ctx.documents.get(uri)?.version !== version) {
        return new ResponseError(LSPErrorCodes.ContentModified, 'The document changed while the request was answered');
      }
      return result;
    } catch (e) {
      ctx.connection.console.error(`${name} failed: ${(e as Error).stack ?? e}`);
      return fallback;
    }
  };
}

function cancelled(): ResponseError<never> {
  return new ResponseError(LSPErrorCodes.RequestCancelled, 'Request cancelled');
}

export function startLanguageServer(connection: Connection, builtinCorpusPath: string): ServerContext {
  const ctx = new ServerContext(connection, builtinCorpusPath);

  connection.onInitialize((params): InitializeResult => {
    ctx.initOptions = (params.initializationOptions ?? {}) as InitOptions;
    if (ctx.initOptions.settings !== undefined) ctx.settingsChanged(ctx.initOptions.settings);
    ctx.hasConfiguration = !!params.capabilities.workspace?.configuration;
    ctx.supportsFolderEvents = !!params.capabilities.workspace?.workspaceFolders;
    const folders = params.workspaceFolders?.map((f) => uriToPath(f.uri)).filter((p): p is string => !!p)
      ?? (params.rootUri ? [uriToPath(params.rootUri)].filter((p): p is string => !!p) : []);
    ctx.workspaceFolders = folders;
    const result: InitializeResult = {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        hoverProvider: true,
        definitionProvider: true,
        workspaceSymbolProvider: true,
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'api-guidelines' },
    };
    for (const f of features) f.register(ctx, params, result);
    return result;
  });

  connection.onInitialized(() => {
    // The first hover needs the corpus: it loads while the client opens its first document.
    void ctx.index(ctx.workspaceFolders[0] ? ctx.pathUri(ctx.workspaceFolders[0]) : '').catch(() => undefined);
    if (ctx.hasConfiguration) {
      void connection.client.register(DidChangeConfigurationNotification.type, { section: 'apiGuidelines' }).catch(() => undefined);
    }
    if (ctx.supportsFolderEvents) connection.workspace.onDidChangeWorkspaceFolders((e) => {
      const removed = new Set(e.removed.map((f) => uriToPath(f.uri)));
      ctx.workspaceFolders = ctx.workspaceFolders.filter((f) => !removed.has(f));
      for (const f of e.added) {
        const p = uriToPath(f.uri);
        if (p) ctx.workspaceFolders.push(p);
      }
      ctx.settingsChanged();
    });
  });

  connection.onDidChangeConfiguration((change) => {
    const raw = (change.settings as { apiGuidelines?: unknown } | undefined)?.apiGuidelines;
    ctx.settingsChanged(raw);
  });

  connection.onHover(guard(ctx, 'hover', null, (p) => onHover(ctx, p)));
  connection.onDefinition(guard(ctx, 'definition', null, (p) => onDefinition(ctx, p)));
  connection.onWorkspaceSymbol(guard(ctx, 'workspace/symbol', [], (p) => onWorkspaceSymbol(ctx, p)));
  connection.onRequest(Requests.searchTopics, guard(ctx, Requests.searchTopics, [], (p: any) => onSearchTopics(ctx, p ?? {})));
  connection.onRequest(Requests.status, guard(ctx, Requests.status, null, (p: any) => onStatus(ctx, p ?? {})));
  connection.onRequest(Requests.reindex, guard(ctx, Requests.reindex, null, () => onReindex(ctx)));
  // Answers nothing at once: the no-op round trip that benchmarks and health checks measure against.
  connection.onRequest(Requests.ping, () => null);

  // Corpus pages open in the editor are indexed from their unsaved text (kept even before their corpus loads).
  const overlay = (uri: string, text: string | undefined) => {
    const file = uriToPath(uri);
    if (file && corpusFileKind(file)) ctx.corpora.setOverlay(file, text);
  };
  ctx.documents.onDidChangeContent((e) => overlay(e.document.uri, e.document.getText()));
  ctx.documents.onDidClose((e) => {
    overlay(e.document.uri, undefined);
    ctx.forget(e.document.uri);
  });

  let notifyTimer: NodeJS.Timeout | undefined;
  ctx.onDidChange(() => {
    clearTimeout(notifyTimer);
    notifyTimer = setTimeout(() => {
      void onStatus(ctx, {}).then((s) => connection.sendNotification(Notifications.corpusChanged, s), () => undefined);
    }, 100);
  });

  ctx.documents.listen(connection);
  connection.listen();
  return ctx;
}
