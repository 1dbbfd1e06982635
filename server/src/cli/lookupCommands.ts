/** `topic QUERY` and `search WORDS`: the corpus in the terminal, as the hover and the topic search show it. */
import type { CorpusIndex } from '../corpus/corpusIndex';
import type { Topic } from '../corpus/model';
import { arrangeGuidelines, coveredByFollowed, referenceBadge, topicsPerGuideline, type GuidelinePreferences } from '../features/guidelineView';
import { findHttpTokens, statusFromName } from '../detect/findHttpTokens';
import { topicForToken } from '../features/hoverContent';
import { UsageError, type CommandSpec, type ParsedArgs } from './args';
import { COLOR_OPTIONS, CORPUS_OPTIONS, GUIDELINE_OPTIONS, HELP_OPTION, PROGRAM, displayPath, loadIndex, resolveSettings, styleFor, warnUnknownFollows, type CliIo } from './cliContext';
import { terminalSafe as safe, type Style } from './terminalStyle';

const LOOKUP_FORMATS = ['text', 'json'] as const;
const FORMAT_OPTION = { name: 'format', short: 'f', kind: 'value', arg: 'FORMAT', choices: LOOKUP_FORMATS, help: 'Output format (default: text)' } as const;
const WRAP_COLUMNS = 88;

export const topicSpec: CommandSpec = {
  name: 'topic',
  summary: 'Print one topic and the guidelines covering it.',
  positionals: '<code|reason|method|header|topic-id|words…>',
  details: [
    'The query is tried as a topic id, a status code (403), a reason phrase (Forbidden,',
    '"Too Many Requests"), a method (PATCH), a header (Retry-After), a framework constant',
    '(HttpStatus.FORBIDDEN), and last as search words (the best match is shown).',
    '',
    'Exit code: 0 found, 1 no topic matches, 2 bad arguments or a missing corpus folder.',
  ].join('\n'),
  options: [FORMAT_OPTION, ...GUIDELINE_OPTIONS, ...CORPUS_OPTIONS, ...COLOR_OPTIONS, HELP_OPTION],
  examples: [`${PROGRAM} topic 403`, `${PROGRAM} topic Retry-After`, `${PROGRAM} topic PATCH --format json`, `${PROGRAM} topic 403 --follow zalando`],
};

export const searchSpec: CommandSpec = {
  name: 'search',
  summary: 'List the topics matching some words, best first.',
  positionals: '[words…]',
  details: [
    'Words are matched against codes, names, categories, descriptions, companies and reference',
    'names; every word must match. Without words, all topics are listed by category.',
    '',
    'Exit code: 0 something matched, 1 nothing did, 2 bad arguments or a missing corpus folder.',
  ].join('\n'),
  options: [
    FORMAT_OPTION,
    { name: 'limit', short: 'n', kind: 'value', arg: 'N', help: 'Show at most N topics, 0 for all (default: 20)' },
    ...GUIDELINE_OPTIONS,
    ...CORPUS_OPTIONS,
    ...COLOR_OPTIONS,
    HELP_OPTION,
  ],
  examples: [`${PROGRAM} search rate limit`, `${PROGRAM} search pagination --format json`, `${PROGRAM} search zalando --follow zalando`],
};

export const guidelinesSpec: CommandSpec = {
  name: 'guidelines',
  summary: 'List the guidelines of the loaded corpora: ids to follow or hide, what each covers, the revision read.',
  positionals: '',
  details: [
    'Each guideline with its id (what --follow and --hide take), organisation, title, the number',
    'of topics it covers, its checkable rules and the source revision it was read at.',
    '',
    'Exit code: 0, or 2 for bad arguments or a missing corpus folder.',
  ].join('\n'),
  options: [FORMAT_OPTION, ...GUIDELINE_OPTIONS, ...CORPUS_OPTIONS, ...COLOR_OPTIONS, HELP_OPTION],
  examples: [`${PROGRAM} guidelines`, `${PROGRAM} guidelines --format json`],
};

export async function runTopic(args: ParsedArgs, io: CliIo): Promise<number> {
  const query = args.positionals.join(' ').trim();
  if (!query) throw new UsageError('which topic? Give a status code, reason phrase, method, header or words');
  const { settings, roots } = await resolveSettings(args, io);
  const index = await loadIndex(roots, io.builtinCorpus);
  warnUnknownFollows(index, settings, io);
  const found = findTopic(index, query);
  if (!found) {
    io.stderr.write(`No topic matches '${safe(query)}'. Try: ${PROGRAM} search ${safe(query)}\n`);
    return 1;
  }
  if (args.values.get('format') === 'json') {
    io.stdout.write(JSON.stringify({ ...topicJson(found.topic, io.cwd, settings.guidelines), matchedBy: found.by }, null, 2) + '\n');
  } else {
    if (found.by === 'search') io.stderr.write(`Best match for '${safe(query)}':\n`);
    io.stdout.write(renderTopicText(found.topic, io.cwd, styleFor(args, io), settings.guidelines));
  }
  return 0;
}

export async function runSearch(args: ParsedArgs, io: CliIo): Promise<number> {
  const limitText = args.values.get('limit') ?? '20';
  if (!/^\d+$/.test(limitText)) throw new UsageError(`'--limit' needs a whole number, not '${limitText}'`);
  const limit = Number(limitText) || Number.MAX_SAFE_INTEGER;
  const words = args.positionals.join(' ');
  const { settings, roots } = await resolveSettings(args, io);
  const index = await loadIndex(roots, io.builtinCorpus);
  warnUnknownFollows(index, settings, io);
  const prefs = settings.guidelines;
  const hits = index.searchTopics(words, limit, coveredByFollowed(prefs));
  const organisations = (t: Topic) => arrangeGuidelines(t.guidelines, prefs).filter((g) => !g.standard || g.followed);
  if (args.values.get('format') === 'json') {
    io.stdout.write(JSON.stringify(searchJson(index, words, limit, prefs), null, 2) + '\n');
  } else if (hits.length) {
    const style = styleFor(args, io);
    // Corpus text is shown with its control characters escaped: a page must not drive the terminal.
    const rows = hits.map((h) => ({ topic: h.topic, name: safe(h.topic.name), category: safe(h.topic.category), id: safe(h.topic.id) }));
    const nameWidth = Math.max(...rows.map((r) => r.name.length));
    const catWidth = Math.max(...rows.map((r) => r.category.length));
    const idWidth = Math.max(...rows.map((r) => r.id.length));
    const rankWidth = String(hits.length).length;
    for (const [i, r] of rows.entries()) {
      const orgs = organisations(r.topic);
      const names = orgs.slice(0, 4).map((g) => (g.followed ? style.bold(`★ ${safe(g.entry.company)}`) : safe(g.entry.company))).join(', ') + (orgs.length > 4 ? ` +${orgs.length - 4}` : '');
      io.stdout.write(`${String(i + 1).padStart(rankWidth)}  ${style.bold(r.name.padEnd(nameWidth))}  ${r.category.padEnd(catWidth)}  ${style.dim(r.id.padEnd(idWidth))}  ${names}`.trimEnd() + '\n');
    }
  }
  if (!hits.length) {
    io.stderr.write(`No topic matches '${safe(words)}'.\n`);
    return 1;
  }
  return 0;
}

export async function runGuidelines(args: ParsedArgs, io: CliIo): Promise<number> {
  const { settings, roots } = await resolveSettings(args, io);
  const index = await loadIndex(roots, io.builtinCorpus);
  warnUnknownFollows(index, settings, io);
  const covered = topicsPerGuideline(index);
  const list = arrangedGuidelinePages(index, settings.guidelines);
  if (args.values.get('format') === 'json') {
    io.stdout.write(JSON.stringify(guidelinesJson(index, settings.guidelines, io.cwd), null, 2) + '\n');
    return 0;
  }
  const style = styleFor(args, io);
  const idWidth = Math.max(0, ...list.map((s) => safe(s.page.id).length));
  let section: string | undefined;
  for (const { page: g, followed } of list) {
    const heading = g.kind === 'standard' ? 'Standards' : 'Guidelines';
    if (heading !== section) {
      io.stdout.write(`${section ? '\n' : ''}${style.bold(heading)}\n`);
      section = heading;
    }
    const rules = g.rules?.length ? `, ${g.rules.length} checkable rule${g.rules.length === 1 ? '' : 's'}` : '';
    const read = g.revision?.date ? `, read ${safe(g.revision.date)}${g.revision.commit ? ` at ${safe(g.revision.commit.slice(0, 12))}` : ''}` : '';
    io.stdout.write(`  ${followed ? style.bold('★ ') : '  '}${safe(g.id).padEnd(idWidth)}  ${style.bold(safe(g.company))} — ${safe(g.title)}  ${style.dim(`(${covered.get(g.id) ?? 0} topics${rules}${read})`)}\n`);
  }
  return 0;
}

/** `search --format json`: the hits with the organisations covering each (followed first). */
export function searchJson(index: CorpusIndex, words: string, limit: number, prefs: GuidelinePreferences) {
  const organisations = (t: Topic) => arrangeGuidelines(t.guidelines, prefs).filter((g) => !g.standard || g.followed);
  return index.searchTopics(words, limit, coveredByFollowed(prefs)).map((h, i) => ({
    rank: i + 1, score: h.score, id: h.topic.id, name: h.topic.name, category: h.topic.category,
    guidelines: organisations(h.topic).map((g) => ({ id: g.entry.guidelineId, company: g.entry.company, followed: g.followed })),
  }));
}

/** The guideline pages, followed ones first, then the others by organisation, standards last. */
function arrangedGuidelinePages(index: CorpusIndex, prefs: GuidelinePreferences) {
  const pseudo = [...index.guidelines.values()].map((g) => ({ guidelineId: g.id, company: g.company, title: g.title, kind: g.kind, references: [], range: g.range }));
  const shown = arrangeGuidelines(pseudo, prefs).map((s) => ({ page: index.guidelines.get(s.entry.guidelineId)!, followed: s.followed }));
  return [...shown.filter((s) => s.page.kind !== 'standard'), ...shown.filter((s) => s.page.kind === 'standard')];
}

/** `guidelines --format json`. */
export function guidelinesJson(index: CorpusIndex, prefs: GuidelinePreferences, cwd: string) {
  const covered = topicsPerGuideline(index);
  return arrangedGuidelinePages(index, prefs).map(({ page: g, followed }) => ({
    id: g.id, company: g.company, title: g.title, url: g.url, kind: g.kind ?? 'guideline', followed, summary: g.summary,
    topics: covered.get(g.id) ?? 0, rules: (g.rules ?? []).map((r) => ({ id: r.id, name: r.name, level: r.level, url: r.url })),
    revision: g.revision, file: displayPath(cwd, g.file),
  }));
}

type MatchKind = 'id' | 'status' | 'method' | 'header' | 'reason' | 'constant' | 'search';

/** Lookups in the order they are tried: exact keys first, free text last. */
const LOOKUPS: readonly [MatchKind, (index: CorpusIndex, q: string) => Topic | undefined][] = [
  ['id', (index, q) => index.topics.get(q)],
  ['status', (index, q) => (/^[1-5]\d\d$/.test(q) ? index.topicForStatus(Number(q)) : undefined)],
  ['method', (index, q) => (/^[A-Za-z]+$/.test(q) ? index.topicForMethod(q) : undefined)],
  ['header', (index, q) => index.topicForHeader(q)],
  // After headers: `Deprecation` is the header, `deprecation` the design topic.
  ['id', (index, q) => index.topics.get(q.toLowerCase())],
  ['reason', (index, q) => {
    const code = statusFromName(q);
    return code === undefined ? undefined : index.topicForStatus(code);
  }],
  ['constant', (index, q) => {
    const token = findHttpTokens(q, 'plaintext')[0];
    return token ? topicForToken(index, token) : undefined;
  }],
  ['search', (index, q) => index.searchTopics(q, 1)[0]?.topic],
];

export function findTopic(index: CorpusIndex, query: string): { topic: Topic; by: MatchKind } | undefined {
  for (const [by, lookup] of LOOKUPS) {
    const topic = lookup(index, query);
    if (topic) return { topic, by };
  }
  return undefined;
}

export function topicJson(t: Topic, cwd: string, prefs: GuidelinePreferences) {
  return {
    id: t.id,
    name: t.name,
    category: t.category,
    description: t.description,
    status: t.status,
    method: t.method,
    header: t.header,
    policy: t.policy && { severity: t.policy.severity, message: t.policy.message, prefer: t.policy.prefer },
    guidelines: arrangeGuidelines(t.guidelines, prefs).map(({ entry: g, followed }) => ({
      id: g.guidelineId, title: g.title, company: g.company, url: g.url, date: g.date, kind: g.kind ?? 'guideline', followed, references: g.references,
    })),
    body: t.body,
    file: displayPath(cwd, t.file),
    line: t.range.start.line + 1,
  };
}

export function renderTopicText(t: Topic, cwd: string, style: Style, prefs: GuidelinePreferences): string {
  const out: string[] = [];
  // Every corpus string is shown with its control characters escaped: a page must not drive the terminal.
  out.push(style.bold(safe(t.name)));
  out.push(style.dim(safe(`${t.category} · ${t.id} · ${displayPath(cwd, t.file)}:${t.range.start.line + 1}`)));
  if (t.policy) {
    const prefer = t.policy.prefer.length ? ` Prefer: ${t.policy.prefer.join(', ')}.` : '';
    out.push('', style.yellow(safe(`Policy (${t.policy.severity}): ${t.policy.message ?? 'discouraged by your guidelines.'}${prefer}`)));
  }
  if (t.description) out.push('', wrap(safe(t.description), WRAP_COLUMNS));
  if (t.body?.trim()) out.push('', safe(t.body.trim(), true));
  out.push('');
  const shown = arrangeGuidelines(t.guidelines, prefs);
  const guidelines = shown.filter((g) => !g.standard || g.followed);
  const standards = shown.filter((g) => g.standard && !g.followed);
  if (!shown.length) out.push(style.dim('No guideline in the active corpus covers this topic yet.'));
  for (const [title, group] of [[`Guidelines (${guidelines.length})`, guidelines], [`Standards (${standards.length})`, standards]] as const) {
    if (!group.length) continue;
    out.push(style.bold(title));
    for (const { entry: g, followed } of group) {
      out.push(`  ${followed ? style.bold('★ ') : ''}${style.bold(safe(g.company))} — ${safe(g.title)}${followed ? ' (followed)' : ''}${g.url ? `  ${style.dim(safe(g.url))}` : ''}`);
      for (const r of g.references) {
        const badge = referenceBadge(r);
        out.push(`    - ${safe(r.name)}${badge ? ` [${safe(badge)}]` : ''}${r.url ? `  ${style.dim(safe(r.url))}` : ''}`);
        if (r.asks) out.push(`      ${safe(r.asks)}`);
      }
    }
    out.push('');
  }
  return out.join('\n').trimEnd() + '\n';
}

/** Breaks a paragraph into lines of at most `width` characters at spaces. */
export function wrap(text: string, width: number): string {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  if (line) lines.push(line);
  return lines.join('\n');
}
