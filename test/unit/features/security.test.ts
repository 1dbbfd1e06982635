import * as assert from 'assert';
import type { CorpusIndex } from '../../../server/src/corpus/corpusIndex';
import { CorpusSet } from '../../../server/src/corpus/corpusSet';
import { hoverCorpusPage } from '../../../server/src/features/authoring';
import { renderFindingsForAgent, renderSearchForAgent, renderTopicForAgent } from '../../../server/src/features/agentAnswers';
import { NO_PREFERENCES } from '../../../server/src/features/guidelineView';
import { renderHover } from '../../../server/src/features/hoverContent';
import { encodeLinkTarget, escapeMarkdown, inlineCode, link } from '../../../server/src/features/markdown';
import type { HttpToken } from '../../../server/src/detect/token';
import { HOSTILE, activeContent, asPlainText, linkTargets, renderedText, webOr } from '../../helpers/markdownSafety';
import { MemoryFileSystem } from '../../helpers/memoryFileSystem';

const q = (s: string) => JSON.stringify(s);

/** A topic page whose every text field is the hostile string, with hostile URLs too. */
function hostilePage(code: number, s: string): string {
  return `---
topic_id: http-status-${code}
topic_category: ${q(s)}
topic_name: ${q(s)}
topic_description: ${q(s)}
topic_policy:
  severity: warning
  message: ${q(s)}
  prefer: [${q(s)}, 404]
guidelines:
  - guideline_id: ${q(s)}
    guideline_title: ${q(s)}
    guideline_company: ${q(s)}
    guideline_url: https://evil.example/guide?a=1&b=<x>
    references:
      - name: ${q(s)}
        url: 'https://evil.example/a)b(c"d''e<f>'
      - name: js
        url: javascript:alert(1)
      - name: cmd
        url: command:workbench.action.quit
      - name: data
        url: data:text/html,<script>alert(1)</script>
      - name: file
        url: file:///etc/passwd
---
Body ${s}
`;
}

const status = (code: number): HttpToken => ({ kind: 'status', value: code, start: 0, end: 3, confidence: 'literal', family: 'literal' });
const SEARCH = 'command:apiGuidelines.searchTopics';

describe('security: corpus text in hovers', () => {
  let index: CorpusIndex;

  before(async () => {
    const files: Record<string, string> = {};
    HOSTILE.forEach((s, i) => (files[`/c/topics/t${i}.md`] = hostilePage(400 + i, s)));
    index = await new CorpusSet(new MemoryFileSystem(files)).load(['/c']);
    assert.strictEqual(index.size, HOSTILE.length, JSON.stringify(index.problems.filter((p) => p.code !== 'invalid-url'), null, 1));
  });

  it('rejects every non-http(s) URL in the corpus with a problem', () => {
    const invalid = index.problems.filter((p) => p.code === 'invalid-url');
    assert.strictEqual(invalid.length, HOSTILE.length * 4, 'javascript:, command:, data: and file: in each page');
    assert.ok(invalid.every((p) => p.severity === 'error' && p.range.start.line > 0));
  });

  HOSTILE.forEach((s, i) => {
    it(`renders ${JSON.stringify(s).slice(0, 50)} as plain text`, () => {
      const md = renderHover(index, status(400 + i));
      assert.deepStrictEqual(activeContent(md, webOr()), []);
      assert.deepStrictEqual(linkTargets(md), ['https://evil.example/guide?a=1&b=%3Cx%3E', 'https://evil.example/a%29b%28c%22d%27e%3Cf%3E']);
      assert.ok(renderedText(md).includes(asPlainText(s)), `the text is shown, not dropped:\n${renderedText(md)}`);
      assert.ok(!md.includes('\r'), 'no carriage return reaches the Markdown');
    });
  });

  it('renders the MCP answers for agents as plain text with https links only', () => {
    HOSTILE.forEach((s, i) => {
      const topic = index.topicForStatus(400 + i)!;
      const md = renderTopicForAgent(topic, NO_PREFERENCES);
      assert.deepStrictEqual(activeContent(md, webOr()), [], s);
      assert.deepStrictEqual(linkTargets(md), ['https://evil.example/guide?a=1&b=%3Cx%3E', 'https://evil.example/a%29b%28c%22d%27e%3Cf%3E']);
      assert.ok(renderedText(md).includes(asPlainText(s)), s);
      const hits = renderSearchForAgent(s, [{ rank: 1, id: s, name: s, category: s, guidelines: [{ id: s, company: s, followed: true }] }]);
      assert.deepStrictEqual(activeContent(hits, webOr()), [], s);
      const findings = renderFindingsForAgent([{ path: s, findings: [{ rule: s, severity: 'warning', message: s, line: 1, column: 1, href: 'javascript:alert(1)' }] }]);
      assert.deepStrictEqual(activeContent(findings, webOr()), [], s);
    });
  });

  it('links only the extension\'s search command, and only when the client runs commands', () => {
    const withCommand = renderHover(index, status(400), { searchCommand: 'apiGuidelines.searchTopics' });
    assert.deepStrictEqual(activeContent(withCommand, webOr(SEARCH)), []);
    assert.deepStrictEqual(linkTargets(withCommand).filter((h) => h.startsWith('command:')), [SEARCH]);
    assert.deepStrictEqual(linkTargets(renderHover(index, status(400))).filter((h) => !/^https:/.test(h)), []);
  });

  it('keeps the topic page link (a file URI) inside its parentheses', () => {
    const page = 'file:///c/topics/a (1)/t0.md#L2';
    const md = renderHover(index, status(400), { topicLink: () => page });
    assert.deepStrictEqual(activeContent(md, webOr('file:///c/topics/a%20%281%29/t0.md#L2')), []);
  });

  it('renders the authoring hover of a hostile guideline id as plain text', () => {
    HOSTILE.forEach((s) => {
      const text = `---\ntopic_id: t\nguidelines:\n  - guideline_id: ${q(s)}\n---\n`;
      const h = hoverCorpusPage(text, text.indexOf('guideline_id: ') + 16, index);
      if (h) assert.deepStrictEqual(activeContent(h.markdown, webOr()), [], s);
    });
  });
});

describe('security: Markdown building blocks', () => {
  it('escapes every hostile string into inert text that reads the same', () => {
    for (const s of HOSTILE) {
      const md = escapeMarkdown(s);
      assert.deepStrictEqual(activeContent(md, () => false), [], s);
      assert.strictEqual(renderedText(md), asPlainText(s));
      assert.doesNotMatch(md, /[\r\n\u2028\u2029]/);
    }
  });

  it('links only http(s) URLs', () => {
    for (const url of ['javascript:alert(1)', 'JAVASCRIPT:alert(1)', ' javascript:alert(1)', 'data:text/html,x', 'vbscript:x', 'file:///etc/passwd',
      'command:workbench.action.quit', 'vscode://ms-vscode.x/y', 'ftp://evil.example', '//evil.example', 'https:evil', 'https:///x', 'http://', 'https://evil example']) {
      const md = link('label', url);
      assert.deepStrictEqual(linkTargets(md), [], url);
      assert.strictEqual(renderedText(md), 'label');
    }
    assert.deepStrictEqual(linkTargets(link('ok', 'HTTPS://Example.com/a_b*c')), ['HTTPS://Example.com/a_b*c']);
    assert.deepStrictEqual(linkTargets(link('x', 'https://e.example/a) [y](command:z')), []);
    assert.deepStrictEqual(linkTargets(link('x', 'https://e.example/a)[y](command:z')), ['https://e.example/a%29%5By%5D%28command:z'], 'one link, all of it the URL');
  });

  it('keeps any URL inside the link parentheses', () => {
    assert.strictEqual(encodeLinkTarget('https://e.example/a b)c<d>"e\'f\\g`h'), 'https://e.example/a%20b%29c%3Cd%3E%22e%27f%5Cg%60h');
  });

  it('writes inline code that no backtick in the text can close', () => {
    for (const s of ['a`b', '``x``', '`', 'x ``` y', '<img src=x>', '[a](command:x)', 'plain', 'x`']) {
      const md = `id ${inlineCode(s)} end`;
      assert.deepStrictEqual(activeContent(md, () => false), [], s);
      assert.strictEqual(renderedText(md), `id ${s} end`);
    }
  });
});

describe('security: a reference rule id cannot leave its code span', () => {
  it('keeps a backtick in a rule id inside the badge', async () => {
    const page = `---
topic_id: http-status-418
topic_category: C
topic_name: Teapot
topic_description: D
guidelines:
  - guideline_id: g
    guideline_title: G
    guideline_company: Co
    references:
      - name: Section
        url: https://e.example/s
        rule: "x\` [run](command:workbench.action.quit) \`y"
        level: MUST
---
`;
    const index = await new CorpusSet(new MemoryFileSystem({ '/c/t.md': page })).load(['/c']);
    const md = renderHover(index, status(418));
    assert.deepStrictEqual(activeContent(md, webOr()), [], md);
    assert.ok(renderedText(md).includes('x` [run](command:workbench.action.quit) `y MUST'), renderedText(md));
  });
});
