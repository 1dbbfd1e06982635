/** The diagnostic rules: from the detector's tokens and the corpus index to findings, one per token at most. */
import type { CorpusIndex } from '../corpus/corpusIndex';
import type { Severity, Topic, TopicGuideline } from '../corpus/model';
import { isWebUrl } from '../corpus/topicPage';
import { STATUS_BY_CODE } from '../detect/httpVocabulary';
import type { HttpToken } from '../detect/token';
import { CORPUS_LANGUAGE, parseSeverity, type ApiGuidelinesSettings, type RuleSeverity } from '../settings';
import type { Finding } from './finding';
import { arrangeGuidelines, followedRules, ruleLabel, type FollowedRule, type GuidelinePreferences } from './guidelineView';
import { tokenLabel, topicForToken } from './hoverContent';
import { findOpenApiSyntaxErrors } from './openApiSyntax';
import { compileGlob, type CompiledGlob } from './glob';
import { findSuppressions, isSuppressed, type SuppressionScope } from './suppression';

/** Rules about one detected token. */
type TokenRuleId = 'policy' | 'guideline-rule' | 'deprecated-status' | 'unregistered-status' | 'uncovered-status';
export type RuleId = TokenRuleId | 'openapi-syntax';

export interface RuleInfo {
  id: RuleId;
  /** `corpus`: the severity the corpus gives (the topic page's `topic_policy`, the level of a guideline's rule). */
  defaultSeverity: RuleSeverity | 'corpus';
  summary: string;
  /** Editors may strike the range through (LSP DiagnosticTag.Deprecated). */
  deprecatedTag?: boolean;
  /** About the document, not about a token (and so not in the token rules' precedence). */
  document?: boolean;
  /** What the rule refers to (SARIF's rule help). */
  helpUri?: string;
}

export const IANA_REGISTRY_URL = 'https://www.iana.org/assignments/http-status-codes/http-status-codes.xhtml';

/** The token rules in precedence order (a token gets the first enabled rule that applies to it, and no other), then the document rules. */
export const RULES: readonly RuleInfo[] = [
  { id: 'policy', defaultSeverity: 'corpus', summary: 'A status code, method or header that a topic page in the corpus discourages with `topic_policy`.' },
  { id: 'guideline-rule', defaultSeverity: 'corpus', summary: 'A status code, method or header that a checkable rule of a followed guideline rules out (`apiGuidelines.guidelines.follow`); the diagnostic\'s code is the rule\'s, e.g. `zalando/150`.' },
  { id: 'deprecated-status', helpUri: IANA_REGISTRY_URL, defaultSeverity: 'warning', summary: 'A status code the IANA registry marks deprecated (305) or unused (306, 418).', deprecatedTag: true },
  { id: 'unregistered-status', helpUri: IANA_REGISTRY_URL, defaultSeverity: 'warning', summary: 'A status code that is not in the IANA HTTP Status Code Registry and that no corpus topic documents.' },
  { id: 'uncovered-status', helpUri: IANA_REGISTRY_URL, defaultSeverity: 'information', summary: 'A registered status code that no topic in the active corpus covers; off by default when only the built-in corpus is active.' },
  { id: 'openapi-syntax', defaultSeverity: 'error', summary: 'A YAML or JSON syntax error in an OpenAPI document: findings after it may be missing.', document: true },
];

export const RULE_BY_ID: ReadonlyMap<string, RuleInfo> = new Map(RULES.map((r) => [r.id, r]));

/** Why a registered code should not be sent, by code (RFC 9110 §15.4.6, §15.4.7, §15.5.19). */
const RETIRED_NOTES: Readonly<Record<number, string>> = {
  305: 'deprecated: clients ignore it, because it let a response route traffic through any proxy',
  306: 'unused: an early draft defined it, and the code is only reserved now; clients do not understand it',
  418: "reserved, not assigned: the April Fools' RFC 2324 made it a joke too widespread to reuse; clients treat it as a plain 4xx",
};

const STATUS_CLASSES: Readonly<Record<string, string>> = {
  '1': '1xx Informational', '2': '2xx Successful', '3': '3xx Redirection', '4': '4xx Client Error', '5': '5xx Server Error',
};

/** Languages of prose, not code: numbers there are not API responses. */
const PROSE_LANGUAGES = new Set(['markdown', 'plaintext', 'restructuredtext', 'asciidoc', 'latex', CORPUS_LANGUAGE]);

export interface DiagnoseInput {
  text: string;
  languageId: string;
  tokens: readonly HttpToken[];
  index: CorpusIndex;
  settings: ApiGuidelinesSettings['diagnostics'];
  /** Only the built-in corpus is active: `uncovered-status` is then off unless set explicitly. */
  builtinOnly: boolean;
  /** The file, for callers' reports; exclusion globs are checked by `isExcluded`, not here. */
  path?: string;
  /** A link to a topic page (e.g. a file URI with a line): `policy` findings then point at the page that sets it. */
  topicLink?: (topic: Topic) => string | undefined;
  /** Guidelines the team follows (ids or organisations): their checkable rules are the `guideline-rule` findings. */
  follow?: readonly string[];
}

interface Draft {
  /** The diagnostic code when it is not the rule's own id (a guideline's rule: `zalando/150`). */
  code?: string;
  message: string;
  href?: string;
  topicId?: string;
  prefer?: string[];
  /** Severity the corpus gives (policy only). */
  severity?: Severity;
}

type RuleCheck = (token: HttpToken, topic: Topic | undefined, input: DiagnoseInput) => Draft | undefined;

const CHECKS: Readonly<Record<TokenRuleId, RuleCheck>> = {
  policy: (token, topic, input) => {
    const policy = topic?.policy;
    if (!topic || !policy) return undefined;
    const label = tokenLabel(token);
    const alternatives = policy.prefer.map((p) => preferLabel(p, input.index)).join(' or ');
    const message = policy.message
      ? `${label}: ${policy.message}`
      : `${label} is discouraged by your guidelines (${topic.name}).${alternatives ? ` Prefer ${alternatives}.` : ''}`;
    return { message, severity: policy.severity, href: input.topicLink?.(topic) ?? topicHref(topic), topicId: topic.id, prefer: [...policy.prefer] };
  },
  'guideline-rule': (token, topic, input) => {
    for (const followed of followedRules(input.index, input.follow ?? [])) {
      if (configuredSeverity(input.settings.rules, followed.code) === 'off' || !breaks(followed, token)) continue;
      const { guideline, rule, code } = followed;
      const label = tokenLabel(token);
      // Zalando's titles start with their level (`MUST use official HTTP status codes`): not said twice.
      const level = rule.level && !rule.name.toUpperCase().startsWith(rule.level) ? ` ${rule.level}` : '';
      const source = `${guideline.company} ${ruleLabel(rule.id)}${level}: ${rule.name}`;
      const message = rule.message ? `${label}: ${rule.message} (${source})` : `${label} ${WHY[checkKind(followed, token)]} (${source})`;
      return { code, message, href: rule.url ?? guideline.url, topicId: topic?.id, prefer: [...rule.prefer], severity: levelSeverity(rule.level) };
    }
    return undefined;
  },
  'deprecated-status': (token, topic) => {
    const info = token.kind === 'status' ? STATUS_BY_CODE.get(token.value as number) : undefined;
    if (!info || info.state === 'active') return undefined;
    const note = RETIRED_NOTES[info.code] ?? `marked ${info.state} in the IANA registry`;
    return { message: `${tokenLabel(token)} is ${note}.`, href: (topic && topicHref(topic)) ?? IANA_REGISTRY_URL, topicId: topic?.id };
  },
  'unregistered-status': (token, topic) => {
    if (token.kind !== 'status' || topic || STATUS_BY_CODE.has(token.value as number)) return undefined;
    const cls = STATUS_CLASSES[String(token.value)[0]];
    return { message: `${token.value} is not in the IANA HTTP Status Code Registry: clients will only understand its class (${cls}).`, href: IANA_REGISTRY_URL };
  },
  'uncovered-status': (token, topic) => {
    if (token.kind !== 'status' || topic || !STATUS_BY_CODE.has(token.value as number)) return undefined;
    return { message: `${tokenLabel(token)}: no topic in the active guideline corpus covers this status code.`, href: IANA_REGISTRY_URL };
  },
};

/** How a rule rules a token out, for the default message. */
type CheckKind = 'allowed' | 'forbidden';
const WHY: Readonly<Record<CheckKind, string>> = {
  allowed: 'is not among the values this followed guideline allows',
  forbidden: 'is ruled out by a followed guideline',
};

function checkKind({ rule: { check } }: FollowedRule, token: HttpToken): CheckKind {
  if (token.kind === 'status') return check.statusForbidden?.includes(token.value as number) ? 'forbidden' : 'allowed';
  if (token.kind === 'method') return check.methodsForbidden?.includes(String(token.value)) ? 'forbidden' : 'allowed';
  return 'forbidden';
}

/** Whether a token breaks a rule's check. */
function breaks({ rule: { check } }: FollowedRule, token: HttpToken): boolean {
  switch (token.kind) {
    case 'status': {
      const code = token.value as number;
      return !!check.statusForbidden?.includes(code) || (check.statusAllowed !== undefined && !check.statusAllowed.includes(code));
    }
    case 'method': {
      const method = String(token.value);
      return !!check.methodsForbidden?.includes(method) || (check.methodsAllowed !== undefined && !check.methodsAllowed.includes(method));
    }
    case 'header': {
      const header = String(token.value).toLowerCase();
      return !!check.headersForbidden?.some((h) => h.toLowerCase() === header);
    }
  }
}

/** A rule's level as a severity: what a guideline requires warns, what it recommends informs, what it allows hints. */
export function levelSeverity(level: string | undefined): Severity {
  if (!level) return 'warning';
  if (/^(MUST|REQUIRED|SHALL|DO)( NOT)?$/.test(level)) return 'warning';
  if (/^(MAY|OPTIONAL|COULD|YOU MAY)$/.test(level)) return 'hint';
  return 'information';
}

/** Findings for one document, sorted by offset, with suppression comments applied. */
/** Whether diagnostics look at documents of a language at all; beyond this, findings never depend on the language. */
export function diagnosesLanguage(settings: ApiGuidelinesSettings['diagnostics'], languageId: string): boolean {
  return settings.enable && !settings.disabledLanguages.includes(languageId) && !PROSE_LANGUAGES.has(languageId);
}

export function diagnose(input: DiagnoseInput): Finding[] {
  const { settings, languageId } = input;
  if (!diagnosesLanguage(settings, languageId)) return [];
  const quietUncovered = input.builtinOnly || input.index.size === 0;
  const enabled: { rule: RuleInfo; severity: Severity | 'corpus' }[] = [];
  for (const rule of RULES) {
    const severity = configuredSeverity(settings.rules, rule.id) ?? defaultSeverity(rule, quietUncovered);
    if (severity !== 'off' && !rule.document) enabled.push({ rule, severity });
  }
  const findings = documentFindings(input, ruleSeverity(settings, 'openapi-syntax'));
  if (!enabled.length) return findings;
  let scopes: SuppressionScope[] | undefined;
  for (const token of input.tokens) {
    const topic = topicForToken(input.index, token);
    for (const { rule, severity } of enabled) {
      const draft = CHECKS[rule.id as TokenRuleId](token, topic, input);
      if (!draft) continue;
      scopes ??= findSuppressions(input.text, languageId);
      if (isSuppressed(scopes, rule.id, token.start) || (draft.code && isSuppressed(scopes, draft.code, token.start))) break;
      const { severity: corpusSeverity, code, ...rest } = draft;
      // A guideline's rule may have a severity of its own (`zalando/150: error`).
      const own = code ? configuredSeverity(settings.rules, code) : undefined;
      const level = own ?? (severity === 'corpus' ? corpusSeverity ?? 'warning' : severity);
      if (level === 'off') continue;
      findings.push({ rule: code ?? rule.id, severity: level, start: token.start, end: token.end, token, ...rest });
      break;
    }
  }
  return findings.sort((a, b) => a.start - b.start);
}

/** Findings about the document as a whole: a syntax error in an OpenAPI document. */
function documentFindings(input: DiagnoseInput, syntax: RuleSeverity): Finding[] {
  if (syntax === 'off') return [];
  return findOpenApiSyntaxErrors(input.text, input.languageId).map((e) => ({ rule: 'openapi-syntax', severity: syntax, ...e }));
}

/** A rule's severity with the settings applied (for rules whose default does not depend on the corpus). */
function ruleSeverity(settings: ApiGuidelinesSettings['diagnostics'], id: RuleId): RuleSeverity {
  return configuredSeverity(settings.rules, id) ?? (RULE_BY_ID.get(id)!.defaultSeverity as RuleSeverity);
}

function defaultSeverity(rule: RuleInfo, quietUncovered: boolean): RuleInfo['defaultSeverity'] {
  return rule.id === 'uncovered-status' && quietUncovered ? 'off' : rule.defaultSeverity;
}

/** The user's severity for a rule, if set to something meaningful; only the rules' own entries count. */
export function configuredSeverity(rules: Record<string, unknown> | undefined, id: string): RuleSeverity | undefined {
  return rules && Object.hasOwn(rules, id) ? parseSeverity(rules[id]) : undefined;
}

/** The first web link a topic offers, in the order its page lists guidelines: a reference, else the guideline. */
export function topicHref(topic: Topic): string | undefined {
  for (const link of topicLinks(topic)) return link.url;
  return undefined;
}

/**
 * One web link per guideline of the topic (its first linked reference, else the guideline itself): the followed
 * guidelines first, then those the topic's own page lists (in page order), then the others as readers see them.
 */
export function topicLinks(topic: Topic, prefs?: GuidelinePreferences): { name: string; url: string }[] {
  const arranged = arrangeGuidelines(topic.guidelines, prefs);
  const own = (g: TopicGuideline) => !g.attached;
  const ordered = [
    ...arranged.filter((g) => g.followed).map((g) => g.entry),
    ...arranged.filter((g) => !g.followed && own(g.entry)).map((g) => g.entry).sort((a, b) => a.range.start.offset - b.range.start.offset),
    ...arranged.filter((g) => !g.followed && !own(g.entry)).map((g) => g.entry),
  ];
  const links: { name: string; url: string }[] = [];
  for (const g of ordered) {
    const ref = g.references.find((r) => r.url && isWebUrl(r.url));
    if (ref) links.push({ name: `${g.title} (${ref.name})`, url: ref.url! });
    else if (g.url && isWebUrl(g.url)) links.push({ name: g.title, url: g.url });
  }
  return links;
}

/** `303` → `303 See Other`; a topic id → its name; methods and headers as written. */
export function preferLabel(item: string, index: CorpusIndex): string {
  const topic = index.topics.get(item);
  if (topic) return topic.name;
  const info = /^\d{3}$/.test(item) ? STATUS_BY_CODE.get(Number(item)) : undefined;
  return info ? `${info.code} ${info.phrase}` : item;
}

const globCache = new Map<string, CompiledGlob>();
/** Distinct globs kept compiled; settings hold a handful, so the cache only starts over for pathological ones. */
const MAX_CACHED_GLOBS = 256;

/**
 * Whether a path (relative to the workspace folder, `/` or `\` separated) matches one of the globs.
 * `**` crosses folders, `*` and `?` stay within one name, `{a,b}` and `[abc]` as usual; a pattern without `/`
 * matches a name at any depth; a pattern that matches a folder excludes everything inside it. Time is linear in
 * the path whatever the glob; a malformed glob (`globError`) matches nothing, and the others still apply.
 */
export function isExcluded(relativePath: string, globs: readonly string[]): boolean {
  if (!globs.length) return false;
  const path = relativePath.replace(/\\/g, '/').replace(/^(\.\/|\/)+/, '');
  return globs.some((g) => {
    let glob = globCache.get(g);
    if (!glob) {
      if (globCache.size >= MAX_CACHED_GLOBS) globCache.clear();
      globCache.set(g, (glob = compileGlob(g, 'exclude')));
    }
    return glob.matchesSelfOrParent(path);
  });
}
