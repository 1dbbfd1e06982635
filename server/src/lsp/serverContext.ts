/** Shared state of one language server: documents, settings per resource, corpora and per-version detector results. */
import * as path from 'path';
import { fileURLToPath, pathToFileURL } from 'url';
import type { Connection } from 'vscode-languageserver';
import { MessageType, ShowMessageNotification, TextDocuments } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CorpusIndex } from '../corpus/corpusIndex';
import type { Topic } from '../corpus/model';
import { findHttpTokens } from '../detect/findHttpTokens';
import type { HttpToken } from '../detect/token';
import { unknownFollows } from '../features/guidelineView';
import { notificationText } from '../features/markdown';
import { DEFAULT_SETTINGS, languageForPath, settingsPath, validateSettings, type ApiGuidelinesSettings } from '../settings';
import { CorpusManager } from '../node/corpusManager';
import { BUILTIN_COMPILED_FILE, NodeCorpusFileSystem } from '../node/nodeFileSystem';

/** How long a request waits for the client's settings before it goes on with the defaults. */
export const CONFIGURATION_TIMEOUT_MS = 3000;

export interface InitOptions {
  /** Settings for clients that do not answer workspace/configuration (e.g. a plain Neovim setup). */
  settings?: unknown;
  /** The VS Code client runs the extension's commands: hovers may link to them. */
  commandLinks?: boolean;
  /** Untrusted workspace: workspace-level corpus folders are ignored (the client enforces it too). */
  untrustedWorkspace?: boolean;
  builtinCorpusPath?: string;
}

/** Distinct settings problems told to the user; past this, a client sending ever new bad settings is not heard. */
const MAX_SETTINGS_WARNINGS = 50;

export class ServerContext {
  readonly documents = new TextDocuments(TextDocument);
  readonly corpora: CorpusManager;
  private readonly settingsCache = new Map<string, Promise<ApiGuidelinesSettings>>();
  private readonly tokenCache = new Map<string, { version: number; tokens: HttpToken[] }>();
  private readonly changeListeners: (() => void)[] = [];
  globalSettings: ApiGuidelinesSettings = DEFAULT_SETTINGS;
  hasConfiguration = false;
  supportsFolderEvents = false;
  workspaceFolders: string[] = [];
  initOptions: InitOptions = {};
  private warnedConfiguration = false;

  constructor(readonly connection: Connection, builtinPath: string) {
    this.corpora = new CorpusManager({
      fs: new NodeCorpusFileSystem({ root: builtinPath, file: path.join(__dirname, BUILTIN_COMPILED_FILE) }),
      builtinPath,
      log: (m) => connection.console.log(m),
      warn: (message) => {
        connection.console.warn(message);
        void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message: `API Guidelines: ${notificationText(message)}` });
      },
      onChange: () => this.changed(),
    });
  }

  /** Runs after the corpus or the settings changed: diagnostics refresh, status update. */
  onDidChange(listener: () => void): void {
    this.changeListeners.push(listener);
  }

  changed(): void {
    for (const l of this.changeListeners) {
      try { l(); } catch (e) { this.connection.console.error(`change listener failed: ${(e as Error).message}`); }
    }
  }

  /** Settings for a resource, fetched once per URI and cached as a promise until settings change. */
  settings(uri: string): Promise<ApiGuidelinesSettings> {
    if (!this.hasConfiguration) return Promise.resolve(this.globalSettings);
    const cached = this.settingsCache.get(uri);
    if (cached) return cached;
    const fallback = () => this.validated(this.initOptions.settings);
    const asked = this.connection.workspace.getConfiguration({ scopeUri: uri, section: 'apiGuidelines' })
      .then((raw: unknown) => this.validated(raw ?? this.initOptions.settings), () => this.globalSettings);
    // A client that never answers must not hold every request: defaults after a few seconds, the answer when it comes.
    let timer: NodeJS.Timeout | undefined;
    let timedOut = false;
    const fetched = Promise.race([asked, new Promise<ApiGuidelinesSettings>((resolve) => {
      timer = setTimeout(() => {
        timedOut = true;
        if (!this.warnedConfiguration) {
          this.warnedConfiguration = true;
          this.connection.console.warn(`The client did not answer workspace/configuration within ${CONFIGURATION_TIMEOUT_MS / 1000} s: default settings are used until it does.`);
        }
        resolve(fallback());
      }, CONFIGURATION_TIMEOUT_MS);
    })]);
    void asked.then((settings) => {
      clearTimeout(timer);
      if (!timedOut || this.settingsCache.get(uri) !== fetched) return;
      this.settingsCache.set(uri, Promise.resolve(settings));
      this.changed();
    });
    this.settingsCache.set(uri, fetched);
    return fetched;
  }

  settingsChanged(raw?: unknown): void {
    this.settingsCache.clear();
    if (!this.hasConfiguration && raw !== undefined) this.globalSettings = this.validated(raw);
    this.changed();
    this.retainCorpora();
  }

  private retainGeneration = 0;

  /** Drops the corpora (and their watchers) that no open document and no workspace request uses any more. */
  private retainCorpora(): void {
    const generation = ++this.retainGeneration;
    const scope = this.workspaceFolders[0] ? this.pathUri(this.workspaceFolders[0]) : '';
    const uris = new Set([scope, ...this.documents.keys()]);
    void Promise.all([...uris].map((uri) => this.corpusRoots(uri))).then((lists) => {
      // A later change decides instead: its lists are the current ones.
      if (generation === this.retainGeneration) this.corpora.retain(lists);
    }, () => undefined);
  }

  private readonly warnedSettings = new Set<string>();

  /** The settings a client sent, checked; each bad entry is dropped and told once (the output channel, a message). */
  private validated(raw: unknown): ApiGuidelinesSettings {
    const { settings, problems } = validateSettings(raw);
    for (const p of problems) {
      const message = `API Guidelines: apiGuidelines.${settingsPath(p.path)} ${p.message}; the setting is ignored.`;
      if (this.warnedSettings.has(message) || this.warnedSettings.size >= MAX_SETTINGS_WARNINGS) continue;
      this.warnedSettings.add(message);
      this.connection.console.warn(message);
      void this.connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message: notificationText(message) });
    }
    return settings;
  }

  /** The workspace folder (path) holding a resource, for relative corpus paths. */
  folderOf(uri: string): string | undefined {
    const file = uriToPath(uri);
    if (!file) return this.workspaceFolders[0];
    let best: string | undefined;
    for (const f of this.workspaceFolders) {
      if ((file === f || file.startsWith(f + path.sep)) && (!best || f.length > best.length)) best = f;
    }
    return best ?? this.workspaceFolders[0];
  }

  async corpusRoots(uri: string): Promise<string[]> {
    const settings = await this.settings(uri);
    const effective = this.initOptions.untrustedWorkspace ? { ...settings, corpus: { ...settings.corpus, paths: [] } } : settings;
    return this.corpora.rootsFor(effective, this.folderOf(uri));
  }

  /** The corpus index that applies to a resource. */
  async index(uri: string): Promise<CorpusIndex> {
    const index = await this.corpora.index(await this.corpusRoots(uri));
    this.checkFollows(index, (await this.settings(uri)).guidelines.follow);
    return index;
  }

  private readonly checkedFollows = new WeakMap<CorpusIndex, Set<string>>();
  private readonly warnedFollows = new Set<string>();

  /** Tells the user, once, about a followed guideline that no loaded corpus has (a typo would follow nothing). */
  private checkFollows(index: CorpusIndex, follow: readonly string[]): void {
    if (!follow.length) return;
    let checked = this.checkedFollows.get(index);
    if (!checked) this.checkedFollows.set(index, (checked = new Set()));
    const key = follow.join('\n');
    if (checked.has(key)) return;
    checked.add(key);
    for (const item of unknownFollows(index, follow)) {
      if (this.warnedFollows.has(item)) continue;
      this.warnedFollows.add(item);
      const message = `API Guidelines: apiGuidelines.guidelines.follow names '${item}', but no guideline in the loaded corpora has that id or organisation. Search topics to see the guideline ids.`;
      this.connection.console.warn(message);
      void this.connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message: notificationText(message) });
    }
  }

  /** Detector results for the document's current version (computed once per version). */
  tokens(doc: TextDocument): HttpToken[] {
    const cached = this.tokenCache.get(doc.uri);
    if (cached && cached.version === doc.version) return cached.tokens;
    const tokens = findHttpTokens(doc.getText(), languageOf(doc));
    this.tokenCache.set(doc.uri, { version: doc.version, tokens });
    return tokens;
  }

  forget(uri: string): void {
    this.tokenCache.delete(uri);
    this.settingsCache.delete(uri);
  }

  pathUri(file: string): string {
    return pathToUri(file);
  }

  topicUri(topic: Topic): string {
    return pathToUri(topic.file);
  }

  /** A link that opens the topic page at the topic (VS Code understands `#L<line>`). */
  topicLink(topic: Topic): string {
    return `${pathToUri(topic.file)}#L${topic.range.start.line + 1}`;
  }
}

/** The document's language: the client's id, or the file extension when the id is unknown. */
export function languageOf(doc: TextDocument): string {
  const id = doc.languageId;
  if (id && id !== 'plaintext') return id;
  return languageForPath(doc.uri) ?? id;
}

export function uriToPath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

export function pathToUri(file: string): string {
  return pathToFileURL(file).href;
}
