/** The corpus and the checks as MCP tools and resources, for coding agents that write API code. */
import { McpServer, ResourceTemplate } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import type { CorpusIndex } from '../corpus/corpusIndex';
import { renderFindingsForAgent, renderGuidelinesForAgent, renderSearchForAgent, renderTopicForAgent, TOPIC_URI_PREFIX, topicUri } from '../features/agentAnswers';
import { unknownFollows, type GuidelinePreferences } from '../features/guidelineView';
import { FileChecker } from '../cli/checkFiles';
import { findTopic, guidelinesJson, searchJson, topicJson } from '../cli/lookupCommands';
import { countBySeverity, sortReport, type ReportFile } from '../cli/report';
import { languageForPath, SUPPORTED_LANGUAGES, type ApiGuidelinesSettings } from '../settings';
import { displayFrom, ToolError, type WorkspaceFiles } from './workspaceFiles';

export interface McpContext {
  /** The corpus index as it is now (re-indexed when corpus files change). */
  index: () => CorpusIndex;
  /** Settings of the command line and config file; a tool call's `follow`/`hide` replace the guideline preferences. */
  settings: ApiGuidelinesSettings;
  /** The working folder: file paths in answers are relative to it, as the CLI prints them. */
  cwd: string;
  version: string;
  /** What `check_files` may read. */
  workspace: WorkspaceFiles;
}

/** Longest code a `check_code` call reads: a file an editor would show, not a repository. */
const MAX_CODE_CHARS = 2_000_000;
const MAX_QUERY_CHARS = 500;
/** JSON-RPC error code the MCP specification gives an unknown resource. */
const RESOURCE_NOT_FOUND = -32002;

/** Names models use for languages, beyond the ids and file extensions (`ts`, `py`) that are understood anyway. */
const LANGUAGE_ALIASES: Readonly<Record<string, string>> = {
  'c#': 'csharp', 'cs': 'csharp', 'dotnet': 'csharp', 'golang': 'go', 'node': 'javascript', 'nodejs': 'javascript',
  'openapi': 'yaml', 'swagger': 'yaml', 'jsx': 'javascriptreact', 'tsx': 'typescriptreact',
};

const INSTRUCTIONS = [
  'API design guidelines (public ones such as Zalando, Microsoft, Google AIP, and the team\'s own) for HTTP status codes,',
  'methods, headers and design topics. Before choosing a status code, method or header, or designing pagination,',
  'errors, versioning…, call lookup_topic; after writing a handler or an OpenAPI document, call check_code or check_files.',
  'Guidelines marked ★ are the ones the team follows: prefer what they ask. list_guidelines gives the ids `follow` takes.',
].join(' ');

const preferenceArgs = {
  follow: z.array(z.string().max(200)).max(50).optional().describe('Guideline ids or organisations the team follows (e.g. "zalando", "google-aip"): listed first and marked ★; for the checks, their checkable rules apply. Defaults to the server\'s --follow.'),
  hide: z.array(z.string().max(200)).max(50).optional().describe('Guideline ids or organisations to leave out ("*" for all that are not followed).'),
};
const followArg = { follow: preferenceArgs.follow };

type ToolResult = { content: { type: 'text'; text: string }[]; structuredContent?: Record<string, unknown>; isError?: boolean };

function answer(text: string, structured?: Record<string, unknown>): ToolResult {
  return { content: [{ type: 'text', text }], ...(structured ? { structuredContent: structured } : {}) };
}

function failure(message: string): ToolResult {
  return { content: [{ type: 'text', text: message }], isError: true };
}

/** Runs a tool; a refusal or a failure becomes a tool error the model can read, never a broken connection. */
async function guarded(run: () => ToolResult | Promise<ToolResult>): Promise<ToolResult> {
  try {
    return await run();
  } catch (e) {
    return failure(e instanceof ToolError ? e.message : `Internal error: ${(e as Error).message}`);
  }
}

/** The language id for a `check_code` call: an id, an alias, or a file extension; else the file name's. */
export function resolveLanguage(language: string | undefined, filename: string | undefined): string | undefined {
  const l = language?.trim().toLowerCase().replace(/^\./, '');
  if (l) {
    if ((SUPPORTED_LANGUAGES as readonly string[]).includes(l)) return l;
    return LANGUAGE_ALIASES[l] ?? languageForPath(`file.${l}`);
  }
  return filename ? languageForPath(filename) : undefined;
}

export function createMcpServer(ctx: McpContext): McpServer {
  const server = new McpServer({ name: 'api-guidelines', version: ctx.version }, { instructions: INSTRUCTIONS });
  const preferences = (args: { follow?: string[]; hide?: string[] }): GuidelinePreferences =>
    ({ follow: args.follow ?? ctx.settings.guidelines.follow, hide: args.hide ?? ctx.settings.guidelines.hide });
  /** A note for follow items that name no guideline, so that a typo does not silently follow nothing. */
  const followNote = (index: CorpusIndex, prefs: GuidelinePreferences) => {
    const unknown = unknownFollows(index, prefs.follow);
    return unknown.length ? `\n(No guideline named ${unknown.map((u) => `'${u}'`).join(', ')} in the corpus: list_guidelines gives the ids.)\n` : '';
  };
  const checker = (index: CorpusIndex, prefs: GuidelinePreferences) => new FileChecker(index, {
    settings: { ...ctx.settings, guidelines: { follow: [...prefs.follow], hide: [...prefs.hide] } }, cwd: ctx.cwd, maxBytes: Infinity, maxOpenApiBytes: Infinity,
  });

  server.registerTool('lookup_topic', {
    title: 'Look up an API guideline topic',
    description: 'What an HTTP status code, method, header or API design topic means and what the guidelines (the team\'s, public ones such as Zalando, Microsoft, Google AIP, and the standards) ask of it, with a link to every section. The query may be a status code (403), a reason phrase (Forbidden), a method (PATCH), a header (Retry-After), a framework constant (HttpStatus.FORBIDDEN), a topic id (collection-pagination) or words.',
    inputSchema: { query: z.string().min(1).max(MAX_QUERY_CHARS).describe('What to look up'), ...preferenceArgs },
    annotations: { readOnlyHint: true, openWorldHint: false },
  }, (args) => guarded(() => {
    const index = ctx.index();
    const prefs = preferences(args);
    const found = findTopic(index, args.query.trim());
    if (!found) throw new ToolError(`No topic matches '${args.query}'. Try search_topics with other words.`);
    const best = found.by === 'search' ? `(Best match for '${args.query}'.)\n\n` : '';
    return answer(best + renderTopicForAgent(found.topic, prefs) + followNote(index, prefs), { ...topicJson(found.topic, ctx.cwd, prefs), matchedBy: found.by });
  }));

  server.registerTool('search_topics', {
    title: 'Search API guideline topics',
    description: 'Topics matching some words (codes, names, categories, descriptions, organisations, section titles), best first, one line each with the organisations covering it. Follow up with lookup_topic for one of them.',
    inputSchema: {
      query: z.string().max(MAX_QUERY_CHARS).describe('Words; empty lists every topic'),
      limit: z.number().int().min(1).max(200).optional().describe('At most this many topics (default 20)'),
      ...preferenceArgs,
    },
    annotations: { readOnlyHint: true, openWorldHint: false },
  }, (args) => guarded(() => {
    const index = ctx.index();
    const prefs = preferences(args);
    const results = searchJson(index, args.query, args.limit ?? 20, prefs);
    return answer(renderSearchForAgent(args.query, results) + followNote(index, prefs), { results });
  }));

  const findingsText = (files: readonly ReportFile[], checked: number, skipped: readonly { path: string; reason: string }[]) => {
    const counts = countBySeverity({ root: '', files: [...files], notes: [], rules: [], checked });
    const total = Object.values(counts).reduce((a, b) => a + b, 0);
    const summary = total
      ? `${total} problem${total === 1 ? '' : 's'} (${(['error', 'warning', 'information', 'hint'] as const).filter((s) => counts[s]).map((s) => `${counts[s]} ${s}${counts[s] > 1 && s !== 'information' ? 's' : ''}`).join(', ')})`
      : 'No problems found';
    const lines = renderFindingsForAgent(files.map((f) => ({ path: f.path, findings: f.items })));
    const notes = skipped.map((s) => `- skipped ${s.path}: ${s.reason}`).join('\n');
    return { counts, text: [`${summary}${checked > 1 || skipped.length ? ` in ${checked} file${checked === 1 ? '' : 's'}` : ''}.`, lines, notes].filter(Boolean).join('\n\n') + '\n' };
  };

  server.registerTool('check_code', {
    title: 'Check code against API guidelines',
    description: 'The findings the `check` command and the editor report for a piece of source code or an OpenAPI document: unregistered or deprecated status codes, policies of the team\'s corpus, and the checkable rules of followed guidelines, each with rule, severity, line:column, message and guideline link.',
    inputSchema: {
      code: z.string().max(MAX_CODE_CHARS).describe('The source text'),
      language: z.string().max(40).describe(`The language: ${SUPPORTED_LANGUAGES.join(', ')} (a file extension such as ts or py works too)`),
      filename: z.string().max(1000).optional().describe('The file name, shown in the answer (e.g. src/orders.ts)'),
      ...followArg,
    },
    annotations: { readOnlyHint: true, openWorldHint: false },
  }, (args) => guarded(() => {
    const languageId = resolveLanguage(args.language, args.filename);
    if (!languageId) throw new ToolError(`Unknown language '${args.language}'. Use one of: ${SUPPORTED_LANGUAGES.join(', ')}.`);
    const index = ctx.index();
    const prefs = preferences(args);
    const file = checker(index, prefs).checkText(args.filename ?? '', args.code, languageId);
    const shown = { ...file, path: args.filename ?? '' };
    const { counts, text } = findingsText(shown.items.length ? [shown] : [], 1, []);
    return answer(text + followNote(index, prefs), { language: languageId, findings: file.items, summary: counts });
  }));

  server.registerTool('check_files', {
    title: 'Check workspace files against API guidelines',
    description: 'The same findings as check_code for files and folders of the workspace (paths relative to it; folders are walked as git sees them). Bounded: at most 500 source files of 2 MB each per call; nothing outside the workspace is read.',
    inputSchema: {
      paths: z.array(z.string().max(4096)).min(1).max(50).describe('Files or folders, relative to the workspace root'),
      ...followArg,
    },
    annotations: { readOnlyHint: true, openWorldHint: false },
  }, (args) => guarded(async () => {
    const resolved = await ctx.workspace.resolve(args.paths);
    const index = ctx.index();
    const prefs = preferences(args);
    const check = checker(index, prefs);
    const files: ReportFile[] = [];
    const skipped = [...resolved.skipped];
    for (const f of resolved.files) {
      // Read only if it is still the file judged inside the workspace (no link swapped in since).
      const outcome = check.checkFile(f, false, resolved.identities.get(f) ?? { dev: -1, ino: -1 });
      if ('note' in outcome) skipped.push({ path: displayFrom(resolved.base, f), reason: outcome.note.message });
      else files.push({ ...outcome.file, path: displayFrom(resolved.base, f) });
    }
    const report = sortReport({ root: resolved.base, files, notes: [], rules: [], checked: files.length });
    const withFindings = report.files.filter((f) => f.items.length);
    const { counts, text } = findingsText(withFindings, report.checked, skipped);
    if (!report.checked && !skipped.length) throw new ToolError(`No source files of a supported language below ${args.paths.join(', ')}.`);
    return answer(text + followNote(index, prefs), {
      root: resolved.base,
      files: withFindings.map((f) => ({ path: f.path, findings: f.items })),
      skipped,
      summary: { checked: report.checked, ...counts },
    });
  }));

  server.registerTool('list_guidelines', {
    title: 'List API guidelines',
    description: 'The guidelines and standards of the corpus: the ids `follow` takes, organisation, title, how many topics each covers and its checkable rules; followed ones first, marked ★.',
    inputSchema: { ...followArg },
    annotations: { readOnlyHint: true, openWorldHint: false },
  }, (args) => guarded(() => {
    const index = ctx.index();
    const prefs = preferences(args);
    const guidelines = guidelinesJson(index, prefs, ctx.cwd);
    const text = renderGuidelinesForAgent(guidelines.map((g) => ({ ...g, rules: g.rules.length })));
    return answer(text + followNote(index, prefs), { guidelines });
  }));

  server.registerResource('topic', new ResourceTemplate(`${TOPIC_URI_PREFIX}{id}`, {
    list: () => ({
      resources: [...ctx.index().topics.values()].map((t) => ({
        uri: topicUri(t.id), name: t.id, title: t.name, mimeType: 'text/markdown', ...(t.description ? { description: t.description } : {}),
      })),
    }),
    complete: {
      id: (value) => [...ctx.index().topics.keys()].filter((id) => id.startsWith(value)).slice(0, 100),
    },
  }), {
    title: 'API guideline topic',
    description: 'A topic page of the corpus: what it is, its page text, and every guideline and standard covering it with links.',
    mimeType: 'text/markdown',
  }, (uri, variables) => {
    const raw = Array.isArray(variables.id) ? variables.id[0] : variables.id;
    let id: string;
    try {
      id = decodeURIComponent(raw ?? '');
    } catch {
      id = raw ?? '';
    }
    const topic = ctx.index().topics.get(id);
    // The protocol's "resource not found" code; a plain error with a code keeps the message free of a prefix.
    if (!topic) throw Object.assign(new Error(`No topic '${id}' in the corpus: resources/list or search_topics give the ids.`), { code: RESOURCE_NOT_FOUND });
    return { contents: [{ uri: uri.href, mimeType: 'text/markdown', text: renderTopicForAgent(topic, ctx.settings.guidelines, true) }] };
  });

  return server;
}
