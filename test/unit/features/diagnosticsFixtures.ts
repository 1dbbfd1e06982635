/** Shared material for the diagnostics unit tests: a small two-root corpus and a way to run `diagnose`. */
import { CorpusSet } from '../../../server/src/corpus/corpusSet';
import type { CorpusIndex } from '../../../server/src/corpus/corpusIndex';
import { findHttpTokens } from '../../../server/src/detect/findHttpTokens';
import type { HttpToken } from '../../../server/src/detect/token';
import { diagnose, type DiagnoseInput } from '../../../server/src/features/diagnostics';
import type { Finding } from '../../../server/src/features/finding';
import { DEFAULT_SETTINGS, type ApiGuidelinesSettings } from '../../../server/src/settings';
import { MemoryFileSystem } from '../../helpers/memoryFileSystem';

const rfc = (section: string, name: string) => `guidelines:
  - guideline_id: rfc9110
    guideline_title: 'RFC 9110: HTTP Semantics'
    guideline_company: IETF
    guideline_url: https://www.rfc-editor.org/rfc/rfc9110.html
    references:
      - name: '${name}'
        url: https://www.rfc-editor.org/rfc/rfc9110.html#section-${section}
`;

export const topicPage = (id: string, extra = '') =>
  `---\ntopic_id: ${id}\ntopic_category: Cat\ntopic_name: ${id.replace(/^http-\w+-/, '').toUpperCase()}\ntopic_description: About ${id}.\n${extra}---\n`;

/** A company policy on 302 (error, prefer 303 and 307) citing the Acme guide: front-matter lines. */
export const policy302 = (message: string) => `topic_policy:
  severity: error
  message: ${message}
  prefer: [303, 307]
guidelines:
  - guideline_id: acme
    guideline_title: Acme API Guide
    guideline_company: Acme
    guideline_url: https://acme.example/api-guide
    references:
      - name: Redirects
        url: https://acme.example/api-guide#redirects
`;

/** Root 0 plays the built-in corpus, root 1 a company corpus with policies. */
export const CORPUS_FILES: Record<string, string> = {
  '/builtin/302.md': topicPage('http-status-302', rfc('15.4.3', '15.4.3. 302 Found')),
  '/builtin/303.md': topicPage('http-status-303', rfc('15.4.4', '15.4.4. 303 See Other')),
  '/builtin/200.md': topicPage('http-status-200'),
  '/builtin/305.md': topicPage('http-status-305', rfc('15.4.6', '15.4.6. 305 Use Proxy')),
  '/builtin/306.md': topicPage('http-status-306'),
  '/builtin/put.md': topicPage('http-methods-put'),
  '/company/302.md': topicPage('http-status-302', policy302('Use 303 or 307 instead of 302.')),
  '/company/499.md': topicPage('http-status-499', 'topic_status: 499\n'),
  '/company/patch.md': topicPage('http-methods-patch', 'topic_policy:\n  severity: hint\n  prefer: http-methods-put\n'),
  '/company/x-request-id.md': topicPage('http-headers-x-request-id', 'topic_header: X-Request-ID\ntopic_policy:\n  prefer: X-Correlation-ID\n'),
};

export async function loadIndex(roots: string[] = ['/builtin', '/company'], extra: Record<string, string> = {}): Promise<CorpusIndex> {
  const index = await new CorpusSet(new MemoryFileSystem({ ...CORPUS_FILES, ...extra })).load(roots);
  if (index.problems.length) throw new Error(`fixture corpus has problems: ${index.problems.map((p) => p.message).join('; ')}`);
  return index;
}

export type Options = Partial<Omit<DiagnoseInput, 'settings'>> & { settings?: Partial<ApiGuidelinesSettings['diagnostics']> };

/** Runs `diagnose` over text with the real detector unless tokens are given. */
export function run(index: CorpusIndex, text: string, options: Options = {}): Finding[] {
  const languageId = options.languageId ?? 'javascript';
  return diagnose({
    text,
    languageId,
    tokens: options.tokens ?? findHttpTokens(text, languageId),
    index,
    builtinOnly: options.builtinOnly ?? false,
    topicLink: options.topicLink,
    settings: { ...DEFAULT_SETTINGS.diagnostics, ...options.settings },
  });
}

/** `[rule, severity, covered text]` per finding: the shape most assertions compare. */
export function brief(text: string, findings: Finding[]): [string, string, string][] {
  return findings.map((f) => [f.rule, f.severity, text.slice(f.start, f.end)]);
}

/** Tokens for every occurrence of `needle`, independent of the detector. */
export function tokensAt(text: string, needle: string, kind: HttpToken['kind'], value: HttpToken['value'], family = 'literal'): HttpToken[] {
  const out: HttpToken[] = [];
  for (let i = text.indexOf(needle); i !== -1; i = text.indexOf(needle, i + 1)) {
    out.push({ kind, value, start: i, end: i + needle.length, confidence: 'literal', family });
  }
  return out;
}
