/** The corpus and the checks as MCP tools, for AI assistants that write API code: topic, search, check_code, guidelines. */
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import type { CorpusIndex } from '../corpus/corpusIndex';
import { LineMap } from '../corpus/lineMap';
import { findHttpTokens } from '../detect/findHttpTokens';
import { diagnose } from '../features/diagnostics';
import { arrangeGuidelines, coveredByFollowed, topicsPerGuideline, unknownFollows, type GuidelinePreferences } from '../features/guidelineView';
import { renderTopic } from '../features/hoverContent';
import { findTopic, topicJson } from '../cli/lookupCommands';
import { languageForPath, SUPPORTED_LANGUAGES, type ApiGuidelinesSettings } from '../settings';

export interface McpContext {
  index: CorpusIndex;
  /** Settings of the command line and config file; a tool call's `follow`/`hide` replace the guideline preferences. */
  settings: ApiGuidelinesSettings;
  cwd: string;
  version: string;
}

/** Longest code a `check_code` call reads: a file an editor would show, not a repository. */
const MAX_CODE_CHARS = 2_000_000;

const preferenceArgs = {
  follow: z.array(z.string()).optional().describe('Guideline ids or organisations the team follows (e.g. "zalando", "google-aip"): listed first; for check_code their checkable rules are applied. Defaults to the server\'s --follow.'),
  hide: z.array(z.string()).optional().describe('Guideline ids or organisations to leave out ("*" for all that are not followed).'),
};

function preferences(ctx: McpContext, args: { follow?: string[]; hide?: string[] }): GuidelinePreferences {
  return { follow: args.follow ?? ctx.settings.guidelines.follow, hide: args.hide ?? ctx.settings.guidelines.hide };
}

function text(value: string, structured?: Record<string, unknown>) {
  return { content: [{ type: 'text' as const, text: value }], ...(structured ? { structuredContent: structured } : {}) };
}

function failure(message: string) {
  return { content: [{ type: 'text' as const, text: message }], isError: true };
}

/** A note for follow items that name no guideline, so that a typo does not silently follow nothing. */
function followNote(ctx: McpContext, prefs: GuidelinePreferences): string {
  const unknown = unknownFollows(ctx.index, prefs.follow);
  return unknown.length ? `\n\n(No guideline named ${unknown.map((u) => `'${u}'`).join(', ')} in the corpus: call the guidelines tool for the ids.)` : '';
}

export function createMcpServer(ctx: McpContext): McpServer {
  const server = new McpServer({ name: 'api-guidelines', version: ctx.version });

  server.registerTool('topic', {
    title: 'API guideline topic',
    description: 'What an HTTP status code, method, header or API design topic means and what public API guidelines (Zalando, Microsoft, Google AIP, …) and standards say about it, with links to their sections. The query may be a code (403), a reason phrase (Forbidden), a method (PATCH), a header (Retry-After), a framework constant (HttpStatus.FORBIDDEN), a topic id (collection-pagination) or words.',
    inputSchema: { query: z.string().min(1).max(500).describe('What to look up'), ...preferenceArgs },
    annotations: { readOnlyHint: true, openWorldHint: false },
  }, async (args) => {
    const prefs = preferences(ctx, args);
    const found = findTopic(ctx.index, args.query.trim());
    if (!found) return failure(`No topic matches '${args.query}'. Try the search tool.`);
    const json = { ...topicJson(found.topic, ctx.cwd, prefs), matchedBy: found.by };
    return text(renderTopic(found.topic, { preferences: prefs }) + followNote(ctx, prefs), json);
  });

  server.registerTool('search', {
    title: 'Search API guideline topics',
    description: 'Topics matching some words (codes, names, categories, descriptions, organisations, section titles), best first.',
    inputSchema: { query: z.string().max(500).describe('Words; empty lists every topic by category'), limit: z.number().int().min(1).max(500).optional(), ...preferenceArgs },
    annotations: { readOnlyHint: true, openWorldHint: false },
  }, async (args) => {
    const prefs = preferences(ctx, args);
    const hits = ctx.index.searchTopics(args.query, args.limit ?? 20, coveredByFollowed(prefs));
    const results = hits.map((h, i) => ({
      rank: i + 1, id: h.topic.id, name: h.topic.name, category: h.topic.category,
      guidelines: arrangeGuidelines(h.topic.guidelines, prefs).filter((g) => !g.standard || g.followed).map((g) => ({ id: g.entry.guidelineId, company: g.entry.company, followed: g.followed })),
    }));
    const lines = results.map((r) => `${r.rank}. ${r.name} (${r.id}, ${r.category})${r.guidelines.length ? ` — ${r.guidelines.map((g) => `${g.followed ? '★ ' : ''}${g.company}`).join(', ')}` : ''}`);
    return text((lines.length ? lines.join('\n') : `No topic matches '${args.query}'.`) + followNote(ctx, prefs), { results });
  });

  server.registerTool('check_code', {
    title: 'Check code against API guidelines',
    description: 'The diagnostics the editor would show for a piece of source code or an OpenAPI document: unregistered or deprecated status codes, company policies, and the checkable rules of followed guidelines. Give a file name or a language id.',
    inputSchema: {
      code: z.string().max(MAX_CODE_CHARS).describe('The source text'),
      filename: z.string().max(1000).optional().describe('A file name whose extension tells the language, e.g. orders.ts or openapi.yaml'),
      language: z.enum(SUPPORTED_LANGUAGES).optional().describe('The language id, when there is no file name'),
      ...preferenceArgs,
    },
    annotations: { readOnlyHint: true, openWorldHint: false },
  }, async (args) => {
    const languageId = args.language ?? (args.filename ? languageForPath(args.filename) : undefined);
    if (!languageId) return failure(`Which language? Give a filename with a known extension or one of: ${SUPPORTED_LANGUAGES.join(', ')}.`);
    const prefs = preferences(ctx, args);
    const findings = diagnose({
      text: args.code, languageId, tokens: findHttpTokens(args.code, languageId), index: ctx.index,
      settings: ctx.settings.diagnostics, builtinOnly: ctx.settings.corpus.paths.length === 0, follow: prefs.follow,
    });
    const lines = new LineMap(args.code);
    const items = findings.map((f) => {
      const start = lines.pos(f.start);
      return { line: start.line + 1, column: start.character + 1, rule: f.rule, severity: f.severity, message: f.message, href: f.href, text: args.code.slice(f.start, f.end) };
    });
    const summary = items.length
      ? items.map((i) => `${i.line}:${i.column} ${i.severity} ${i.message} [${i.rule}]${i.href ? ` ${i.href}` : ''}`).join('\n')
      : 'No problems found.';
    return text(summary + followNote(ctx, prefs), { findings: items });
  });

  server.registerTool('guidelines', {
    title: 'List API guidelines',
    description: 'The guidelines and standards in the corpus: ids (for follow/hide), organisations, titles, how many topics each covers, checkable rules, and the revision each was read at.',
    inputSchema: {},
    annotations: { readOnlyHint: true, openWorldHint: false },
  }, async () => {
    const covered = topicsPerGuideline(ctx.index);
    const guidelines = [...ctx.index.guidelines.values()].map((g) => ({
      id: g.id, company: g.company, title: g.title, url: g.url, kind: g.kind ?? 'guideline', summary: g.summary,
      topics: covered.get(g.id) ?? 0, rules: (g.rules ?? []).map((r) => ({ id: r.id, name: r.name, level: r.level, url: r.url })), revision: g.revision,
    })).sort((a, b) => (a.kind === b.kind ? a.company.localeCompare(b.company) : a.kind === 'standard' ? 1 : -1));
    const lines = guidelines.map((g) => `${g.id}: ${g.company} — ${g.title} (${g.kind}, ${g.topics} topics${g.rules.length ? `, ${g.rules.length} checkable rules` : ''})`);
    return text(lines.join('\n'), { guidelines });
  });

  return server;
}
