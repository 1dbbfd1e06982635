import * as assert from 'assert';
import { CorpusSet } from '../../../server/src/corpus/corpusSet';
import type { CorpusIndex } from '../../../server/src/corpus/corpusIndex';
import { findHttpTokens } from '../../../server/src/detect/findHttpTokens';
import { diagnose } from '../../../server/src/features/diagnostics';
import { arrangeGuidelines, followedRules, referenceBadge, ruleCode, unknownFollows } from '../../../server/src/features/guidelineView';
import { HOVER_GUIDELINE_LINES, renderHover } from '../../../server/src/features/hoverContent';
import { DEFAULT_SETTINGS } from '../../../server/src/settings';
import { MemoryFileSystem } from '../../helpers/memoryFileSystem';

const topic403 = `---
topic_id: http-status-403
topic_category: HTTP Status User Error
topic_name: 403 Forbidden
topic_description: Refused for this caller.
guidelines:
  - guideline_id: rfc9110
    references:
      - name: 15.5.4. 403 Forbidden
        url: https://www.rfc-editor.org/rfc/rfc9110.html#section-15.5.4
  - guideline_id: acme
    references:
      - name: Permissions
        url: https://acme.example/guide#permissions
---
`;

const simpleTopic = (id: string) => `---\ntopic_id: ${id}\ntopic_category: Cat\ntopic_name: ${id}\ntopic_description: About ${id}.\n---\n`;

const rfc9110 = `---
layout: guideline
guideline_kind: standard
guideline_id: rfc9110
guideline_title: 'RFC 9110: HTTP Semantics'
guideline_company: IETF
guideline_url: https://www.rfc-editor.org/rfc/rfc9110.html
---
`;

const acme = `---
layout: guideline
guideline_id: acme
guideline_title: Acme API Guide
guideline_company: Acme
guideline_url: https://acme.example/guide
guideline_summary: Acme's house rules.
guideline_revision:
  date: 2026-12-04
  repository: https://github.com/acme/guide
  commit: 0123456789abcdef0123456789abcdef01234567
topics:
  http-status-403:
    - name: Permissions
      url: https://acme.example/guide#permissions
    - name: Use few status codes
      url: https://acme.example/guide#12
      rule: '12'
      level: should
      asks: Lists 403 for callers without permission.
  http-methods-put:
    - name: Methods
      url: https://acme.example/guide#methods
guideline_rules:
  - rule: '12'
    name: Use few status codes
    level: SHOULD
    url: https://acme.example/guide#12
    check:
      status_allowed: [200, 201, 204, 400, 401, 403, 404, 418, 500]
  - rule: '13'
    name: No redirects
    level: MUST NOT
    url: https://acme.example/guide#13
    message: Acme APIs never redirect.
    prefer: [200]
    check:
      status_forbidden: [301, 302]
  - rule: '14'
    name: No tunnelling
    level: MAY
    url: https://acme.example/guide#14
    check:
      methods_forbidden: [TRACE]
      headers_forbidden: [X-HTTP-Method-Override]
---
Acme's guide, in our words.
`;

/** A guideline page that covers 403 only: `n` of them make a long list. */
const company = (n: number) => `---
layout: guideline
guideline_id: org${n}
guideline_title: Org ${n} Guide
guideline_company: Org ${String(n).padStart(2, '0')}
guideline_url: https://org${n}.example/guide
topics:
  http-status-403:
    - name: Forbidden
      url: https://org${n}.example/guide#forbidden
---
`;

const FILES: Record<string, string> = {
  '/c/topics/403.md': topic403,
  '/c/topics/301.md': simpleTopic('http-status-301'),
  '/c/topics/put.md': simpleTopic('http-methods-put'),
  '/c/guidelines/rfc9110.md': rfc9110,
  '/c/guidelines/acme.md': acme,
};

async function load(extra: Record<string, string> = {}): Promise<CorpusIndex> {
  return new CorpusSet(new MemoryFileSystem({ ...FILES, ...extra })).load(['/c']);
}

function findings(index: CorpusIndex, text: string, follow: string[], rules: Record<string, string> = {}) {
  return diagnose({
    text, languageId: 'javascript', tokens: findHttpTokens(text, 'javascript'), index, builtinOnly: true, follow,
    settings: { ...DEFAULT_SETTINGS.diagnostics, rules: rules as never },
  }).map((f) => ({ rule: f.rule, severity: f.severity, text: text.slice(f.start, f.end), href: f.href, message: f.message, prefer: f.prefer }));
}

describe('features/guidelines: guideline pages, following and checkable rules', () => {
  let index: CorpusIndex;
  before(async () => {
    index = await load();
  });

  describe('guideline pages with topics, revision and rules', () => {
    it('reads summary, revision and rules, and attaches the sections to the topics', () => {
      assert.deepStrictEqual(index.problems, []);
      const g = index.guidelines.get('acme')!;
      assert.strictEqual(g.summary, "Acme's house rules.");
      assert.deepStrictEqual(g.revision, { date: '2026-12-04', repository: 'https://github.com/acme/guide', commit: '0123456789abcdef0123456789abcdef01234567' });
      assert.deepStrictEqual(g.rules!.map((r) => [r.id, r.level, Object.keys(r.check).filter((k) => (r.check as Record<string, unknown>)[k])]), [
        ['12', 'SHOULD', ['statusAllowed']], ['13', 'MUST NOT', ['statusForbidden']], ['14', 'MAY', ['methodsForbidden', 'headersForbidden']],
      ]);
      const put = index.topics.get('http-methods-put')!;
      assert.deepStrictEqual(put.guidelines.map((e) => [e.guidelineId, e.company, e.references.map((r) => r.name)]), [['acme', 'Acme', ['Methods']]]);
    });

    it('merges the entries of a topic page and a guideline page for one guideline, each section once', () => {
      const entries = index.topics.get('http-status-403')!.guidelines;
      const acmeEntries = entries.filter((e) => e.guidelineId === 'acme');
      assert.strictEqual(acmeEntries.length, 1);
      assert.deepStrictEqual(acmeEntries[0].references.map((r) => [r.name, referenceBadge(r), r.asks]), [
        ['Permissions', '', undefined], ['Use few status codes', '#12 SHOULD', 'Lists 403 for callers without permission.'],
      ]);
      assert.strictEqual(entries.find((e) => e.guidelineId === 'rfc9110')!.kind, 'standard');
    });

    it('reports bad revisions, levels, checks and unknown topics with their lines, and keeps the rest', async () => {
      const broken = acme
        .replace('commit: 0123456789abcdef0123456789abcdef01234567', 'commit: main')
        .replace('level: should', 'level: maybe')
        .replace('status_forbidden: [301, 302]', 'status_forbidden: [301, soon]')
        .replace('  http-methods-put:', '  http-methods-purge:');
      const i = await load({ '/c/guidelines/acme.md': broken });
      const problems = i.problems.map((p) => [p.code, p.severity, p.range.start.line + 1]);
      assert.deepStrictEqual(problems, [
        ['invalid-value', 'error', 11], ['wrong-type', 'error', 38], ['invalid-value', 'warning', 19], ['unknown-topic', 'error', 22],
      ]);
      assert.ok(i.topics.get('http-status-403')!.guidelines.some((g) => g.guidelineId === 'acme'), 'the rest of the page still counts');
    });

    it('takes the title and home of attached sections from the guideline page that wins for the id', async () => {
      const set = new CorpusSet(new MemoryFileSystem({ ...FILES, '/co/acme.md': '---\nlayout: guideline\nguideline_id: acme\nguideline_title: Acme Guide 2\nguideline_company: Acme Corp\nguideline_url: https://acme.example/v2\n---\n' }));
      const i = await set.load(['/c', '/co']);
      const entry = i.topics.get('http-methods-put')!.guidelines[0];
      assert.deepStrictEqual([entry.title, entry.company, entry.url, entry.references[0].name], ['Acme Guide 2', 'Acme Corp', 'https://acme.example/v2', 'Methods']);
    });

    it('reads the API Stylebook list form of topics on a guideline page', async () => {
      const listForm = `---\nlayout: guideline\nguideline_id: list\nguideline_title: List\nguideline_company: Lister\ntopics:\n- topic_id: http-methods-put\n  references:\n  - name: PUT\n    url: https://list.example/#put\n---\n`;
      const i = await load({ '/c/guidelines/list.md': listForm });
      assert.deepStrictEqual(i.problems, []);
      assert.ok(i.topics.get('http-methods-put')!.guidelines.some((g) => g.guidelineId === 'list' && g.references[0].url === 'https://list.example/#put'));
    });
  });

  describe('arranging guidelines for a reader', () => {
    it('puts followed guidelines first in the given order, then the others, then the standards', async () => {
      const i = await load({ '/c/guidelines/org1.md': company(1), '/c/guidelines/org2.md': company(2) });
      const entries = i.topics.get('http-status-403')!.guidelines;
      const ids = (follow: string[], hide: string[] = []) => arrangeGuidelines(entries, { follow, hide }).map((g) => `${g.followed ? '*' : ''}${g.entry.guidelineId}`);
      assert.deepStrictEqual(ids([]), ['acme', 'org1', 'org2', 'rfc9110']);
      assert.deepStrictEqual(ids(['org2', 'acme']), ['*org2', '*acme', 'org1', 'rfc9110']);
      assert.deepStrictEqual(ids(['Org 01']), ['*org1', 'acme', 'org2', 'rfc9110'], 'by organisation name too');
      assert.deepStrictEqual(ids([], ['org1', 'ACME']), ['org2', 'rfc9110']);
      assert.deepStrictEqual(ids(['org2'], ['*']), ['*org2', 'rfc9110'], '* hides all but the followed and the standards');
      assert.deepStrictEqual(ids(['org2'], ['org2']), ['*org2', 'acme', 'org1', 'rfc9110'], 'a followed guideline is never hidden');
    });

    it('names follow items that match no guideline', () => {
      assert.deepStrictEqual(unknownFollows(index, ['acme', 'Acme', 'acmee', 'IETF']), ['acmee']);
    });

    it('collects the rules of followed guidelines once, with their codes, those that name what they rule out first', () => {
      assert.deepStrictEqual(followedRules(index, ['acme', 'Acme']).map((r) => r.code), ['acme/13', 'acme/14', 'acme/12']);
      assert.deepStrictEqual(followedRules(index, []), []);
      assert.strictEqual(ruleCode('nl', '/core/http-methods'), 'nl/core/http-methods');
    });
  });

  describe('hover', () => {
    const token = { kind: 'status' as const, value: 403, start: 0, end: 3, confidence: 'literal' as const, family: 'status-literal' };

    it('shows standards on one line and a compact line per guideline, followed ones first and marked', async () => {
      const i = await load({ '/c/guidelines/org1.md': company(1) });
      const plain = renderHover(i, token);
      assert.match(plain, /\*\*Standards:\*\* \[RFC 9110: 15\.5\.4\. 403 Forbidden\]\(https:\/\/www\.rfc-editor\.org\/rfc\/rfc9110\.html#section-15\.5\.4\)/);
      assert.match(plain, /\*\*Guidelines \(2\)\*\*\n\n- \[\*\*Acme\*\*\]\(https:\/\/acme\.example\/guide\) · \[Permissions\]\(https:\/\/acme\.example\/guide#permissions\) · \[\\#12\]\(https:\/\/acme\.example\/guide#12\)$/m);
      const followed = renderHover(i, token, { preferences: { follow: ['org1'], hide: [] } });
      assert.match(followed, /\*\*Guidelines \(2\)\*\*\n\n- ★ \[\*\*Org 01\*\*\]\(https:\/\/org1\.example\/guide\) \*\(followed\)\* · \[Forbidden\]/);
      const hidden = renderHover(i, token, { preferences: { follow: [], hide: ['acme'] } });
      assert.doesNotMatch(hidden, /Acme/);
    });

    it('shows the rule, level and what the section asks on the line of a rule-numbered reference', async () => {
      const only = acme.replace(/ {4}- name: Permissions\n {6}url: https:\/\/acme.example\/guide#permissions\n/, '');
      const i = await load({ '/c/guidelines/acme.md': only, '/c/topics/403.md': topic403.replace(/ {2}- guideline_id: acme[\s\S]*?#permissions\n/, '') });
      assert.match(renderHover(i, token), /\[Use few status codes\]\(https:\/\/acme\.example\/guide#12\) `#12 SHOULD` — Lists 403 for callers without permission\./);
    });

    it('folds a long list into one line of names, never folding a followed guideline', async () => {
      const many: Record<string, string> = {};
      for (let n = 1; n <= 12; n++) many[`/c/guidelines/org${n}.md`] = company(n);
      const i = await load(many);
      const md = renderHover(i, token, { searchCommand: 'apiGuidelines.searchTopics' });
      const lines = md.split('\n').filter((l) => l.startsWith('- '));
      assert.strictEqual(lines.length, HOVER_GUIDELINE_LINES + 1);
      assert.match(lines[HOVER_GUIDELINE_LINES], /^- \*and 5 more:\* \[Org 08\]\(https:\/\/org8\.example\/guide#forbidden\), .*\[Org 12\]\([^)]*\)$/);
      assert.match(md, /\n\n\[Search guideline topics…\]\(command:apiGuidelines\.searchTopics\)$/);
      const followLast = renderHover(i, token, { preferences: { follow: ['org12'], hide: [] } });
      assert.match(followLast.split('\n').find((l) => l.startsWith('- '))!, /^- ★ \[\*\*Org 12\*\*\]/);
      assert.match(followLast, /\*\*Guidelines \(13\)\*\*/);
    });
  });

  describe('diagnostics from the rules of followed guidelines', () => {
    it('reports nothing for a guideline that is not followed', () => {
      assert.deepStrictEqual(findings(index, 'res.status(409); res.redirect(302, "/x");', []), []);
    });

    it('reports a code outside an allow-list and a forbidden code, with the rule as code and link', () => {
      const text = 'res.status(409); res.redirect(302, "/x"); res.status(200);';
      const found = findings(index, text, ['acme']);
      assert.deepStrictEqual(found.map((f) => [f.rule, f.severity, f.text, f.href]), [
        ['acme/12', 'information', '409', 'https://acme.example/guide#12'],
        ['acme/13', 'warning', '302', 'https://acme.example/guide#13'],
      ]);
      assert.match(found[0].message, /^409 Conflict is not among the values this followed guideline allows \(Acme #12 SHOULD: Use few status codes\)$/);
    });

    it('takes the first breaking rule, uses the level for severity, and its message and prefer; a rule set off gives way to the next', async () => {
      const text = 'res.redirect(301, "/x");';
      const forbid = findings(index, text, ['acme']);
      assert.deepStrictEqual(forbid.map((f) => [f.rule, f.severity, f.prefer]), [['acme/13', 'warning', ['200']]]);
      assert.match(forbid[0].message, /^301 Moved Permanently: Acme APIs never redirect\. \(Acme #13 MUST NOT: No redirects\)$/);
      assert.deepStrictEqual(findings(index, text, ['acme'], { 'acme/13': 'off' }).map((f) => [f.rule, f.severity]), [['acme/12', 'information']]);
    });

    it('checks methods and headers, and lets settings change one rule or all of them', () => {
      const text = "app.trace('/x', h); res.set('X-HTTP-Method-Override', 'PUT');";
      assert.deepStrictEqual(findings(index, text, ['acme']).map((f) => [f.rule, f.severity, f.text]), [['acme/14', 'hint', 'trace'], ['acme/14', 'hint', 'X-HTTP-Method-Override']]);
      assert.deepStrictEqual(findings(index, text, ['acme'], { 'acme/14': 'error' }).map((f) => f.severity), ['error', 'error']);
      assert.deepStrictEqual(findings(index, text, ['acme'], { 'guideline-rule': 'off' }), []);
    });

    it('comes before the IANA rules for one token, and is silenced by its code or by guideline-rule', () => {
      assert.deepStrictEqual(findings(index, 'res.status(418);', ['acme']).map((f) => f.rule), ['deprecated-status'], '418 is allowed by acme/12');
      assert.deepStrictEqual(findings(index, 'res.status(305);', ['acme']).map((f) => f.rule), ['acme/12']);
      assert.deepStrictEqual(findings(index, 'res.status(305); // api-guidelines-disable-line acme/12', ['acme']).map((f) => f.rule), []);
      assert.deepStrictEqual(findings(index, 'res.status(409); // api-guidelines-disable-line guideline-rule', ['acme']), []);
    });
  });
});
